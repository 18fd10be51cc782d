package org.zkml4j.model.ir;

import java.util.List;

/**
 * Kernels that only move elements, for float and int64 tensors alike: transpose, concat, constant
 * padding (negative widths crop) and gather. Reshape-like ops need no kernel: they share the data.
 */
final class Layouts {
  private Layouts() {}

  static Tensor transpose(Tensor x, List<Integer> perm, Shape out) {
    int rank = out.rank();
    int[] inStrides = Kernels.strides(x.shape().toArray());
    int[] dims = out.toArray();
    int[] strides = new int[rank];
    for (int i = 0; i < rank; i++) {
      strides[i] = inStrides[perm.get(i)];
    }
    int[] source = new int[out.size()];
    int[] idx = new int[rank];
    int offset = 0;
    for (int o = 0; o < source.length; o++) {
      source[o] = offset;
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        offset += strides[d];
        if (idx[d] < dims[d]) {
          break;
        }
        offset -= strides[d] * dims[d];
        idx[d] = 0;
      }
    }
    return gatherElements(x, source, out, 0);
  }

  static Tensor concat(List<Tensor> in, int axis, Shape out) {
    int outer = out.sizeOf(0, axis);
    int inner = out.sizeOf(axis + 1, out.rank());
    Object data = allocate(in.get(0).type(), out.size());
    int pos = 0;
    for (int o = 0; o < outer; o++) {
      for (Tensor t : in) {
        int block = t.shape().dim(axis) * inner;
        System.arraycopy(t.data(), o * block, data, pos, block);
        pos += block;
      }
    }
    return wrap(out, data);
  }

  static Tensor pad(Tensor x, Op.Pad p, Shape out) {
    int rank = out.rank();
    int[] dims = out.toArray();
    int[] inDims = x.shape().toArray();
    int[] inStrides = Kernels.strides(inDims);
    int[] source = new int[out.size()];
    int[] idx = new int[rank];
    for (int o = 0; o < source.length; o++) {
      int offset = 0;
      for (int d = 0; d < rank && offset >= 0; d++) {
        int i = idx[d] - p.padsBegin().get(d);
        offset = i < 0 || i >= inDims[d] ? -1 : offset + i * inStrides[d];
      }
      source[o] = offset;
      for (int d = rank - 1; d >= 0; d--) {
        if (++idx[d] < dims[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    return gatherElements(x, source, out, p.value());
  }

  static Tensor gather(Tensor data, Tensor indices, int axis, Shape out) {
    Shape s = data.shape();
    int n = s.dim(axis);
    int outer = s.sizeOf(0, axis);
    int inner = s.sizeOf(axis + 1, s.rank());
    int count = indices.size();
    Object result = allocate(data.type(), out.size());
    for (int o = 0; o < outer; o++) {
      for (int q = 0; q < count; q++) {
        long k = indices.getLong(q);
        int i = (int) (k < 0 ? k + n : k);
        if (i < 0 || i >= n) {
          throw new IndexOutOfBoundsException("Gather index " + k + " is outside [" + -n + ", " + n + ")");
        }
        System.arraycopy(data.data(), (o * n + i) * inner, result, (o * count + q) * inner, inner);
      }
    }
    return wrap(out, result);
  }

  /** out[o] = x[source[o]], or {@code fill} where source[o] is negative. */
  private static Tensor gatherElements(Tensor x, int[] source, Shape out, float fill) {
    if (x.type() == ElementType.FLOAT) {
      float[] in = x.floatData();
      float[] y = new float[source.length];
      for (int o = 0; o < y.length; o++) {
        y[o] = source[o] < 0 ? fill : in[source[o]];
      }
      return Tensor.wrap(out, y);
    }
    long[] in = x.longData();
    long[] y = new long[source.length];
    for (int o = 0; o < y.length; o++) {
      y[o] = source[o] < 0 ? (long) fill : in[source[o]];
    }
    return Tensor.wrap(out, y);
  }

  private static Object allocate(ElementType type, int size) {
    return type == ElementType.FLOAT ? new float[size] : new long[size];
  }

  private static Tensor wrap(Shape shape, Object data) {
    return data instanceof float[] f ? Tensor.wrap(shape, f) : Tensor.wrap(shape, (long[]) data);
  }
}
