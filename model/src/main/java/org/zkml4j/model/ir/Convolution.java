package org.zkml4j.model.ir;

/**
 * Direct grouped convolution over up to 3 spatial axes. For each output channel, input channel and
 * kernel tap, the tap's weight scales a strided run of input rows into the output plane; the valid
 * range of each run is computed once per tap, so the innermost loop has no bounds tests. About as
 * fast as plain Java gets without im2col, and simple enough to read as the definition.
 */
final class Convolution {
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
    int[] in = g.in();
    int[] out = g.out();
    int kVolume = k[0] * k[1] * k[2];
    int inPlane = g.inVolume();
    int outPlane = g.outVolume();
    float[] xs = x.floatData();
    float[] ws = w.floatData();
    float[] y = new float[outShape.size()];
    for (int b = 0; b < n; b++) {
      for (int oc = 0; oc < m; oc++) {
        int outBase = (b * m + oc) * outPlane;
        if (bias != null) {
          java.util.Arrays.fill(y, outBase, outBase + outPlane, bias.floatData()[oc]);
        }
        int group = oc / mPerGroup;
        for (int icg = 0; icg < cPerGroup; icg++) {
          int inBase = (b * c + group * cPerGroup + icg) * inPlane;
          int wBase = (oc * cPerGroup + icg) * kVolume;
          for (int kd = 0; kd < k[0]; kd++) {
            int d0 = g.firstOutput(0, kd);
            int d1 = g.endOutput(0, kd);
            for (int kh = 0; kh < k[1]; kh++) {
              int h0 = g.firstOutput(1, kh);
              int h1 = g.endOutput(1, kh);
              for (int kw = 0; kw < k[2]; kw++) {
                float wv = ws[wBase + (kd * k[1] + kh) * k[2] + kw];
                int w0 = g.firstOutput(2, kw);
                int w1 = g.endOutput(2, kw);
                int sw = g.stride()[2];
                for (int od = d0; od < d1; od++) {
                  int id = g.input(0, od, kd);
                  for (int oh = h0; oh < h1; oh++) {
                    int ih = g.input(1, oh, kh);
                    int outRow = outBase + (od * out[1] + oh) * out[2];
                    int inRow = inBase + (id * in[1] + ih) * in[2] + g.input(2, 0, kw);
                    for (int ow = w0; ow < w1; ow++) {
                      y[outRow + ow] += wv * xs[inRow + ow * sw];
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return Tensor.wrap(outShape, y);
  }
}
