package org.zkml4j.model.compile;

import java.util.Arrays;
import java.util.List;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Relu;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.Relu}. Cost per element: 1 when the input comes from a rescale (its proven
 * sign bit is reused: the ReLU fused with the rescale), else bits(input) + 1; nothing at all when
 * the input's interval is non-negative (ReLU is the identity there) or non-positive (all zeros).
 */
final class ReluCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    TensorVar x = in.get(0);
    if (x.min() >= 0) {
      return new TensorVar(out.shape(), out.lower(), out.upper(), x.v(), x.fixed(), x.quotients(), x.exact(), x.proven());
    }
    Variable[] y = new Variable[x.size()];
    if (x.max() <= 0) {
      Arrays.fill(y, ctx.constant(0));
      return new TensorVar(out.shape(), 0, 0, y, null, null, true, 1);
    }
    int proven;
    if (x.quotients() != null) {
      for (int i = 0; i < y.length; i++) {
        y[i] = Relu.relu(ctx.api, x.quotients()[i]);
      }
      proven = x.proven();
    } else {
      for (int i = 0; i < y.length; i++) {
        y[i] = Relu.relu(ctx.api, x.v()[i], x.bits());
      }
      proven = x.bits();
    }
    return new TensorVar(out.shape(), out.lower(), out.upper(), y, null, null, x.exact(), x.exact() ? out.bits() : proven);
  }
}
