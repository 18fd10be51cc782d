package org.zkml4j.model.ir;

import java.util.Arrays;

/**
 * Grouped convolution over up to 3 spatial axes, as a matrix product: for a block of output
 * positions, the input values under each kernel tap are gathered into the rows of a patch matrix
 * (zero where the tap falls in the padding), and each filter then adds {@code weight * row} into
 * its output row. The innermost loop is a contiguous multiply-add that the JIT vectorizes; blocks
 * keep the patch matrix within about 1 MiB.
 */
final class Convolution {
  private static final int PATCH_FLOATS = 1 << 18;

  private Convolution() {}

  static Tensor conv(Op.Conv op, Tensor x, Tensor w, Tensor bias, Shape outShape) {
    SpatialGeometry g = SpatialGeometry.of(op.window(), x.shape(), outShape);
    int n = x.shape().dim(0);
    int c = x.shape().dim(1);
    int m = w.shape().dim(0);
    int groups = op.group();
    int cPerGroup = c / groups;
    int mPerGroup = m / groups;
    int[] k = g.kernel();
    int taps = cPerGroup * k[0] * k[1] * k[2];
    int positions = g.outVolume();
    int block = Math.max(1, Math.min(positions, PATCH_FLOATS / Math.max(1, taps)));
    float[] patch = new float[taps * block];
    float[] xs = x.floatData();
    float[] ws = w.floatData();
    float[] y = new float[outShape.size()];
    for (int b = 0; b < n; b++) {
      for (int oc = 0; oc < m; oc++) {
        if (bias != null) {
          int base = (b * m + oc) * positions;
          Arrays.fill(y, base, base + positions, bias.floatData()[oc]);
        }
      }
      for (int group = 0; group < groups; group++) {
        int inBase = (b * c + group * cPerGroup) * g.inVolume();
        for (int p0 = 0; p0 < positions; p0 += block) {
          int count = Math.min(block, positions - p0);
          fillPatch(g, xs, inBase, cPerGroup, p0, count, patch);
          for (int oc = group * mPerGroup; oc < (group + 1) * mPerGroup; oc++) {
            int out = (b * m + oc) * positions + p0;
            int wBase = oc * taps;
            for (int t = 0; t < taps; t++) {
              float wv = ws[wBase + t];
              int row = t * count;
              for (int j = 0; j < count; j++) {
                y[out + j] += wv * patch[row + j];
              }
            }
          }
        }
      }
    }
    return Tensor.wrap(outShape, y);
  }

  /**
   * Row {@code t} of the patch holds, for output positions {@code [p0, p0 + count)}, the input
   * value under tap {@code t} = (input channel, kd, kh, kw) of the window, or 0 in the padding.
   */
  private static void fillPatch(SpatialGeometry g, float[] xs, int inBase, int channels, int p0, int count,
      float[] patch) {
    int[] k = g.kernel();
    int[] in = g.in();
    int[] out = g.out();
    int inPlane = g.inVolume();
    int t = 0;
    for (int ch = 0; ch < channels; ch++) {
      int channelBase = inBase + ch * inPlane;
      for (int kd = 0; kd < k[0]; kd++) {
        for (int kh = 0; kh < k[1]; kh++) {
          for (int kw = 0; kw < k[2]; kw++, t++) {
            int row = t * count;
            int ow = p0 % out[2];
            int oh = p0 / out[2] % out[1];
            int od = p0 / (out[2] * out[1]);
            for (int j = 0; j < count; j++) {
              int id = g.input(0, od, kd);
              int ih = g.input(1, oh, kh);
              int iw = g.input(2, ow, kw);
              boolean inside = id >= 0 && id < in[0] && ih >= 0 && ih < in[1] && iw >= 0 && iw < in[2];
              patch[row + j] = inside ? xs[channelBase + (id * in[1] + ih) * in[2] + iw] : 0f;
              if (++ow == out[2]) {
                ow = 0;
                if (++oh == out[1]) {
                  oh = 0;
                  od++;
                }
              }
            }
          }
        }
      }
    }
  }
}
