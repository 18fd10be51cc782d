package org.zkml4j.math.ntt;

/**
 * The radix-2 passes of {@link EvaluationDomain}: decimation in time (bit-reversed input, natural
 * output) and decimation in frequency (natural input, bit-reversed output), in place over a flat
 * Fr vector starting at long offset {@code o}.
 *
 * <p>Twiddles come from a table {@code w} holding w_N^t for t &lt; N/2 (4 longs each), N = 2^k.
 * For the whole-vector layer passes N is the vector's size; a block pass only reaches layer
 * {@code layers}-1, so it can take the smaller table of N = 2^layers, which stays in cache. Layer
 * h combines pairs 2^h apart and needs w_(2^(h+1))^j = w_N^(j 2^(k-1-h)). The inverse transform
 * needs w_(2^(h+1))^-j, which for j &ge; 1 equals -w_N^(N/2 - j 2^(k-1-h)): the same table read
 * backwards, with the butterfly's outputs swapped (or its difference negated) to absorb the sign.
 *
 * <p>Each pass touches a caller-chosen range, so the caller can run ranges in parallel: the
 * butterflies of one layer are independent, and whole blocks of the lower layers are too.
 */
final class Butterflies {
  private Butterflies() {}

  /**
   * Decimation in time over layers 0 .. {@code layers}-1 of one block of 2^layers elements that
   * starts at element {@code start} (a multiple of the block size).
   */
  static void ditBlock(long[] x, int o, int k, long[] w, boolean inverse, int start, int layers) {
    int end = start + (1 << layers);
    for (int h = 0; h < layers; h++) {
      int m = 1 << h;
      for (int base = start; base < end; base += 2 * m) {
        ditRun(x, o, k, w, inverse, h, base, 0, m);
      }
    }
  }

  /** Decimation in time, layer h, butterflies [from, to) of the n/2 in the layer. */
  static void ditLayer(long[] x, int o, int k, long[] w, boolean inverse, int h, int from, int to) {
    int m = 1 << h;
    int q = from;
    while (q < to) {
      int j = q & (m - 1);
      int run = Math.min(m - j, to - q); // butterflies left in this group, sharing its base
      ditRun(x, o, k, w, inverse, h, ((q >>> h) << (h + 1)), j, j + run);
      q += run;
    }
  }

  /** Decimation in frequency over layers {@code layers}-1 down to 0 of one block. */
  static void difBlock(long[] x, int o, int k, long[] w, boolean inverse, int start, int layers) {
    int end = start + (1 << layers);
    for (int h = layers - 1; h >= 0; h--) {
      int m = 1 << h;
      for (int base = start; base < end; base += 2 * m) {
        difRun(x, o, k, w, inverse, h, base, 0, m);
      }
    }
  }

  /** Decimation in frequency, layer h, butterflies [from, to) of the n/2 in the layer. */
  static void difLayer(long[] x, int o, int k, long[] w, boolean inverse, int h, int from, int to) {
    int m = 1 << h;
    int q = from;
    while (q < to) {
      int j = q & (m - 1);
      int run = Math.min(m - j, to - q);
      difRun(x, o, k, w, inverse, h, ((q >>> h) << (h + 1)), j, j + run);
      q += run;
    }
  }

  /**
   * DIT butterflies j in [j0, j1) of the group at element {@code base} in layer h:
   * (a, b) becomes (a + w^j b, a - w^j b).
   */
  private static void ditRun(long[] x, int o, int k, long[] w, boolean inverse, int h, int base, int j0, int j1) {
    int stride = 4 << (k - 1 - h); // twiddle step in longs
    int half = 4 << h; // distance of the pair in longs
    int a = o + 4 * (base + j0);
    int j = j0;
    if (j == 0) { // twiddle 1
      FrButterfly.plusMinus(x, a, a + half);
      a += 4;
      j++;
    }
    int wo = inverse ? (4 << (k - 1)) - j * stride : j * stride;
    int step = inverse ? -stride : stride;
    for (; j < j1; j++, a += 4, wo += step) {
      FrButterfly.dit(x, a, a + half, w, wo, inverse); // inverse: the true twiddle is -w[wo]
    }
  }

  /**
   * DIF butterflies j in [j0, j1) of the group at element {@code base} in layer h:
   * (a, b) becomes (a + b, (a - b) w^j).
   */
  private static void difRun(long[] x, int o, int k, long[] w, boolean inverse, int h, int base, int j0, int j1) {
    int stride = 4 << (k - 1 - h);
    int half = 4 << h;
    int a = o + 4 * (base + j0);
    int j = j0;
    if (j == 0) { // twiddle 1
      FrButterfly.plusMinus(x, a, a + half);
      a += 4;
      j++;
    }
    int wo = inverse ? (4 << (k - 1)) - j * stride : j * stride;
    int step = inverse ? -stride : stride;
    for (; j < j1; j++, a += 4, wo += step) {
      FrButterfly.dif(x, a, a + half, w, wo, inverse); // inverse: the true twiddle is -w[wo]
    }
  }

  /** Swaps elements i and bitreverse_k(i) for i in [from, to); each pair is swapped once. */
  static void bitReverse(long[] x, int o, int k, int from, int to) {
    if (k == 0) {
      return;
    }
    for (int i = from; i < to; i++) {
      int r = Integer.reverse(i) >>> (32 - k);
      if (i < r) {
        int a = o + 4 * i, b = o + 4 * r;
        for (int l = 0; l < 4; l++) {
          long v = x[a + l];
          x[a + l] = x[b + l];
          x[b + l] = v;
        }
      }
    }
  }
}
