package org.zkml4j.model.ir;

/**
 * Element-wise kernels: the broadcasting binary ops (float and int64), and the float activations.
 * Broadcasting walks the output in rows of its last axis; each operand advances by its own stride,
 * which is 0 along an axis it broadcasts.
 */
final class Elementwise {
  private Elementwise() {}

  enum Binary { ADD, SUB, MUL, DIV, PRELU }

  static Tensor binary(Binary f, Tensor a, Tensor b, Shape out) {
    int rank = Math.max(1, out.rank());
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = out.rank() == 0 ? 1 : out.dim(i);
    }
    int[] sa = alignedStrides(a.shape(), dims);
    int[] sb = alignedStrides(b.shape(), dims);
    int inner = dims[rank - 1];
    int size = out.size();
    boolean floats = a.type() == ElementType.FLOAT;
    float[] fo = floats ? new float[size] : null;
    long[] lo = floats ? null : new long[size];
    if (size == 0) {
      return floats ? Tensor.wrap(out, fo) : Tensor.wrap(out, lo);
    }
    int[] idx = new int[rank];
    int ia = 0;
    int ib = 0;
    for (int base = 0; base < size; base += inner) {
      if (floats) {
        row(f, a.floatData(), ia, sa[rank - 1], b.floatData(), ib, sb[rank - 1], fo, base, inner);
      } else {
        row(f, a.longData(), ia, sa[rank - 1], b.longData(), ib, sb[rank - 1], lo, base, inner);
      }
      for (int d = rank - 2; d >= 0; d--) {
        idx[d]++;
        ia += sa[d];
        ib += sb[d];
        if (idx[d] < dims[d]) {
          break;
        }
        ia -= sa[d] * dims[d];
        ib -= sb[d] * dims[d];
        idx[d] = 0;
      }
    }
    return floats ? Tensor.wrap(out, fo) : Tensor.wrap(out, lo);
  }

  /** Strides of {@code operand} seen with the output's rank: 0 where it has size 1 or no axis. */
  private static int[] alignedStrides(Shape operand, int[] dims) {
    int[] s = new int[dims.length];
    int[] own = Kernels.strides(operand.toArray());
    int offset = dims.length - operand.rank();
    for (int i = 0; i < operand.rank(); i++) {
      s[i + offset] = operand.dim(i) == 1 ? 0 : own[i];
    }
    return s;
  }

  private static void row(Binary f, float[] a, int ia, int sa, float[] b, int ib, int sb, float[] o, int base,
      int n) {
    switch (f) {
      case ADD -> {
        for (int j = 0; j < n; j++) {
          o[base + j] = a[ia + j * sa] + b[ib + j * sb];
        }
      }
      case SUB -> {
        for (int j = 0; j < n; j++) {
          o[base + j] = a[ia + j * sa] - b[ib + j * sb];
        }
      }
      case MUL -> {
        for (int j = 0; j < n; j++) {
          o[base + j] = a[ia + j * sa] * b[ib + j * sb];
        }
      }
      case DIV -> {
        for (int j = 0; j < n; j++) {
          o[base + j] = a[ia + j * sa] / b[ib + j * sb];
        }
      }
      case PRELU -> {
        for (int j = 0; j < n; j++) {
          float x = a[ia + j * sa];
          o[base + j] = x < 0 ? x * b[ib + j * sb] : x;
        }
      }
    }
  }

  private static void row(Binary f, long[] a, int ia, int sa, long[] b, int ib, int sb, long[] o, int base,
      int n) {
    for (int j = 0; j < n; j++) {
      long x = a[ia + j * sa];
      long y = b[ib + j * sb];
      o[base + j] = switch (f) {
        case ADD -> x + y;
        case SUB -> x - y;
        case MUL -> x * y;
        case DIV -> {
          if (y == 0) {
            throw new ArithmeticException("int64 division by zero");
          }
          yield x / y;
        }
        case PRELU -> x < 0 ? x * y : x;
      };
    }
  }

  static Tensor clip(Tensor x, float min, float max) {
    float[] in = x.floatData();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      float v = in[i];
      out[i] = v < min ? min : v > max ? max : v;
    }
    return Tensor.wrap(x.shape(), out);
  }

  static Tensor leakyRelu(Tensor x, float alpha) {
    float[] in = x.floatData();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      float v = in[i];
      out[i] = v < 0 ? v * alpha : v;
    }
    return Tensor.wrap(x.shape(), out);
  }

  static Tensor sigmoid(Tensor x) {
    float[] in = x.floatData();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) (1.0 / (1.0 + Math.exp(-(double) in[i])));
    }
    return Tensor.wrap(x.shape(), out);
  }

  static Tensor tanh(Tensor x) {
    float[] in = x.floatData();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) Math.tanh(in[i]);
    }
    return Tensor.wrap(x.shape(), out);
  }

  /** {@code x * scale[c] + shift[c]} with channel axis 1. */
  static Tensor channelAffine(Tensor x, Tensor scale, Tensor shift) {
    float[] in = x.floatData();
    float[] out = new float[in.length];
    int channels = x.shape().dim(1);
    int inner = x.shape().sizeOf(2, x.shape().rank());
    float[] a = scale.floatData();
    float[] b = shift.floatData();
    if (inner == 0) {
      return Tensor.wrap(x.shape(), out);
    }
    for (int base = 0, c = 0; base < in.length; base += inner, c = (c + 1) % channels) {
      for (int j = base; j < base + inner; j++) {
        out[j] = in[j] * a[c] + b[c];
      }
    }
    return Tensor.wrap(x.shape(), out);
  }
}
