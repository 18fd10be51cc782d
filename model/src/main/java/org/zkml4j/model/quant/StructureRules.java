package org.zkml4j.model.quant;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.zkml4j.model.ir.Node;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.Window;

/**
 * Quantizes pooling, ArgMax, an output Softmax and the wiring ops. An average pool whose every
 * window divides by the same power of two 2^e (a 2x2 pool without padding: e = 2) keeps the window
 * sum and raises the scale by e, so it needs no division at all; other divisors are divided with
 * the rounding rule (on narrow tensors only). Max pooling, wiring and Softmax keep the scale and the
 * bounds; window sums and wiring may read wide tensors.
 */
final class StructureRules {
  private StructureRules() {}

  static void maxPool(QuantizationContext ctx, Node node, Op.MaxPool op) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    int[] inside = Indexing.poolDivisors(op.window(), false, x.shape(), ctx.outputShape(node));
    for (int count : inside) {
      if (count == 0) {
        throw ctx.unsupported(node, "a window that lies entirely in the padding");
      }
    }
    ctx.emit(node, new QuantizedOp.MaxPool(op.window()), List.of(x.name()), x.scale(), x.min(), x.max());
  }

  static void averagePool(QuantizationContext ctx, Node node, Window window, boolean countIncludePad)
      throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    Shape out = ctx.outputShape(node);
    int[] divisors = Indexing.poolDivisors(window, countIncludePad, x.shape(), out);
    int[] inside = Indexing.poolDivisors(window, false, x.shape(), out);
    int dmin = Integer.MAX_VALUE;
    int dmax = 0;
    int cmin = Integer.MAX_VALUE;
    int cmax = 0;
    for (int p = 0; p < divisors.length; p++) {
      dmin = Math.min(dmin, divisors[p]);
      dmax = Math.max(dmax, divisors[p]);
      cmin = Math.min(cmin, inside[p]);
      cmax = Math.max(cmax, inside[p]);
    }
    if (cmin == 0) {
      throw ctx.unsupported(node, "a window that lies entirely in the padding");
    }
    QuantizedOp.AveragePool op;
    if (dmin == dmax && Integer.bitCount(dmin) == 1) {
      int e = Integer.numberOfTrailingZeros(dmin);
      op = new QuantizedOp.AveragePool(window, countIncludePad, e);
      BigInteger bmin = BigInteger.valueOf(cmin);
      BigInteger bmax = BigInteger.valueOf(cmax);
      BigInteger lo = bmin.multiply(x.lower()).min(bmax.multiply(x.lower()));
      BigInteger hi = bmin.multiply(x.upper()).max(bmax.multiply(x.upper()));
      BigInteger abs = x.lower().abs().max(x.upper().abs()).multiply(bmax);
      if (x.wide() || abs.bitLength() + 1 > IntegerBounds.MAX_BITS) {
        ctx.wideLayers.add(node.output());
      }
      ctx.emit(node, op, List.of(x.name()), x.scale() + e, lo, hi);
      return;
    }
    x = ctx.narrow(node, 0);
    boolean partial = false;
    for (int p = 0; p < divisors.length; p++) {
      partial |= divisors[p] > inside[p];
    }
    op = new QuantizedOp.AveragePool(window, countIncludePad, -1);
    ctx.emit(node, op, List.of(x.name()), x.scale(), partial ? Math.min(x.min(), 0) : x.min(),
        partial ? Math.max(x.max(), 0) : x.max());
  }

  static void globalAveragePool(QuantizationContext ctx, Node node) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    int r = x.shape().rank() - 2;
    List<Integer> kernel = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      kernel.add(x.shape().dim(2 + i));
    }
    List<Integer> ones = Collections.nCopies(r, 1);
    List<Integer> zeros = Collections.nCopies(r, 0);
    averagePool(ctx, node, new Window(kernel, ones, zeros, zeros, ones, false), false);
  }

  static void argMax(QuantizationContext ctx, Node node, Op.ArgMax op) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    int n = x.shape().dim(op.axis());
    ctx.emit(node, new QuantizedOp.ArgMax(op.axis(), op.keepDims(), op.selectLastIndex()), List.of(x.name()),
        new QuantizedTensor(node.output(), ctx.outputShape(node), 0, 0, n - 1, QuantizedTensor.Kind.INDEX));
  }

  static void softmax(QuantizationContext ctx, Node node, int axis, boolean log) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    boolean isOutput = ctx.graph.outputs().stream().anyMatch(o -> o.name().equals(node.output()));
    boolean ok = isOutput ? ctx.graph.consumers(node.output()).isEmpty() : ctx.onlyFeedsArgMax(node.output());
    if (!ok) {
      throw ctx.unsupported(node, "a softmax inside the network; it is supported only at the output (its logits are"
          + " proven and the softmax applied outside the circuit) or before an ArgMax");
    }
    ctx.emit(node, new QuantizedOp.Softmax(axis, log), List.of(x.name()), x.renamed(node.output()));
  }

  /** Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Pad, Gather: one input, same scale. */
  static void wiring(QuantizationContext ctx, Node node, QuantizedOp op) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    BigInteger lo = x.lower();
    BigInteger hi = x.upper();
    if (op instanceof QuantizedOp.Pad p && ctx.outputShape(node).size() > 0 && pads(p)) {
      lo = lo.min(BigInteger.valueOf(p.value()));
      hi = hi.max(BigInteger.valueOf(p.value()));
    }
    ctx.emit(node, op, List.of(x.name()), x.scale(), lo, hi);
  }

  static void pad(QuantizationContext ctx, Node node, Op.Pad op) throws QuantizationException {
    QuantizedTensor x = ctx.runtime(node, 0);
    wiring(ctx, node, new QuantizedOp.Pad(op.padsBegin(), op.padsEnd(), ctx.quantize(node, op.value(), x.scale())));
  }

  static void gather(QuantizationContext ctx, Node node, Op.Gather op) throws QuantizationException {
    Tensor indices = ctx.constant(node, 1);
    if (indices == null) {
      throw ctx.unsupported(node, "runtime indices; only constant indices are supported");
    }
    int n = ctx.runtime(node, 0).shape().dim(op.axis());
    List<Integer> normalized = new ArrayList<>();
    for (int i = 0; i < indices.size(); i++) {
      long k = indices.getLong(i);
      normalized.add((int) (k < 0 ? k + n : k));
    }
    wiring(ctx, node, new QuantizedOp.Gather(op.axis(), normalized, indices.shape()));
  }

  static void concat(QuantizationContext ctx, Node node, Op.Concat op) throws QuantizationException {
    int s = Integer.MIN_VALUE;
    for (int i = 0; i < node.inputs().size(); i++) {
      if (ctx.tensor(node.inputs().get(i)) != null) {
        s = Math.max(s, ctx.runtime(node, i).scale());
      }
    }
    List<String> inputs = new ArrayList<>();
    List<Integer> shifts = new ArrayList<>();
    BigInteger lo = null;
    BigInteger hi = null;
    boolean wide = false;
    for (int i = 0; i < node.inputs().size(); i++) {
      QuantizedTensor t = ctx.tensor(node.inputs().get(i));
      BigInteger l;
      BigInteger h;
      if (t == null) {
        Tensor c = ctx.constant(node, i);
        String p = ctx.parameter(node, "constant" + i, c.shape(), s, ctx.quantize(node, c, 1, s));
        inputs.add(p);
        shifts.add(0);
        l = BigInteger.valueOf(ctx.parameters.get(p).min());
        h = BigInteger.valueOf(ctx.parameters.get(p).max());
      } else {
        int shift = s - t.scale();
        if (shift > IntegerBounds.WIDE_BITS) {
          throw ctx.retry(node.inputs(), ctx.tooWide(node, node.output(), t.bits() + shift, IntegerBounds.WIDE_BITS));
        }
        inputs.add(t.name());
        shifts.add(shift);
        l = t.lower().shiftLeft(shift);
        h = t.upper().shiftLeft(shift);
        wide |= t.wide();
      }
      lo = lo == null ? l : lo.min(l);
      hi = hi == null ? h : hi.max(h);
    }
    if (wide || IntegerBounds.signedBits(lo, hi) > IntegerBounds.MAX_BITS) {
      ctx.wideLayers.add(node.output());
    }
    ctx.emit(node, new QuantizedOp.Concat(op.axis(), shifts), inputs, s, lo, hi);
  }

  private static boolean pads(QuantizedOp.Pad p) {
    return p.padsBegin().stream().anyMatch(v -> v > 0) || p.padsEnd().stream().anyMatch(v -> v > 0);
  }
}
