package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.Indexing;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.Conv}: per output element, the bias plus the weighted taps inside the input
 * (padding taps are left out), then the rescale.
 *
 * <p>Cost per output element: with fixed weights 0 for the sum (a linear combination; one more if
 * it exceeds the materialization threshold), with private weights one per tap inside the input;
 * then shift + bits(output) for the rescale, or nothing without one (a deferred rescale: the output
 * may be wide, and a fixed-weight convolution over a wide input is still a free linear combination).
 */
final class ConvCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    QuantizedOp.Conv op = (QuantizedOp.Conv) layer.op();
    TensorVar x = in.get(0);
    TensorVar w = in.get(1);
    TensorVar bias = in.size() > 2 ? in.get(2) : null;
    Shape xs = x.shape();
    int n = xs.dim(0);
    int c = xs.dim(1);
    int m = w.shape().dim(0);
    int cpg = c / op.group();
    int mpg = m / op.group();
    int inPlane = xs.sizeOf(2, xs.rank());
    int positions = out.shape().sizeOf(2, out.shape().rank());
    int[] taps = Indexing.windowTaps(op.window(), xs, out.shape());
    int k = positions == 0 ? 0 : taps.length / positions;
    Variable[] terms = new Variable[cpg * k];
    int[] wIndex = new int[cpg * k];
    Variable[] acc = new Variable[out.shape().size()];
    for (int b = 0; b < n; b++) {
      for (int oc = 0; oc < m; oc++) {
        int group = oc / mpg;
        for (int p = 0; p < positions; p++) {
          int count = 0;
          for (int icl = 0; icl < cpg; icl++) {
            int xBase = (b * c + group * cpg + icl) * inPlane;
            int wBase = (oc * cpg + icl) * k;
            for (int t = 0; t < k; t++) {
              int at = taps[p * k + t];
              if (at >= 0) {
                terms[count] = x.v()[xBase + at];
                wIndex[count++] = wBase + t;
              }
            }
          }
          acc[(b * m + oc) * positions + p] = ctx.dot(w, wIndex, terms, count, bias, oc, op.biasShift());
        }
      }
    }
    boolean exact = x.exact() && w.fixed() != null && (bias == null || bias.fixed() != null);
    int worst = LayerContext.worst(x.proven(), w.proven(), cpg * k, bias == null ? 0 : bias.proven() + op.biasShift());
    return ctx.rescaled(out, acc, op.shift(), exact, worst);
  }
}
