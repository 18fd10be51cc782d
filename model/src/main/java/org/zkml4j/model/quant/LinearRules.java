package org.zkml4j.model.quant;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.model.ir.Node;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/**
 * Quantizes the layers with weights: Conv, Gemm, MatMul with a constant right operand, and an
 * unfolded per-channel affine. Weights get the scale that fills {@code weightBits}; the bias is
 * quantized at the accumulator's scale (input scale plus weight scale), so adding it is exact; the
 * accumulator is then rescaled to the calibrated activation scale, except when only an ArgMax reads
 * it (order is all an ArgMax needs, and comparing the wider accumulator is cheaper than rescaling)
 * or when the rescale can be deferred ({@link QuantizationContext#deferRescale}).
 *
 * <p>Bounds, exact in BigIntegers: for each output channel or neuron, {@code bias + sum_i
 * min/max(w_i * lo, w_i * hi)} over the input interval [lo, hi] (widened to contain 0 when the
 * window has padding), then rescaled. The sum of the terms' magnitudes bounds every partial sum: it
 * must fit {@link IntegerBounds#WIDE_BITS}, and when it exceeds {@link IntegerBounds#MAX_BITS} the
 * layer is evaluated on BigIntegers.
 */
final class LinearRules {
  private LinearRules() {}

  static void conv(QuantizationContext ctx, Node node, Op.Conv op) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    Tensor w = ctx.requireConstant(node, 1, "weight");
    Tensor b = node.inputs().size() > 2 ? ctx.requireConstant(node, 2, "bias") : null;
    int sw = ctx.weightScale(QuantizationContext.maxAbs(w, 1));
    long[] wq = ctx.quantize(node, w, 1, sw);
    int acc = x.scale() + sw;
    int bs = b == null ? acc : biasScale(ctx, QuantizationContext.maxAbs(b, 1), acc);
    long[] bq = b == null ? null : ctx.quantize(node, b, 1, bs);
    boolean padded = op.window().padsBegin().stream().anyMatch(p -> p > 0)
        || op.window().padsEnd().stream().anyMatch(p -> p > 0);
    BigInteger xl = padded ? x.lower().min(BigInteger.ZERO) : x.lower();
    BigInteger xh = padded ? x.upper().max(BigInteger.ZERO) : x.upper();
    int m = w.shape().dim(0);
    int per = w.size() / m;
    Sum all = new Sum();
    for (int oc = 0; oc < m; oc++) {
      Sum s = new Sum(bq == null ? 0 : bq[oc], acc - bs);
      for (int i = oc * per; i < (oc + 1) * per; i++) {
        s.add(wq[i], xl, xh);
      }
      all.join(s);
    }
    int shift = shift(ctx, node, acc, all);
    BigInteger[] r = IntegerBounds.rescale(all.lo, all.hi, shift);
    List<String> inputs = new ArrayList<>(List.of(x.name(), ctx.parameter(node, "weight", w.shape(), sw, wq)));
    if (bq != null) {
      inputs.add(ctx.parameter(node, "bias", b.shape(), bs, bq));
    }
    markBiasShift(ctx, node, acc - bs);
    ctx.emit(node, new QuantizedOp.Conv(op.window(), op.group(), shift, acc - bs), inputs, acc - shift, r[0], r[1]);
  }

  static void gemm(QuantizationContext ctx, Node node, Op.Gemm op) throws QuantizationException {
    QuantizedTensor a = ctx.runtime(node, 0);
    Tensor bt = ctx.requireConstant(node, 1, "B operand");
    if (op.transA() && a.shape().dim(1) != 1) {
      throw ctx.unsupported(node, "transA on an operand of more than one row (" + a.shape() + ")");
    }
    int k = op.transA() ? a.shape().dim(0) : a.shape().dim(1);
    int n = op.transB() ? bt.shape().dim(0) : bt.shape().dim(1);
    double[] w = new double[n * k];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < k; i++) {
        w[j * k + i] = (double) op.alpha() * bt.getFloat(op.transB() ? j * k + i : i * n + j);
      }
    }
    Tensor c = node.inputs().size() > 2 ? ctx.requireConstant(node, 2, "C operand") : null;
    double[] bias = null;
    Shape biasShape = null;
    if (c != null) {
      int rows = ctx.outputShape(node).dim(0);
      boolean perRow = c.shape().rank() == 2 && c.shape().dim(0) != 1;
      biasShape = perRow ? Shape.of(rows, n) : Shape.of(n);
      Shape full = Shape.of(rows, n);
      int[] src = Indexing.broadcast(c.shape(), full);
      bias = new double[biasShape.size()];
      for (int i = 0; i < bias.length; i++) {
        bias[i] = (double) op.beta() * c.getFloat(src[i]);
      }
    }
    dense(ctx, node, a, w, n, k, bias, biasShape);
  }

  static void matMul(QuantizationContext ctx, Node node) throws QuantizationException {
    if (ctx.tensor(node.inputs().get(0)) == null) {
      throw ctx.unsupported(node, "a constant left operand; only x * W with a constant W is supported");
    }
    QuantizedTensor a = ctx.runtime(node, 0);
    Tensor bt = ctx.constant(node, 1);
    if (bt == null) {
      throw ctx.unsupported(node, "the product of two runtime tensors; only x * W with a constant W is supported");
    }
    if (bt.shape().rank() > 2 || a.shape().rank() == 0) {
      throw ctx.unsupported(node, "a batched constant operand " + bt.shape() + "; only rank 1 or 2 is supported");
    }
    int k = bt.shape().dim(0);
    int n = bt.shape().rank() == 1 ? 1 : bt.shape().dim(1);
    double[] w = new double[n * k];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < k; i++) {
        w[j * k + i] = bt.getFloat(i * n + j);
      }
    }
    dense(ctx, node, a, w, n, k, null, null);
  }

  private static void dense(QuantizationContext ctx, Node node, QuantizedTensor x, double[] w, int n, int k,
      double[] bias, Shape biasShape) throws QuantizationException {
    double maxAbs = 0;
    for (double v : w) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    int sw = ctx.weightScale(maxAbs);
    long[] wq = new long[w.length];
    for (int i = 0; i < w.length; i++) {
      wq[i] = ctx.quantize(node, w[i], sw);
    }
    int acc = x.scale() + sw;
    long[] bq = null;
    int bs = acc;
    if (bias != null) {
      double biasMax = 0;
      for (double v : bias) {
        biasMax = Math.max(biasMax, Math.abs(v));
      }
      bs = biasScale(ctx, biasMax, acc);
      bq = new long[bias.length];
      for (int i = 0; i < bias.length; i++) {
        bq[i] = ctx.quantize(node, bias[i], bs);
      }
    }
    Sum all = new Sum();
    int biasRows = bq == null ? 1 : bq.length / n;
    for (int j = 0; j < n; j++) {
      for (int r = 0; r < biasRows; r++) {
        Sum s = new Sum(bq == null ? 0 : bq[r * n + j], acc - bs);
        for (int i = 0; i < k; i++) {
          s.add(wq[j * k + i], x.lower(), x.upper());
        }
        all.join(s);
      }
    }
    int shift = shift(ctx, node, acc, all);
    BigInteger[] r = IntegerBounds.rescale(all.lo, all.hi, shift);
    List<String> inputs = new ArrayList<>(List.of(x.name(), ctx.parameter(node, "weight", Shape.of(n, k), sw, wq)));
    if (bq != null) {
      inputs.add(ctx.parameter(node, "bias", biasShape, bs, bq));
    }
    markBiasShift(ctx, node, acc - bs);
    ctx.emit(node, new QuantizedOp.Dense(shift, acc - bs), inputs, acc - shift, r[0], r[1]);
  }

  static void channelAffine(QuantizationContext ctx, Node node) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    Tensor a = ctx.requireConstant(node, 1, "scale");
    Tensor b = ctx.requireConstant(node, 2, "shift");
    int sa = ctx.weightScale(QuantizationContext.maxAbs(a, 1));
    long[] aq = ctx.quantize(node, a, 1, sa);
    int acc = x.scale() + sa;
    int bs = biasScale(ctx, QuantizationContext.maxAbs(b, 1), acc);
    long[] bq = ctx.quantize(node, b, 1, bs);
    Sum all = new Sum();
    for (int c = 0; c < aq.length; c++) {
      Sum s = new Sum(bq[c], acc - bs);
      s.add(aq[c], x.lower(), x.upper());
      all.join(s);
    }
    int shift = shift(ctx, node, acc, all);
    BigInteger[] r = IntegerBounds.rescale(all.lo, all.hi, shift);
    List<String> inputs = List.of(x.name(), ctx.parameter(node, "multiplier", a.shape(), sa, aq),
        ctx.parameter(node, "offset", b.shape(), bs, bq));
    markBiasShift(ctx, node, acc - bs);
    ctx.emit(node, new QuantizedOp.ChannelAffine(shift, acc - bs), inputs, acc - shift, r[0], r[1]);
  }

  /**
   * The scale of a bias added to an accumulator at scale {@code acc}: acc itself, unless the bias
   * would not fit {@link IntegerBounds#MAX_BITS} there (beside a wide input); then the largest
   * scale at which it fits, and the layer multiplies it by 2^(acc - scale).
   */
  private static int biasScale(QuantizationContext ctx, double maxAbs, int acc) {
    if (!(maxAbs > 0) || Math.scalb(maxAbs, acc) < 0x1p58) {
      return acc;
    }
    int s = Math.getExponent(0x1p58 / maxAbs);
    while (Math.scalb(maxAbs, s) >= 0x1p58) {
      s--;
    }
    return Math.min(acc, s);
  }

  /** A bias below the accumulator's scale is shifted up: exact in BigIntegers only. */
  private static void markBiasShift(QuantizationContext ctx, Node node, int biasShift) {
    if (biasShift > 0) {
      ctx.wideLayers.add(node.output());
    }
  }

  /**
   * The rescale after a product at scale {@code acc} whose accumulator is bounded by {@code sum}:
   * none before an ArgMax (when narrow) or where it can be deferred, else down to the calibrated
   * scale. Fails when the accumulator exceeds {@link IntegerBounds#WIDE_BITS}, first forcing the
   * deferred rescales upstream.
   */
  static int shift(QuantizationContext ctx, Node node, int acc, Sum sum) throws QuantizationException {
    int absBits = sum.abs.bitLength() + 1;
    if (absBits > IntegerBounds.WIDE_BITS) {
      throw ctx.retry(node.inputs(), ctx.tooWideAccumulator(node, absBits));
    }
    if (absBits > IntegerBounds.MAX_BITS) {
      ctx.wideLayers.add(node.output());
    }
    int bits = IntegerBounds.signedBits(sum.lo, sum.hi);
    if (ctx.onlyFeedsArgMax(node.output()) && bits <= IntegerBounds.MAX_BITS) {
      ctx.trackDeferral(node, false);
      return 0;
    }
    if (ctx.deferRescale(node, bits)) {
      ctx.trackDeferral(node, true);
      return 0;
    }
    ctx.trackDeferral(node, false);
    int shift = Math.max(0, acc - ctx.activationScale(node.output()));
    return bits <= IntegerBounds.MAX_BITS ? Math.min(62, shift) : Math.min(shift, IntegerBounds.WIDE_BITS);
  }

  /** An interval of sums {@code bias + sum w_i x_i} with every x_i in [xl, xh], and the sum of the terms' magnitudes. */
  static final class Sum {
    BigInteger lo;
    BigInteger hi;
    BigInteger abs;

    /** The empty union, for {@link #join}. */
    Sum() {
      abs = BigInteger.ZERO;
    }

    Sum(long bias, int biasShift) {
      lo = BigInteger.valueOf(bias).shiftLeft(biasShift);
      hi = lo;
      abs = lo.abs();
    }

    void add(long w, BigInteger xl, BigInteger xh) {
      BigInteger bw = BigInteger.valueOf(w);
      BigInteger p = bw.multiply(xl);
      BigInteger q = bw.multiply(xh);
      lo = lo.add(p.min(q));
      hi = hi.add(p.max(q));
      abs = abs.add(p.abs().max(q.abs()));
    }

    /** Widens this interval to cover {@code s}'s. */
    void join(Sum s) {
      lo = lo == null ? s.lo : lo.min(s.lo);
      hi = hi == null ? s.hi : hi.max(s.hi);
      abs = abs.max(s.abs);
    }
  }
}
