package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Argmax;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.ArgMax}: the gadget's scan per slice, ties to the first index; for
 * {@code selectLastIndex} the scan runs over the reversed slice and the index is mirrored (free).
 *
 * <p>Cost per slice of m values: (m - 1)(n + 3) - 1 with n the input's proven bits (after a range
 * check of n per element if it is not proven, as after a product with private weights).
 */
final class ArgMaxCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    QuantizedOp.ArgMax op = (QuantizedOp.ArgMax) layer.op();
    TensorVar x = ctx.comparable(in.get(0));
    int n = x.shape().dim(op.axis());
    int inner = x.shape().sizeOf(op.axis() + 1, x.shape().rank());
    int outer = x.shape().sizeOf(0, op.axis());
    Variable[] y = new Variable[outer * inner];
    Variable[] slice = new Variable[n];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        for (int j = 0; j < n; j++) {
          int source = op.selectLastIndex() ? n - 1 - j : j;
          slice[j] = x.v()[o * n * inner + source * inner + i];
        }
        Variable index = Argmax.of(ctx.api, slice, x.proven()).index();
        y[o * inner + i] = op.selectLastIndex() ? ctx.api.sub(ctx.constant(n - 1), index) : index;
      }
    }
    return new TensorVar(out.shape(), out.lower(), out.upper(), y, null, null, x.exact(), out.bits());
  }
}
