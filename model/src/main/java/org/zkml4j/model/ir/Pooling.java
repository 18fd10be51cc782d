package org.zkml4j.model.ir;

/**
 * Max and average pooling over up to 3 spatial axes, window by window. Padding never enters a
 * maximum. An average divides by the number of window taps inside the input, or with
 * {@code countIncludePad} by the taps inside the padded input (taps past the end padding, which
 * {@code ceilMode} can create, are never counted), as ONNX Runtime does.
 */
final class Pooling {
  private Pooling() {}

  static Tensor max(Window window, Tensor x, Shape outShape) {
    return pool(window, x, outShape, true, false);
  }

  static Tensor average(Window window, boolean countIncludePad, Tensor x, Shape outShape) {
    return pool(window, x, outShape, false, countIncludePad);
  }

  private static Tensor pool(Window window, Tensor x, Shape outShape, boolean max, boolean countPad) {
    SpatialGeometry g = SpatialGeometry.of(window, x.shape(), outShape);
    int[] k = g.kernel();
    int[] in = g.in();
    int[] out = g.out();
    int[] padEnd = {0, 0, 0};
    int offset = 3 - window.rank();
    for (int i = 0; i < window.rank(); i++) {
      padEnd[offset + i] = window.padsEnd().get(i);
    }
    int planes = x.shape().dim(0) * x.shape().dim(1);
    int inPlane = g.inVolume();
    int outPlane = g.outVolume();
    float[] xs = x.floatData();
    float[] y = new float[outShape.size()];
    for (int p = 0; p < planes; p++) {
      int inBase = p * inPlane;
      int o = p * outPlane;
      for (int od = 0; od < out[0]; od++) {
        for (int oh = 0; oh < out[1]; oh++) {
          for (int ow = 0; ow < out[2]; ow++, o++) {
            float best = Float.NEGATIVE_INFINITY;
            double sum = 0;
            int inside = 0;
            int padded = 0;
            for (int kd = 0; kd < k[0]; kd++) {
              int id = g.input(0, od, kd);
              boolean dIn = id >= 0 && id < in[0];
              boolean dPad = id >= -g.pad()[0] && id < in[0] + padEnd[0];
              for (int kh = 0; kh < k[1]; kh++) {
                int ih = g.input(1, oh, kh);
                boolean hIn = ih >= 0 && ih < in[1];
                boolean hPad = ih >= -g.pad()[1] && ih < in[1] + padEnd[1];
                for (int kw = 0; kw < k[2]; kw++) {
                  int iw = g.input(2, ow, kw);
                  if (dPad && hPad && iw >= -g.pad()[2] && iw < in[2] + padEnd[2]) {
                    padded++;
                  }
                  if (dIn && hIn && iw >= 0 && iw < in[2]) {
                    float v = xs[inBase + (id * in[1] + ih) * in[2] + iw];
                    best = Math.max(best, v);
                    sum += v;
                    inside++;
                  }
                }
              }
            }
            y[o] = max ? best : (float) (sum / (countPad ? padded : inside));
          }
        }
      }
    }
    return Tensor.wrap(outShape, y);
  }
}
