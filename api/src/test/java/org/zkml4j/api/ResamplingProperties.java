package org.zkml4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Area-average resampling, checked against what averaging means rather than against itself. */
class ResamplingProperties {
  @Property(tries = 200)
  void preservesTheImagesMean_andStaysWithinItsRange(@ForAll @IntRange(min = 1, max = 40) int sw,
      @ForAll @IntRange(min = 1, max = 40) int sh, @ForAll @IntRange(min = 1, max = 40) int tw,
      @ForAll @IntRange(min = 1, max = 40) int th, @ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] src = new double[sw * sh];
    double min = 255, max = 0, sum = 0;
    for (int i = 0; i < src.length; i++) {
      src[i] = r.nextInt(256);
      min = Math.min(min, src[i]);
      max = Math.max(max, src[i]);
      sum += src[i];
    }
    double[] out = ImageInputs.resample(src, sw, sh, tw, th);
    double outSum = 0;
    for (double v : out) {
      assertTrue(v >= min - 1e-9 && v <= max + 1e-9, v + " outside [" + min + ", " + max + "]");
      outSum += v;
    }
    assertEquals(sum / src.length, outSum / out.length, 1e-9);
  }

  @Property(tries = 100)
  void integerFactors_areBlockMeans(@ForAll @IntRange(min = 1, max = 8) int tw, @ForAll @IntRange(min = 1, max = 8) int th,
      @ForAll @IntRange(min = 1, max = 5) int fx, @ForAll @IntRange(min = 1, max = 5) int fy, @ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    int sw = tw * fx, sh = th * fy;
    double[] src = new double[sw * sh];
    for (int i = 0; i < src.length; i++) {
      src[i] = r.nextInt(256);
    }
    double[] out = ImageInputs.resample(src, sw, sh, tw, th);
    for (int ty = 0; ty < th; ty++) {
      for (int tx = 0; tx < tw; tx++) {
        double block = 0;
        for (int y = 0; y < fy; y++) {
          for (int x = 0; x < fx; x++) {
            block += src[(ty * fy + y) * sw + tx * fx + x];
          }
        }
        assertEquals(block / (fx * fy), out[ty * tw + tx], 1e-9);
      }
    }
  }

  @Property(tries = 50)
  void upscalingByWholeFactors_repeatsPixels(@ForAll @IntRange(min = 1, max = 6) int sw,
      @ForAll @IntRange(min = 1, max = 6) int f, @ForAll long seed) {
    java.util.Random r = new java.util.Random(seed);
    double[] src = new double[sw * sw];
    for (int i = 0; i < src.length; i++) {
      src[i] = r.nextInt(256);
    }
    int tw = sw * f;
    double[] out = ImageInputs.resample(src, sw, sw, tw, tw);
    for (int y = 0; y < tw; y++) {
      for (int x = 0; x < tw; x++) {
        assertEquals(src[(y / f) * sw + x / f], out[y * tw + x], 1e-9);
      }
    }
  }
}
