package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Maximum;
import org.zkml4j.circuit.gadget.fixedpoint.Relu;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.Clip}: max with the lower bound, then min with the upper one, each side only
 * if the graph kept it (a bound the input never reaches was dropped at quantization).
 *
 * <p>Cost per element and side: n + 2 with n the input's proven bits (a range check of n first
 * when the input is not proven); a lower bound of 0 after a rescale is a fused ReLU, 1.
 */
final class ClipCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    QuantizedOp.Clip op = (QuantizedOp.Clip) layer.op();
    TensorVar x = in.get(0);
    boolean lower = op.min() != Long.MIN_VALUE;
    boolean upper = op.max() != Long.MAX_VALUE;
    if (!lower && !upper) {
      return new TensorVar(out.shape(), out.lower(), out.upper(), x.v(), x.fixed(), x.quotients(), x.exact(), x.proven());
    }
    boolean fusedRelu = lower && op.min() == 0 && x.quotients() != null;
    if (!fusedRelu || upper) {
      x = ctx.comparable(x);
    }
    int n = Math.max(x.proven(), x.bits());
    Variable[] y = new Variable[x.size()];
    for (int i = 0; i < y.length; i++) {
      Variable v = x.v()[i];
      if (fusedRelu) {
        v = Relu.relu(ctx.api, x.quotients()[i]);
      } else if (lower) {
        v = Maximum.max(ctx.api, v, ctx.constant(op.min()), n);
      }
      if (upper) {
        v = Maximum.min(ctx.api, v, ctx.constant(op.max()), n);
      }
      y[i] = v;
    }
    return new TensorVar(out.shape(), out.lower(), out.upper(), y, null, null, x.exact(), x.exact() ? out.bits() : n);
  }
}
