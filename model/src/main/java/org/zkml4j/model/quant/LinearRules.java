package org.zkml4j.model.quant;

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
 * it (order is all an ArgMax needs, and comparing the wider accumulator is cheaper than rescaling).
 *
 * <p>Bounds: for each output channel or neuron, {@code bias + sum_i min/max(w_i * lo, w_i * hi)}
 * over the input interval [lo, hi] (widened to contain 0 when the window has padding), then
 * rescaled. The sum of the terms' magnitudes must also fit {@link IntegerBounds#MAX_BITS}, which
 * keeps every partial sum of {@link IntegerKernels} inside a long.
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
    long[] bq = b == null ? null : ctx.quantize(node, b, 1, acc);
    boolean padded = op.window().padsBegin().stream().anyMatch(p -> p > 0)
        || op.window().padsEnd().stream().anyMatch(p -> p > 0);
    long xl = padded ? Math.min(x.min(), 0) : x.min();
    long xh = padded ? Math.max(x.max(), 0) : x.max();
    int m = w.shape().dim(0);
    int per = w.size() / m;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int oc = 0; oc < m; oc++) {
      Sum s = new Sum(ctx, node, bq == null ? 0 : bq[oc]);
      for (int i = oc * per; i < (oc + 1) * per; i++) {
        s.add(wq[i], xl, xh);
      }
      lo = Math.min(lo, s.lo);
      hi = Math.max(hi, s.hi);
    }
    int shift = shift(ctx, node, acc);
    long[] r = IntegerBounds.rescale(lo, hi, shift);
    List<String> inputs = new ArrayList<>(List.of(x.name(), ctx.parameter(node, "weight", w.shape(), sw, wq)));
    if (bq != null) {
      inputs.add(ctx.parameter(node, "bias", b.shape(), acc, bq));
    }
    ctx.emit(node, new QuantizedOp.Conv(op.window(), op.group(), shift), inputs, acc - shift, r[0], r[1]);
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
    if (bias != null) {
      bq = new long[bias.length];
      for (int i = 0; i < bias.length; i++) {
        bq[i] = ctx.quantize(node, bias[i], acc);
      }
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    int biasRows = bq == null ? 1 : bq.length / n;
    for (int j = 0; j < n; j++) {
      for (int r = 0; r < biasRows; r++) {
        Sum s = new Sum(ctx, node, bq == null ? 0 : bq[r * n + j]);
        for (int i = 0; i < k; i++) {
          s.add(wq[j * k + i], x.min(), x.max());
        }
        lo = Math.min(lo, s.lo);
        hi = Math.max(hi, s.hi);
      }
    }
    int shift = shift(ctx, node, acc);
    long[] r = IntegerBounds.rescale(lo, hi, shift);
    List<String> inputs = new ArrayList<>(List.of(x.name(), ctx.parameter(node, "weight", Shape.of(n, k), sw, wq)));
    if (bq != null) {
      inputs.add(ctx.parameter(node, "bias", biasShape, acc, bq));
    }
    ctx.emit(node, new QuantizedOp.Dense(shift), inputs, acc - shift, r[0], r[1]);
  }

  static void channelAffine(QuantizationContext ctx, Node node) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    Tensor a = ctx.requireConstant(node, 1, "scale");
    Tensor b = ctx.requireConstant(node, 2, "shift");
    int sa = ctx.weightScale(QuantizationContext.maxAbs(a, 1));
    long[] aq = ctx.quantize(node, a, 1, sa);
    int acc = x.scale() + sa;
    long[] bq = ctx.quantize(node, b, 1, acc);
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int c = 0; c < aq.length; c++) {
      Sum s = new Sum(ctx, node, bq[c]);
      s.add(aq[c], x.min(), x.max());
      lo = Math.min(lo, s.lo);
      hi = Math.max(hi, s.hi);
    }
    int shift = shift(ctx, node, acc);
    long[] r = IntegerBounds.rescale(lo, hi, shift);
    List<String> inputs = List.of(x.name(), ctx.parameter(node, "multiplier", a.shape(), sa, aq),
        ctx.parameter(node, "offset", b.shape(), acc, bq));
    ctx.emit(node, new QuantizedOp.ChannelAffine(shift), inputs, acc - shift, r[0], r[1]);
  }

  /** The rescale after a product at scale {@code acc}: down to the calibrated scale, or none before an ArgMax. */
  static int shift(QuantizationContext ctx, Node node, int acc) {
    if (ctx.onlyFeedsArgMax(node.output())) {
      return 0;
    }
    return Math.min(62, Math.max(0, acc - ctx.activationScale(node.output())));
  }

  /** The interval of {@code bias + sum w_i x_i} with every x_i in [xl, xh], and the sum of the magnitudes. */
  private static final class Sum {
    private final QuantizationContext ctx;
    private final Node node;
    long lo;
    long hi;
    long abs;

    Sum(QuantizationContext ctx, Node node, long bias) {
      this.ctx = ctx;
      this.node = node;
      lo = bias;
      hi = bias;
      abs = Math.abs(bias);
    }

    void add(long w, long xl, long xh) throws QuantizationException {
      try {
        long p = Math.multiplyExact(w, xl);
        long q = Math.multiplyExact(w, xh);
        lo = Math.addExact(lo, Math.min(p, q));
        hi = Math.addExact(hi, Math.max(p, q));
        abs = Math.addExact(abs, Math.max(Math.abs(p), Math.abs(q)));
      } catch (ArithmeticException e) {
        throw ctx.tooWide(node, "the accumulator of " + node.output(), 64);
      }
      if (abs >= 1L << IntegerBounds.MAX_BITS) {
        throw ctx.tooWide(node, "the accumulator of " + node.output(), 64 - Long.numberOfLeadingZeros(abs) + 1);
      }
    }
  }
}
