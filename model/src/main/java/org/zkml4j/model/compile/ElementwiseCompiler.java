package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.Indexing;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.Add} (and subtraction), {@link QuantizedOp.Mul} and
 * {@link QuantizedOp.ChannelAffine}, element by element with broadcasting.
 *
 * <p>Costs per element: a sum or difference, 0 (scale alignment is a constant factor); a product,
 * 0 when a factor is a fixed parameter, else 1, plus 1 for each factor of more than
 * {@link #MAX_FACTOR_TERMS} terms; then shift + bits(output) when it is rescaled.
 */
final class ElementwiseCompiler implements LayerCompiler {
  /**
   * Factors of a product with more terms than this get a wire of their own first. A factor's terms
   * are entries of the constraint's A or B row, and every B entry costs circuit setup a G2 scalar
   * multiplication: the square of a fixed-weight convolution's unrescaled output (a combination
   * of 144 wires in the x^2 convnet) cost setup about 290 G1 and G2 terms, against 145 G1 terms
   * and one more constraint once the combination is a wire.
   */
  static final int MAX_FACTOR_TERMS = 2;

  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    Api api = ctx.api;
    Shape shape = out.shape();
    Variable[] y = new Variable[shape.size()];
    boolean exact = in.stream().allMatch(t -> t.exact() || t.fixed() != null);
    switch (layer.op()) {
      case QuantizedOp.Add op -> {
        TensorVar a = in.get(0);
        TensorVar b = in.get(1);
        int[] ia = Indexing.broadcast(a.shape(), shape);
        int[] ib = Indexing.broadcast(b.shape(), shape);
        for (int o = 0; o < y.length; o++) {
          Variable u = ctx.shifted(a.v()[ia[o]], op.shiftA());
          Variable v = ctx.shifted(b.v()[ib[o]], op.shiftB());
          y[o] = op.subtract() ? api.sub(u, v) : api.add(u, v);
        }
        int worst = a.proven() <= 0 || b.proven() <= 0 ? 0
            : Math.max(a.proven() + op.shiftA(), b.proven() + op.shiftB()) + 1;
        return new TensorVar(shape, out.lower(), out.upper(), y, null, null, exact,
            exact ? out.bits() : LayerContext.checkedWorst(out, worst));
      }
      case QuantizedOp.Mul op -> {
        TensorVar a = in.get(0);
        TensorVar b = in.get(1);
        int[] ia = Indexing.broadcast(a.shape(), shape);
        int[] ib = Indexing.broadcast(b.shape(), shape);
        boolean runtimeProduct = a.fixed() == null && b.fixed() == null;
        for (int o = 0; o < y.length; o++) {
          Variable u = a.v()[ia[o]];
          Variable v = b.v()[ib[o]];
          if (runtimeProduct) {
            boolean square = u == v;
            u = operand(api, u);
            v = square ? u : operand(api, v);
          }
          y[o] = api.mul(u, v);
        }
        return ctx.rescaled(out, y, op.shift(), exact, LayerContext.worst(a.proven(), b.proven(), 1, 0));
      }
      case QuantizedOp.ChannelAffine op -> {
        TensorVar x = in.get(0);
        TensorVar multiplier = in.get(1);
        TensorVar offset = in.get(2);
        int channels = x.shape().dim(1);
        int inner = x.shape().sizeOf(2, x.shape().rank());
        for (int i = 0; i < y.length; i++) {
          int c = inner == 0 ? 0 : i / inner % channels;
          y[i] = api.add(api.mul(x.v()[i], multiplier.v()[c]), ctx.shifted(offset.v()[c], op.biasShift()));
        }
        int worst = LayerContext.worst(x.proven(), multiplier.proven(), 1, offset.proven() + op.biasShift());
        return ctx.rescaled(out, y, op.shift(), exact, worst);
      }
      default -> throw new IllegalArgumentException("not an element-wise op: " + layer);
    }
  }

  /** The factor itself when it is short, else one wire equal to it (one constraint). */
  private static Variable operand(Api api, Variable factor) {
    return factor.terms() > MAX_FACTOR_TERMS ? api.materialize(factor) : factor;
  }
}
