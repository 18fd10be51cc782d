package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.Dense} (Gemm, MatMul with a constant right operand): per row r and neuron j,
 * bias plus the dot product of the row with the weight row, then the rescale.
 *
 * <p>Cost per output element: with fixed weights 0 for the sum (one more when it has more terms
 * than the materialization threshold), with private weights one per input element; then shift +
 * bits(output) for the rescale, or nothing without one.
 */
final class DenseCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    QuantizedOp.Dense op = (QuantizedOp.Dense) layer.op();
    TensorVar x = in.get(0);
    TensorVar w = in.get(1);
    TensorVar bias = in.size() > 2 ? in.get(2) : null;
    int n = w.shape().dim(0);
    int k = w.shape().dim(1);
    int rows = x.size() / k;
    Variable[] terms = new Variable[k];
    int[] wIndex = new int[k];
    Variable[] acc = new Variable[rows * n];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x.v(), r * k, terms, 0, k);
      for (int j = 0; j < n; j++) {
        for (int i = 0; i < k; i++) {
          wIndex[i] = j * k + i;
        }
        int biasIndex = bias == null ? 0 : bias.size() == n ? j : r * n + j;
        acc[r * n + j] = ctx.dot(w, wIndex, terms, k, bias, biasIndex, op.biasShift());
      }
    }
    boolean exact = x.exact() && w.fixed() != null && (bias == null || bias.fixed() != null);
    int worst = LayerContext.worst(x.proven(), w.proven(), k, bias == null ? 0 : bias.proven() + op.biasShift());
    return ctx.rescaled(out, acc, op.shift(), exact, worst);
  }
}
