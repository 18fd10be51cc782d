package org.zkml4j.model.compile;

import java.util.Arrays;
import java.util.List;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Division;
import org.zkml4j.circuit.gadget.fixedpoint.Maximum;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.model.ir.Window;
import org.zkml4j.model.quant.Indexing;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.MaxPool} and {@link QuantizedOp.AveragePool}, window by window over the taps
 * inside the input.
 *
 * <p>A folded average pool may read a wide tensor (its window sum is exact at any width).
 *
 * <p>Cost per output element: max pooling over w taps, (w - 1)(n + 2) with n the input's proven
 * bits (after a range check of n per input element if it is not proven); average pooling, 0 when
 * the divisor was folded into the scale (the window sum is a linear combination), else q + 2
 * bitLength(d - 1) for the division by d (q + bitLength(d) - 1 for a power of two).
 */
final class PoolCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    boolean max = layer.op() instanceof QuantizedOp.MaxPool;
    TensorVar x = max ? ctx.comparable(in.get(0)) : in.get(0);
    Window window;
    int foldedBits = -1;
    int[] divisors = null;
    if (layer.op() instanceof QuantizedOp.AveragePool p) {
      window = p.window();
      foldedBits = p.foldedBits();
      if (foldedBits < 0) {
        divisors = Indexing.poolDivisors(window, p.countIncludePad(), x.shape(), out.shape());
      }
    } else {
      window = ((QuantizedOp.MaxPool) layer.op()).window();
    }
    int planes = x.shape().dim(0) * x.shape().dim(1);
    int inPlane = x.shape().sizeOf(2, x.shape().rank());
    int positions = out.shape().sizeOf(2, out.shape().rank());
    int[] taps = Indexing.windowTaps(window, x.shape(), out.shape());
    int k = positions == 0 ? 0 : taps.length / positions;
    Variable[] y = new Variable[out.shape().size()];
    Quotient[] quotients = divisors == null ? null : new Quotient[y.length];
    Variable[] window1 = new Variable[k];
    for (int plane = 0; plane < planes; plane++) {
      for (int p = 0; p < positions; p++) {
        int count = 0;
        for (int t = 0; t < k; t++) {
          int at = taps[p * k + t];
          if (at >= 0) {
            window1[count++] = x.v()[plane * inPlane + at];
          }
        }
        Variable[] inside = Arrays.copyOf(window1, count);
        int o = plane * positions + p;
        if (max) {
          y[o] = Maximum.max(ctx.api, inside, x.proven());
        } else if (divisors == null) {
          y[o] = ctx.api.sum(inside);
        } else {
          quotients[o] = Division.divRound(ctx.api, ctx.api.sum(inside), divisors[p], out.bits());
          y[o] = quotients[o].quotient();
        }
      }
    }
    int proven = max ? x.proven() : quotients != null || x.exact() ? out.bits()
        : LayerContext.checkedWorst(out, LayerContext.worst(x.proven(), 1, k, 0));
    return new TensorVar(out.shape(), out.lower(), out.upper(), y, null, quotients, x.exact(), proven);
  }
}
