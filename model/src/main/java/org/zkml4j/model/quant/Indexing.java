package org.zkml4j.model.quant;

import java.util.Arrays;
import java.util.List;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Window;

/**
 * Which input elements each output element of a layer reads: numpy broadcasting, the taps of a
 * sliding window, ONNX's average-pooling divisors, and the pure wiring ops (reshape, transpose,
 * concat, pad, gather). Stated once here so that {@link QuantizedGraph#evaluate} and every circuit
 * backend address elements identically. Elements are numbered row-major.
 */
public final class Indexing {
  private Indexing() {}

  /** For each element of {@code out}, the element of a broadcast operand of shape {@code operand} it reads. */
  public static int[] broadcast(Shape operand, Shape out) {
    int rank = out.rank();
    int[] map = new int[out.size()];
    if (map.length == 0) {
      return map;
    }
    int[] strides = new int[rank];
    int[] own = strides(operand.toArray());
    int offset = rank - operand.rank();
    for (int i = 0; i < operand.rank(); i++) {
      strides[i + offset] = operand.dim(i) == 1 ? 0 : own[i];
    }
    int[] idx = new int[rank];
    int at = 0;
    for (int o = 0; o < map.length; o++) {
      map[o] = at;
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        at += strides[d];
        if (idx[d] < out.dim(d)) {
          break;
        }
        at -= strides[d] * out.dim(d);
        idx[d] = 0;
      }
    }
    return map;
  }

  /**
   * The taps of a window over x {@code [N, C, spatial...]} producing y: entry {@code p * K + t},
   * for output spatial position p (row-major over y's spatial axes) and kernel tap t (row-major over
   * the kernel, K taps), is the offset of the input element inside one channel's spatial plane, or
   * -1 when the tap falls in the padding. Its length is K times the number of output positions.
   */
  public static int[] windowTaps(Window window, Shape in, Shape out) {
    int r = window.rank();
    int taps = 1;
    for (int k : window.kernel()) {
      taps *= k;
    }
    int positions = out.sizeOf(2, out.rank());
    int[] inStrides = strides(spatial(in));
    int[] map = new int[positions * taps];
    int[] o = new int[r];
    int[] k = new int[r];
    for (int p = 0; p < positions; p++) {
      Arrays.fill(k, 0);
      for (int t = 0; t < taps; t++) {
        int offset = 0;
        for (int i = 0; i < r && offset >= 0; i++) {
          int c = coordinate(window, i, o[i], k[i]);
          offset = c < 0 || c >= in.dim(2 + i) ? -1 : offset + c * inStrides[i];
        }
        map[p * taps + t] = offset;
        next(k, window.kernel());
      }
      next(o, spatialList(out));
    }
    return map;
  }

  /**
   * ONNX's divisor of each average-pooling window (per output spatial position): the number of
   * taps inside x, or with {@code countIncludePad} inside x and its explicit padding (taps past the
   * end padding, which ceil mode can create, never count).
   */
  public static int[] poolDivisors(Window window, boolean countIncludePad, Shape in, Shape out) {
    int r = window.rank();
    int taps = 1;
    for (int k : window.kernel()) {
      taps *= k;
    }
    int positions = out.sizeOf(2, out.rank());
    int[] divisors = new int[positions];
    int[] o = new int[r];
    int[] k = new int[r];
    for (int p = 0; p < positions; p++) {
      Arrays.fill(k, 0);
      int count = 0;
      for (int t = 0; t < taps; t++) {
        boolean counted = true;
        for (int i = 0; i < r; i++) {
          int c = coordinate(window, i, o[i], k[i]);
          int from = countIncludePad ? -window.padsBegin().get(i) : 0;
          int to = in.dim(2 + i) + (countIncludePad ? window.padsEnd().get(i) : 0);
          counted &= c >= from && c < to;
        }
        count += counted ? 1 : 0;
        next(k, window.kernel());
      }
      divisors[p] = count;
      next(o, spatialList(out));
    }
    return divisors;
  }

  /**
   * The sources of a pure wiring op ({@link QuantizedOp.Reshape}, {@link QuantizedOp.Transpose},
   * {@link QuantizedOp.Concat}, {@link QuantizedOp.Pad}, {@link QuantizedOp.Gather}): for output
   * element o, entries {@code 2o} and {@code 2o + 1} are the input number and the element index it
   * copies, or -1 and 0 where it takes the op's fill value (Pad's value).
   *
   * @throws IllegalArgumentException for an op that is not pure wiring
   */
  public static int[] wiring(QuantizedOp op, List<Shape> inputs, Shape out) {
    int[] src = new int[2 * out.size()];
    switch (op) {
      case QuantizedOp.Reshape r -> {
        for (int o = 0; o < out.size(); o++) {
          src[2 * o + 1] = o;
        }
      }
      case QuantizedOp.Transpose t -> {
        int[] inStrides = strides(inputs.get(0).toArray());
        forEachIndex(out, (o, idx) -> {
          int at = 0;
          for (int d = 0; d < idx.length; d++) {
            at += idx[d] * inStrides[t.perm().get(d)];
          }
          src[2 * o + 1] = at;
        });
      }
      case QuantizedOp.Concat c -> {
        int outer = out.sizeOf(0, c.axis());
        int inner = out.sizeOf(c.axis() + 1, out.rank());
        int o = 0;
        for (int b = 0; b < outer; b++) {
          for (int i = 0; i < inputs.size(); i++) {
            int block = inputs.get(i).dim(c.axis()) * inner;
            for (int j = 0; j < block; j++, o++) {
              src[2 * o] = i;
              src[2 * o + 1] = b * block + j;
            }
          }
        }
      }
      case QuantizedOp.Pad p -> {
        Shape in = inputs.get(0);
        int[] inStrides = strides(in.toArray());
        forEachIndex(out, (o, idx) -> {
          int at = 0;
          for (int d = 0; d < idx.length && at >= 0; d++) {
            int i = idx[d] - p.padsBegin().get(d);
            at = i < 0 || i >= in.dim(d) ? -1 : at + i * inStrides[d];
          }
          src[2 * o] = at < 0 ? -1 : 0;
          src[2 * o + 1] = Math.max(at, 0);
        });
      }
      case QuantizedOp.Gather g -> {
        Shape data = inputs.get(0);
        int n = data.dim(g.axis());
        int outer = data.sizeOf(0, g.axis());
        int inner = data.sizeOf(g.axis() + 1, data.rank());
        int count = g.indices().size();
        for (int b = 0; b < outer; b++) {
          for (int q = 0; q < count; q++) {
            for (int j = 0; j < inner; j++) {
              int o = (b * count + q) * inner + j;
              src[2 * o + 1] = (b * n + g.indices().get(q)) * inner + j;
            }
          }
        }
      }
      default -> throw new IllegalArgumentException(op + " is not a wiring op");
    }
    return src;
  }

  /** True for the ops {@link #wiring} describes. */
  public static boolean isWiring(QuantizedOp op) {
    return op instanceof QuantizedOp.Reshape || op instanceof QuantizedOp.Transpose
        || op instanceof QuantizedOp.Concat || op instanceof QuantizedOp.Pad || op instanceof QuantizedOp.Gather;
  }

  /** Row-major strides of the given dimensions. */
  static int[] strides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  private static int coordinate(Window w, int axis, int o, int k) {
    return o * w.strides().get(axis) - w.padsBegin().get(axis) + k * w.dilations().get(axis);
  }

  private static int[] spatial(Shape s) {
    int[] d = new int[s.rank() - 2];
    for (int i = 0; i < d.length; i++) {
      d[i] = s.dim(2 + i);
    }
    return d;
  }

  private static List<Integer> spatialList(Shape s) {
    return Arrays.stream(spatial(s)).boxed().toList();
  }

  /** Advances a row-major multi-index over {@code dims}, wrapping to all zeros at the end. */
  private static void next(int[] idx, List<Integer> dims) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < dims.get(d)) {
        return;
      }
      idx[d] = 0;
    }
  }

  private interface IndexVisitor {
    void visit(int flat, int[] index);
  }

  private static void forEachIndex(Shape s, IndexVisitor v) {
    int[] idx = new int[s.rank()];
    List<Integer> dims = Arrays.stream(s.toArray()).boxed().toList();
    for (int o = 0; o < s.size(); o++) {
      v.visit(o, idx);
      next(idx, dims);
    }
  }
}
