package org.zkml4j.model.quant;

import java.util.List;
import org.zkml4j.circuit.gadget.fixedpoint.FixedPoint;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Window;

/**
 * Runs one {@link QuantizedOp} on integer arrays: the executable statement of the definitions in
 * {@link QuantizedOp}, and what {@link QuantizedGraph#evaluate} calls layer by layer. Every
 * division goes through {@link FixedPoint}. {@link QuantizedGraph} runs here only the layers whose
 * operands, output and partial sums the bound analysis keeps within {@link IntegerBounds#MAX_BITS}
 * signed bits, so plain long arithmetic cannot overflow; the others go to {@link WideKernels}.
 */
final class IntegerKernels {
  private IntegerKernels() {}

  static long[] apply(QuantizedOp op, List<long[]> in, List<Shape> shapes, Shape out) {
    long[] x = in.get(0);
    return switch (op) {
      case QuantizedOp.Conv c -> conv(c, x, in.get(1), in.size() > 2 ? in.get(2) : null, shapes.get(0), shapes.get(1), out);
      case QuantizedOp.Dense d -> dense(d, x, in.get(1), in.size() > 2 ? in.get(2) : null, shapes.get(1));
      case QuantizedOp.ChannelAffine a -> channelAffine(a, x, in.get(1), in.get(2), shapes.get(0));
      case QuantizedOp.Add a -> add(a, x, in.get(1), shapes, out);
      case QuantizedOp.Mul m -> mul(m, x, in.get(1), shapes, out);
      case QuantizedOp.Relu r -> map(x, FixedPoint::relu);
      case QuantizedOp.LeakyRelu r -> map(x, v -> leaky(v, r.slope(), r.slopeScale()));
      case QuantizedOp.PRelu p -> prelu(p, x, in.get(1), shapes.get(1), out);
      case QuantizedOp.Clip c -> map(x, v -> Math.min(Math.max(v, c.min()), c.max()));
      case QuantizedOp.MaxPool p -> pool(p.window(), x, shapes.get(0), out, true, false, -1);
      case QuantizedOp.AveragePool p -> pool(p.window(), x, shapes.get(0), out, false, p.countIncludePad(), p.foldedBits());
      case QuantizedOp.ArgMax a -> argMax(a, x, shapes.get(0));
      case QuantizedOp.Sigmoid s -> map(x, v -> sigmoid(s, v));
      case QuantizedOp.Softmax s -> x.clone();
      case QuantizedOp.Reshape r -> x.clone();
      case QuantizedOp.Transpose t -> wire(op, in, shapes, out);
      case QuantizedOp.Concat c -> wire(op, in, shapes, out);
      case QuantizedOp.Pad p -> wire(op, in, shapes, out);
      case QuantizedOp.Gather g -> wire(op, in, shapes, out);
    };
  }

  /** The piecewise-linear sigmoid or tanh of {@link QuantizedOp.Sigmoid}. */
  static long sigmoid(QuantizedOp.Sigmoid op, long x) {
    int s = op.inputScale();
    long one = 1L << (s + 5);
    long t = Math.abs(x);
    long p;
    if (op.tanh()) {
      long g = 2 * sigmoidCurve(2 * t, s) - one;
      p = x >= 0 ? g : -g;
    } else {
      long u = sigmoidCurve(t, s);
      p = x >= 0 ? u : one - u;
    }
    return rescale(p, op.shift());
  }

  /** min(8t + 2^(s+4), 4t + 5 * 2^(s+2), t + 27 * 2^s, 2^(s+5)) for t &gt;= 0. */
  static long sigmoidCurve(long t, int s) {
    long a = 8 * t + (1L << (s + 4));
    long b = 4 * t + 5 * (1L << (s + 2));
    long c = t + 27 * (1L << s);
    return Math.min(Math.min(a, b), Math.min(c, 1L << (s + 5)));
  }

  static long leaky(long v, long slope, int slopeScale) {
    return v >= 0 ? v : FixedPoint.rescale(v * slope, slopeScale);
  }

  private static long[] conv(QuantizedOp.Conv op, long[] x, long[] w, long[] bias, Shape xs, Shape ws, Shape out) {
    int n = xs.dim(0);
    int c = xs.dim(1);
    int m = ws.dim(0);
    int cpg = c / op.group();
    int mpg = m / op.group();
    int inPlane = xs.sizeOf(2, xs.rank());
    int positions = out.sizeOf(2, out.rank());
    int[] taps = Indexing.windowTaps(op.window(), xs, out);
    int k = positions == 0 ? 0 : taps.length / positions;
    long[] y = new long[out.size()];
    for (int b = 0; b < n; b++) {
      for (int oc = 0; oc < m; oc++) {
        int group = oc / mpg;
        for (int p = 0; p < positions; p++) {
          long acc = bias == null ? 0 : bias[oc] << op.biasShift();
          for (int icl = 0; icl < cpg; icl++) {
            int xBase = (b * c + group * cpg + icl) * inPlane;
            int wBase = (oc * cpg + icl) * k;
            for (int t = 0; t < k; t++) {
              int at = taps[p * k + t];
              if (at >= 0) {
                acc += w[wBase + t] * x[xBase + at];
              }
            }
          }
          y[(b * m + oc) * positions + p] = rescale(acc, op.shift());
        }
      }
    }
    return y;
  }

  private static long[] dense(QuantizedOp.Dense op, long[] x, long[] w, long[] bias, Shape ws) {
    int n = ws.dim(0);
    int k = ws.dim(1);
    int rows = x.length / k;
    long[] y = new long[rows * n];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        long acc = bias == null ? 0 : (bias.length == n ? bias[j] : bias[r * n + j]) << op.biasShift();
        for (int i = 0; i < k; i++) {
          acc += x[r * k + i] * w[j * k + i];
        }
        y[r * n + j] = rescale(acc, op.shift());
      }
    }
    return y;
  }

  private static long[] channelAffine(QuantizedOp.ChannelAffine op, long[] x, long[] a, long[] b, Shape xs) {
    int channels = xs.dim(1);
    int inner = xs.sizeOf(2, xs.rank());
    long[] y = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = inner == 0 ? 0 : i / inner % channels;
      y[i] = rescale(x[i] * a[c] + (b[c] << op.biasShift()), op.shift());
    }
    return y;
  }

  private static long[] add(QuantizedOp.Add op, long[] a, long[] b, List<Shape> shapes, Shape out) {
    int[] ia = Indexing.broadcast(shapes.get(0), out);
    int[] ib = Indexing.broadcast(shapes.get(1), out);
    long fa = 1L << op.shiftA();
    long fb = 1L << op.shiftB();
    long[] y = new long[out.size()];
    for (int o = 0; o < y.length; o++) {
      long u = a[ia[o]] * fa;
      long v = b[ib[o]] * fb;
      y[o] = op.subtract() ? u - v : u + v;
    }
    return y;
  }

  private static long[] mul(QuantizedOp.Mul op, long[] a, long[] b, List<Shape> shapes, Shape out) {
    int[] ia = Indexing.broadcast(shapes.get(0), out);
    int[] ib = Indexing.broadcast(shapes.get(1), out);
    long[] y = new long[out.size()];
    for (int o = 0; o < y.length; o++) {
      y[o] = rescale(a[ia[o]] * b[ib[o]], op.shift());
    }
    return y;
  }

  private static long[] prelu(QuantizedOp.PRelu op, long[] x, long[] slope, Shape slopeShape, Shape out) {
    int[] is = Indexing.broadcast(slopeShape, out);
    long[] y = new long[x.length];
    for (int o = 0; o < y.length; o++) {
      y[o] = leaky(x[o], slope[is[o]], op.slopeScale());
    }
    return y;
  }

  private static long[] pool(Window window, long[] x, Shape xs, Shape out, boolean max,
      boolean countPad, int foldedBits) {
    int planes = xs.dim(0) * xs.dim(1);
    int inPlane = xs.sizeOf(2, xs.rank());
    int positions = out.sizeOf(2, out.rank());
    int[] taps = Indexing.windowTaps(window, xs, out);
    int k = positions == 0 ? 0 : taps.length / positions;
    int[] divisors = max || foldedBits >= 0 ? null : Indexing.poolDivisors(window, countPad, xs, out);
    long[] y = new long[out.size()];
    for (int plane = 0; plane < planes; plane++) {
      for (int p = 0; p < positions; p++) {
        long best = Long.MIN_VALUE;
        long sum = 0;
        for (int t = 0; t < k; t++) {
          int at = taps[p * k + t];
          if (at >= 0) {
            long v = x[plane * inPlane + at];
            best = Math.max(best, v);
            sum += v;
          }
        }
        y[plane * positions + p] = max ? best : divisors == null ? sum : FixedPoint.divRound(sum, divisors[p]);
      }
    }
    return y;
  }

  private static long[] argMax(QuantizedOp.ArgMax op, long[] x, Shape xs) {
    int n = xs.dim(op.axis());
    int inner = xs.sizeOf(op.axis() + 1, xs.rank());
    int outer = xs.sizeOf(0, op.axis());
    long[] y = new long[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * n * inner + i;
        int best = 0;
        for (int j = 1; j < n; j++) {
          long v = x[base + j * inner];
          long b = x[base + best * inner];
          if (v > b || (op.selectLastIndex() && v == b)) {
            best = j;
          }
        }
        y[o * inner + i] = best;
      }
    }
    return y;
  }

  private static long[] wire(QuantizedOp op, List<long[]> in, List<Shape> shapes, Shape out) {
    int[] src = Indexing.wiring(op, shapes, out);
    long fill = op instanceof QuantizedOp.Pad p ? p.value() : 0;
    List<Integer> shifts = op instanceof QuantizedOp.Concat c ? c.shifts() : null;
    long[] y = new long[out.size()];
    for (int o = 0; o < y.length; o++) {
      int input = src[2 * o];
      if (input < 0) {
        y[o] = fill;
      } else {
        long v = in.get(input)[src[2 * o + 1]];
        y[o] = shifts == null ? v : v << shifts.get(input);
      }
    }
    return y;
  }

  private interface LongMap {
    long apply(long v);
  }

  private static long[] map(long[] x, LongMap f) {
    long[] y = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.apply(x[i]);
    }
    return y;
  }

  static long rescale(long x, int shift) {
    return shift == 0 ? x : FixedPoint.rescale(x, shift);
  }
}
