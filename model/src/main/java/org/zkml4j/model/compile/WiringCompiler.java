package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.Indexing;
import org.zkml4j.model.quant.IntegerBounds;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * The ops that only move elements ({@link QuantizedOp.Reshape}, {@link QuantizedOp.Transpose},
 * {@link QuantizedOp.Concat}, {@link QuantizedOp.Pad}, {@link QuantizedOp.Gather}) and the output
 * {@link QuantizedOp.Softmax}, which the circuit leaves to the verifier's side (its input, the
 * logits, is the output). No constraints: outputs are the input variables themselves (scaled by a
 * constant where Concat aligns scales), and a moved element keeps its proven sign bit.
 */
final class WiringCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    QuantizedOp op = layer.op();
    TensorVar x = in.get(0);
    if (op instanceof QuantizedOp.Softmax || op instanceof QuantizedOp.Reshape) {
      return new TensorVar(out.shape(), out.lower(), out.upper(), x.v(), x.fixed(), x.quotients(), x.exact(), x.proven());
    }
    List<Shape> shapes = in.stream().map(TensorVar::shape).toList();
    int[] src = Indexing.wiring(op, shapes, out.shape());
    List<Integer> shifts = op instanceof QuantizedOp.Concat c ? c.shifts() : null;
    Variable fill = op instanceof QuantizedOp.Pad p ? ctx.constant(p.value()) : null;
    Variable[] y = new Variable[out.shape().size()];
    Quotient[] quotients = new Quotient[y.length];
    boolean signs = true;
    for (int o = 0; o < y.length; o++) {
      int input = src[2 * o];
      if (input < 0) {
        y[o] = fill;
        signs = false;
        continue;
      }
      TensorVar t = in.get(input);
      int shift = shifts == null ? 0 : shifts.get(input);
      y[o] = ctx.shifted(t.v()[src[2 * o + 1]], shift);
      signs &= shift == 0 && t.quotients() != null;
      if (signs) {
        quotients[o] = t.quotients()[src[2 * o + 1]];
      }
    }
    boolean exact = in.stream().allMatch(TensorVar::exact);
    boolean sameValues = in.size() == 1 && !(op instanceof QuantizedOp.Pad);
    int proven = exact ? out.bits() : sameValues ? x.proven() : LayerContext.checkedWorst(out, worst(in, shifts, op));
    return new TensorVar(out.shape(), out.lower(), out.upper(), y, null, signs ? quotients : null, exact, proven);
  }

  /** The bits every moved element is proven in: the widest input after its shift, and the padding value. */
  private static int worst(List<TensorVar> in, List<Integer> shifts, QuantizedOp op) {
    int w = op instanceof QuantizedOp.Pad p ? IntegerBounds.signedBits(p.value(), p.value()) : 1;
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).proven() <= 0) {
        return 0;
      }
      w = Math.max(w, in.get(i).proven() + (shifts == null ? 0 : shifts.get(i)));
    }
    return w;
  }
}
