package org.zkml4j.model.quant;

import java.math.BigInteger;
import java.util.List;
import org.zkml4j.model.ir.Node;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Tensor;

/**
 * Quantizes the element-wise ops. Sums align their operands' scales by multiplying the lower one by
 * a power of two (free in a circuit, exact); a constant operand is quantized at the runtime
 * operand's scale. Products add scales and rescale to the calibrated activation scale (or defer the
 * rescale, as {@link LinearRules#shift} decides), except a product by a constant power of two (a
 * Div by 4, a Mul by 0.5), which only changes the scale. Sums and products may read wide tensors,
 * so their bounds are BigIntegers.
 * Activations keep their input's scale (LeakyRelu's slope is rounded at weightBits). Bounds follow
 * the ops' monotonicity: corner products, clamped ends, the curve's values at the interval's ends.
 */
final class ElementwiseRules {
  private ElementwiseRules() {}

  static void add(QuantizationContext ctx, Node node, boolean subtract) throws QuantizationException {
    QuantizedTensor a = ctx.tensor(node.inputs().get(0));
    QuantizedTensor b = ctx.tensor(node.inputs().get(1));
    if (a != null && b != null) {
      a = ctx.runtime(node, 0);
      b = ctx.runtime(node, 1);
      int s = Math.max(a.scale(), b.scale());
      int sa = s - a.scale();
      int sb = s - b.scale();
      if (sa > IntegerBounds.WIDE_BITS || sb > IntegerBounds.WIDE_BITS) {
        throw ctx.retry(node.inputs(), ctx.tooWide(node, node.output(), Math.max(a.bits() + sa, b.bits() + sb),
            IntegerBounds.WIDE_BITS));
      }
      BigInteger[] r = sum(a.lower(), a.upper(), sa, b.lower(), b.upper(), sb, subtract);
      if (Math.max(a.bits() + sa, b.bits() + sb) > IntegerBounds.MAX_BITS) {
        ctx.wideLayers.add(node.output());
      }
      ctx.emit(node, new QuantizedOp.Add(sa, sb, subtract), List.of(a.name(), b.name()), s, r[0], r[1]);
      return;
    }
    int runtime = a != null ? 0 : 1;
    QuantizedTensor x = ctx.runtime(node, runtime);
    Tensor c = ctx.constant(node, 1 - runtime);
    String p = ctx.parameter(node, "constant", c.shape(), x.scale(), ctx.quantize(node, c, 1, x.scale()));
    Parameter cp = ctx.parameters.get(p);
    BigInteger cl = BigInteger.valueOf(cp.min());
    BigInteger ch = BigInteger.valueOf(cp.max());
    BigInteger[] r = runtime == 0 ? sum(x.lower(), x.upper(), 0, cl, ch, 0, subtract)
        : sum(cl, ch, 0, x.lower(), x.upper(), 0, subtract);
    List<String> inputs = runtime == 0 ? List.of(x.name(), p) : List.of(p, x.name());
    ctx.emit(node, new QuantizedOp.Add(0, 0, subtract), inputs, x.scale(), r[0], r[1]);
  }

  /** Mul, or Div by a constant (as a product with its reciprocal). */
  static void mul(QuantizationContext ctx, Node node, boolean divide) throws QuantizationException {
    QuantizedTensor a = ctx.tensor(node.inputs().get(0));
    QuantizedTensor b = ctx.tensor(node.inputs().get(1));
    if (a != null && b != null) {
      if (divide) {
        throw ctx.unsupported(node, "division by a runtime value; only a constant divisor is supported");
      }
      a = ctx.runtime(node, 0);
      b = ctx.runtime(node, 1);
      product(ctx, node, List.of(a.name(), b.name()), a.scale() + b.scale(), a.lower(), a.upper(), b.lower(),
          b.upper());
      return;
    }
    if (divide && a == null) {
      throw ctx.unsupported(node, "a constant divided by a runtime value; only a constant divisor is supported");
    }
    int runtime = a != null ? 0 : 1;
    QuantizedTensor x = ctx.runtime(node, runtime);
    Tensor c = ctx.constant(node, 1 - runtime);
    double[] values = new double[c.size()];
    for (int i = 0; i < values.length; i++) {
      double v = c.getFloat(i);
      if (divide && v == 0) {
        throw ctx.unsupported(node, "division by zero (element " + i + " of the divisor)");
      }
      values[i] = divide ? 1 / v : v;
    }
    int exponent = commonPowerOfTwo(values);
    boolean exact = exponent != Integer.MIN_VALUE;
    int sc = exact ? -exponent : ctx.weightScale(maxAbs(values));
    long[] q = new long[values.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = ctx.quantize(node, values[i], sc);
    }
    String p = ctx.parameter(node, divide ? "reciprocal" : "constant", c.shape(), sc, q);
    Parameter cp = ctx.parameters.get(p);
    List<String> inputs = runtime == 0 ? List.of(x.name(), p) : List.of(p, x.name());
    BigInteger cl = BigInteger.valueOf(cp.min());
    BigInteger ch = BigInteger.valueOf(cp.max());
    if (exact) {
      BigInteger[] r = IntegerBounds.product(x.lower(), x.upper(), cl, ch);
      if (IntegerBounds.signedBits(r[0], r[1]) > IntegerBounds.MAX_BITS) {
        ctx.wideLayers.add(node.output());
      }
      ctx.emit(node, new QuantizedOp.Mul(0), inputs, x.scale() + sc, r[0], r[1]);
    } else {
      product(ctx, node, inputs, x.scale() + sc, x.lower(), x.upper(), cl, ch);
    }
  }

  private static void product(QuantizationContext ctx, Node node, List<String> inputs, int acc, BigInteger alo,
      BigInteger ahi, BigInteger blo, BigInteger bhi) throws QuantizationException {
    BigInteger[] p = IntegerBounds.product(alo, ahi, blo, bhi);
    LinearRules.Sum sum = new LinearRules.Sum();
    sum.lo = p[0];
    sum.hi = p[1];
    sum.abs = p[0].abs().max(p[1].abs());
    int shift = LinearRules.shift(ctx, node, acc, sum);
    BigInteger[] r = IntegerBounds.rescale(p[0], p[1], shift);
    ctx.emit(node, new QuantizedOp.Mul(shift), inputs, acc - shift, r[0], r[1]);
  }

  static void relu(QuantizationContext ctx, Node node) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    ctx.emit(node, new QuantizedOp.Relu(), List.of(x.name()), x.scale(), Math.max(x.min(), 0), Math.max(x.max(), 0));
  }

  static void leakyRelu(QuantizationContext ctx, Node node, Op.LeakyRelu op) throws QuantizationException {
    if (op.alpha() == 0) {
      relu(ctx, node);
      return;
    }
    QuantizedTensor x = ctx.runtime(node, 0);
    int sa = Math.max(0, ctx.weightScale(Math.abs(op.alpha())));
    long slope = ctx.quantize(node, op.alpha(), sa);
    long[] r = leakyBounds(ctx, node, x, slope, slope, sa);
    ctx.emit(node, new QuantizedOp.LeakyRelu(slope, sa), List.of(x.name()), x.scale(), r[0], r[1]);
  }

  static void prelu(QuantizationContext ctx, Node node) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    Tensor slope = ctx.requireConstant(node, 1, "slope");
    int sa = Math.max(0, ctx.weightScale(QuantizationContext.maxAbs(slope, 1)));
    String p = ctx.parameter(node, "slope", slope.shape(), sa, ctx.quantize(node, slope, 1, sa));
    Parameter sp = ctx.parameters.get(p);
    long[] r = leakyBounds(ctx, node, x, sp.min(), sp.max(), sa);
    ctx.emit(node, new QuantizedOp.PRelu(sa), List.of(x.name(), p), x.scale(), r[0], r[1]);
  }

  /** The interval of x &gt;= 0 ? x : rescale(x * s, k) over x in the tensor's interval and s in [slo, shi]. */
  private static long[] leakyBounds(QuantizationContext ctx, Node node, QuantizedTensor x, long slo, long shi, int k)
      throws QuantizationException {
    // A circuit computes x * s for every x (and selects afterwards): that product must fit too.
    long[] whole = corners(ctx, node, x.min(), x.max(), slo, shi);
    if (Math.max(-whole[0], whole[1]) >= 1L << IntegerBounds.MAX_BITS) {
      throw ctx.tooWide(node, node.output(), 64 - Long.numberOfLeadingZeros(Math.max(-whole[0], whole[1])) + 1);
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    if (x.max() >= 0) {
      lo = Math.max(x.min(), 0);
      hi = x.max();
    }
    if (x.min() < 0) {
      long[] p = corners(ctx, node, x.min(), Math.min(x.max(), -1), slo, shi);
      long[] r = IntegerBounds.rescale(p[0], p[1], k);
      lo = Math.min(lo, r[0]);
      hi = Math.max(hi, r[1]);
    }
    return new long[] {lo, hi};
  }

  static void clip(QuantizationContext ctx, Node node, Op.Clip op) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    long lo = Long.MIN_VALUE;
    long hi = Long.MAX_VALUE;
    if (op.min() != Float.NEGATIVE_INFINITY) {
      lo = ctx.quantize(node, op.min(), x.scale());
    }
    if (op.max() != Float.POSITIVE_INFINITY) {
      hi = ctx.quantize(node, op.max(), x.scale());
    }
    // A bound the input never reaches changes nothing on the input's interval: drop it.
    long min = lo <= x.min() ? Long.MIN_VALUE : lo;
    long max = hi >= x.max() ? Long.MAX_VALUE : hi;
    ctx.emit(node, new QuantizedOp.Clip(min, max), List.of(x.name()), x.scale(),
        Math.min(Math.max(x.min(), min), max), Math.min(Math.max(x.max(), min), max));
  }

  static void sigmoid(QuantizationContext ctx, Node node, boolean tanh) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    if (x.scale() < 0 || x.scale() > 40 || x.bits() > 48) {
      throw ctx.unsupported(node, "an input at scale " + x.scale() + " with " + x.bits()
          + " bits; the piecewise-linear curve needs a scale in [0, 40] and at most 48 bits");
    }
    int p = x.scale() + 5;
    int shift = Math.min(p, Math.max(0, p - ctx.activationScale(node.output())));
    QuantizedOp.Sigmoid op = new QuantizedOp.Sigmoid(tanh, x.scale(), shift);
    ctx.emit(node, op, List.of(x.name()), p - shift, IntegerKernels.sigmoid(op, x.min()),
        IntegerKernels.sigmoid(op, x.max()));
  }

  private static BigInteger[] sum(BigInteger alo, BigInteger ahi, int sa, BigInteger blo, BigInteger bhi, int sb,
      boolean subtract) {
    BigInteger al = alo.shiftLeft(sa);
    BigInteger ah = ahi.shiftLeft(sa);
    BigInteger bl = blo.shiftLeft(sb);
    BigInteger bh = bhi.shiftLeft(sb);
    return subtract ? new BigInteger[] {al.subtract(bh), ah.subtract(bl)} : new BigInteger[] {al.add(bl), ah.add(bh)};
  }

  private static long[] corners(QuantizationContext ctx, Node node, long alo, long ahi, long blo, long bhi)
      throws QuantizationException {
    try {
      return IntegerBounds.product(alo, ahi, blo, bhi);
    } catch (ArithmeticException e) {
      throw ctx.tooWide(node, node.output(), 64);
    }
  }

  /** e when every value is +-2^e for one e, else Integer.MIN_VALUE. */
  private static int commonPowerOfTwo(double[] values) {
    int e = Integer.MIN_VALUE;
    for (double v : values) {
      double a = Math.abs(v);
      if (a == 0 || Double.isInfinite(a) || a != Math.scalb(1.0, Math.getExponent(a))) {
        return Integer.MIN_VALUE;
      }
      int ve = Math.getExponent(a);
      if (e != Integer.MIN_VALUE && ve != e) {
        return Integer.MIN_VALUE;
      }
      e = ve;
    }
    return e < -40 || e > 40 ? Integer.MIN_VALUE : e;
  }

  private static double maxAbs(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
