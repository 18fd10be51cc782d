package org.zkml4j.model.ir;

/**
 * Kernels that reduce along an axis: softmax and log-softmax (max-subtracted, summed in double),
 * arg-max, and the global average over spatial axes. A tensor is seen as {@code [outer, n, inner]}
 * around the reduced axis.
 */
final class Reductions {
  private Reductions() {}

  static Tensor softmax(Tensor x, int axis, boolean log) {
    Shape s = x.shape();
    int n = s.dim(axis);
    int inner = s.sizeOf(axis + 1, s.rank());
    int outer = s.sizeOf(0, axis);
    float[] in = x.floatData();
    float[] out = new float[in.length];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * n * inner + i;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          max = Math.max(max, in[base + j * inner]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum += Math.exp((double) in[base + j * inner] - max);
        }
        double logSum = Math.log(sum);
        for (int j = 0; j < n; j++) {
          double shifted = (double) in[base + j * inner] - max;
          out[base + j * inner] = (float) (log ? shifted - logSum : Math.exp(shifted) / sum);
        }
      }
    }
    return Tensor.wrap(s, out);
  }

  static Tensor argMax(Tensor x, int axis, boolean last, Shape outShape) {
    Shape s = x.shape();
    int n = s.dim(axis);
    int inner = s.sizeOf(axis + 1, s.rank());
    int outer = s.sizeOf(0, axis);
    float[] in = x.floatData();
    long[] out = new long[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * n * inner + i;
        int best = 0;
        for (int j = 1; j < n; j++) {
          float v = in[base + j * inner];
          float b = in[base + best * inner];
          if (v > b || (last && v == b)) {
            best = j;
          }
        }
        out[o * inner + i] = best;
      }
    }
    return Tensor.wrap(outShape, out);
  }

  static Tensor globalAverage(Tensor x, Shape outShape) {
    Shape s = x.shape();
    int planes = s.dim(0) * s.dim(1);
    int plane = s.sizeOf(2, s.rank());
    float[] in = x.floatData();
    float[] out = new float[planes];
    for (int p = 0; p < planes; p++) {
      double sum = 0;
      for (int j = p * plane; j < (p + 1) * plane; j++) {
        sum += in[j];
      }
      out[p] = (float) (sum / plane);
    }
    return Tensor.wrap(outShape, out);
  }
}
