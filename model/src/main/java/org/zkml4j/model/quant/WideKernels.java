package org.zkml4j.model.quant;

import java.math.BigInteger;
import java.util.List;
import org.zkml4j.circuit.gadget.fixedpoint.FixedPoint;
import org.zkml4j.model.ir.Shape;

/**
 * The polynomial {@link QuantizedOp}s on BigIntegers: what {@link QuantizedGraph#evaluate} runs for
 * a layer that reads or writes a wide tensor ({@link IntegerBounds}), or whose accumulator may
 * exceed a long. Same definitions as {@link IntegerKernels}, exact at any width. One BigInteger per
 * element: this is the reference semantics, not a prover's loop. The non-polynomial ops never see a
 * wide tensor (the quantizer rescales first), so they are not here.
 */
final class WideKernels {
  private WideKernels() {}

  static BigInteger[] apply(QuantizedOp op, List<BigInteger[]> in, List<Shape> shapes, Shape out) {
    BigInteger[] x = in.get(0);
    return switch (op) {
      case QuantizedOp.Conv c -> conv(c, x, in.get(1), in.size() > 2 ? in.get(2) : null, shapes.get(0), shapes.get(1),
          out);
      case QuantizedOp.Dense d -> dense(d, x, in.get(1), in.size() > 2 ? in.get(2) : null, shapes.get(1));
      case QuantizedOp.ChannelAffine a -> channelAffine(a, x, in.get(1), in.get(2), shapes.get(0));
      case QuantizedOp.Add a -> add(a, x, in.get(1), shapes, out);
      case QuantizedOp.Mul m -> mul(m, x, in.get(1), shapes, out);
      case QuantizedOp.AveragePool p -> averagePool(p, x, shapes.get(0), out);
      case QuantizedOp.Reshape r -> x.clone();
      case QuantizedOp.Transpose t -> wire(op, in, shapes, out);
      case QuantizedOp.Concat c -> wire(op, in, shapes, out);
      case QuantizedOp.Pad p -> wire(op, in, shapes, out);
      case QuantizedOp.Gather g -> wire(op, in, shapes, out);
      default -> throw new IllegalStateException(op + " reads only narrow tensors; the quantizer should have"
          + " rescaled its input");
    };
  }

  static BigInteger[] widen(long[] v) {
    BigInteger[] w = new BigInteger[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = BigInteger.valueOf(v[i]);
    }
    return w;
  }

  static long[] narrow(BigInteger[] v) {
    long[] n = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      n[i] = v[i].longValueExact();
    }
    return n;
  }

  private static BigInteger[] conv(QuantizedOp.Conv op, BigInteger[] x, BigInteger[] w, BigInteger[] bias, Shape xs,
      Shape ws, Shape out) {
    int n = xs.dim(0);
    int c = xs.dim(1);
    int m = ws.dim(0);
    int cpg = c / op.group();
    int mpg = m / op.group();
    int inPlane = xs.sizeOf(2, xs.rank());
    int positions = out.sizeOf(2, out.rank());
    int[] taps = Indexing.windowTaps(op.window(), xs, out);
    int k = positions == 0 ? 0 : taps.length / positions;
    BigInteger[] y = new BigInteger[out.size()];
    for (int b = 0; b < n; b++) {
      for (int oc = 0; oc < m; oc++) {
        int group = oc / mpg;
        for (int p = 0; p < positions; p++) {
          BigInteger acc = bias == null ? BigInteger.ZERO : bias[oc].shiftLeft(op.biasShift());
          for (int icl = 0; icl < cpg; icl++) {
            int xBase = (b * c + group * cpg + icl) * inPlane;
            int wBase = (oc * cpg + icl) * k;
            for (int t = 0; t < k; t++) {
              int at = taps[p * k + t];
              if (at >= 0 && w[wBase + t].signum() != 0) {
                acc = acc.add(w[wBase + t].multiply(x[xBase + at]));
              }
            }
          }
          y[(b * m + oc) * positions + p] = rescale(acc, op.shift());
        }
      }
    }
    return y;
  }

  private static BigInteger[] dense(QuantizedOp.Dense op, BigInteger[] x, BigInteger[] w, BigInteger[] bias, Shape ws) {
    int n = ws.dim(0);
    int k = ws.dim(1);
    int rows = x.length / k;
    BigInteger[] y = new BigInteger[rows * n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        BigInteger acc = bias == null ? BigInteger.ZERO
            : (bias.length == n ? bias[j] : bias[r * n + j]).shiftLeft(op.biasShift());
        for (int i = 0; i < k; i++) {
          acc = acc.add(x[r * k + i].multiply(w[j * k + i]));
        }
        y[r * n + j] = rescale(acc, op.shift());
      }
    }
    return y;
  }

  private static BigInteger[] channelAffine(QuantizedOp.ChannelAffine op, BigInteger[] x, BigInteger[] a,
      BigInteger[] b, Shape xs) {
    int channels = xs.dim(1);
    int inner = xs.sizeOf(2, xs.rank());
    BigInteger[] y = new BigInteger[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = inner == 0 ? 0 : i / inner % channels;
      y[i] = rescale(x[i].multiply(a[c]).add(b[c].shiftLeft(op.biasShift())), op.shift());
    }
    return y;
  }

  private static BigInteger[] add(QuantizedOp.Add op, BigInteger[] a, BigInteger[] b, List<Shape> shapes, Shape out) {
    int[] ia = Indexing.broadcast(shapes.get(0), out);
    int[] ib = Indexing.broadcast(shapes.get(1), out);
    BigInteger[] y = new BigInteger[out.size()];
    for (int o = 0; o < y.length; o++) {
      BigInteger u = a[ia[o]].shiftLeft(op.shiftA());
      BigInteger v = b[ib[o]].shiftLeft(op.shiftB());
      y[o] = op.subtract() ? u.subtract(v) : u.add(v);
    }
    return y;
  }

  private static BigInteger[] mul(QuantizedOp.Mul op, BigInteger[] a, BigInteger[] b, List<Shape> shapes, Shape out) {
    int[] ia = Indexing.broadcast(shapes.get(0), out);
    int[] ib = Indexing.broadcast(shapes.get(1), out);
    BigInteger[] y = new BigInteger[out.size()];
    for (int o = 0; o < y.length; o++) {
      y[o] = rescale(a[ia[o]].multiply(b[ib[o]]), op.shift());
    }
    return y;
  }

  private static BigInteger[] averagePool(QuantizedOp.AveragePool op, BigInteger[] x, Shape xs, Shape out) {
    int planes = xs.dim(0) * xs.dim(1);
    int inPlane = xs.sizeOf(2, xs.rank());
    int positions = out.sizeOf(2, out.rank());
    int[] taps = Indexing.windowTaps(op.window(), xs, out);
    int k = positions == 0 ? 0 : taps.length / positions;
    int[] divisors = op.foldedBits() >= 0 ? null : Indexing.poolDivisors(op.window(), op.countIncludePad(), xs, out);
    BigInteger[] y = new BigInteger[out.size()];
    for (int plane = 0; plane < planes; plane++) {
      for (int p = 0; p < positions; p++) {
        BigInteger sum = BigInteger.ZERO;
        for (int t = 0; t < k; t++) {
          int at = taps[p * k + t];
          if (at >= 0) {
            sum = sum.add(x[plane * inPlane + at]);
          }
        }
        y[plane * positions + p] = divisors == null ? sum : FixedPoint.divRound(sum, BigInteger.valueOf(divisors[p]));
      }
    }
    return y;
  }

  private static BigInteger[] wire(QuantizedOp op, List<BigInteger[]> in, List<Shape> shapes, Shape out) {
    int[] src = Indexing.wiring(op, shapes, out);
    BigInteger fill = op instanceof QuantizedOp.Pad p ? BigInteger.valueOf(p.value()) : BigInteger.ZERO;
    List<Integer> shifts = op instanceof QuantizedOp.Concat c ? c.shifts() : null;
    BigInteger[] y = new BigInteger[out.size()];
    for (int o = 0; o < y.length; o++) {
      int input = src[2 * o];
      if (input < 0) {
        y[o] = fill;
      } else {
        BigInteger v = in.get(input)[src[2 * o + 1]];
        y[o] = shifts == null ? v : v.shiftLeft(shifts.get(input));
      }
    }
    return y;
  }

  private static BigInteger rescale(BigInteger x, int shift) {
    return shift == 0 ? x : FixedPoint.rescale(x, shift);
  }
}
