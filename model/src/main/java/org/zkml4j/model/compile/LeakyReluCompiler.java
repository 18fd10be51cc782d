package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;
import org.zkml4j.circuit.gadget.fixedpoint.Division;
import org.zkml4j.circuit.gadget.fixedpoint.FixedPoint;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.Indexing;
import org.zkml4j.model.quant.IntegerBounds;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.LeakyRelu} and {@link QuantizedOp.PRelu}: y = s ? x : rescale(x * slope, k),
 * s being x's sign bit.
 *
 * <p>The product is computed (and rescaled) for every x, so its rescale's quotient bits cover the
 * whole input interval times the slope interval; the quantizer checked that this fits.
 *
 * <p>Cost per element: the sign, free after a rescale and else bits(x) (the decomposition that
 * also proves x's range); the product, free for a fixed slope and else 1; the rescale of the
 * product, k + q with q the bits of its interval (none for k = 0); the selection, 1.
 */
final class LeakyReluCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    Api api = ctx.api;
    TensorVar x = in.get(0);
    Shape shape = out.shape();
    int k;
    long slo;
    long shi;
    Variable[] slopes;
    int[] index;
    boolean fixedSlope;
    if (layer.op() instanceof QuantizedOp.LeakyRelu r) {
      k = r.slopeScale();
      slo = r.slope();
      shi = r.slope();
      slopes = new Variable[] {ctx.constant(r.slope())};
      index = new int[shape.size()];
      fixedSlope = true;
    } else {
      k = ((QuantizedOp.PRelu) layer.op()).slopeScale();
      TensorVar slope = in.get(1);
      slo = slope.min();
      shi = slope.max();
      slopes = slope.v();
      index = Indexing.broadcast(slope.shape(), shape);
      fixedSlope = slope.fixed() != null;
    }
    long[] p = product(x.min(), x.max(), slo, shi);
    int q = IntegerBounds.signedBits(k == 0 ? p[0] : FixedPoint.rescale(p[0], k), k == 0 ? p[1] : FixedPoint.rescale(p[1], k));
    Variable[] y = new Variable[shape.size()];
    for (int i = 0; i < y.length; i++) {
      Variable xi = x.v()[i];
      Variable sign = x.quotients() != null ? x.quotients()[i].nonNegative()
          : Bits.signedToBits(api, xi, x.bits())[x.bits() - 1];
      Variable scaled = api.mul(xi, slopes[index[i]]);
      Variable negative = k == 0 ? scaled : Division.rescale(api, scaled, k, q).quotient();
      y[i] = api.select(sign, xi, negative);
    }
    boolean exact = x.exact() && fixedSlope;
    int slopeBits = in.size() > 1 ? in.get(1).proven() : IntegerBounds.signedBits(slo, shi);
    int worst = Math.max(Math.max(x.proven(), x.bits()), k == 0 ? LayerContext.worst(x.bits(), slopeBits, 1, 0) : q);
    return new TensorVar(shape, out.lower(), out.upper(), y, null, null, exact,
        exact ? out.bits() : LayerContext.checkedWorst(out, worst));
  }

  private static long[] product(long alo, long ahi, long blo, long bhi) {
    long p1 = alo * blo;
    long p2 = alo * bhi;
    long p3 = ahi * blo;
    long p4 = ahi * bhi;
    return new long[] {Math.min(Math.min(p1, p2), Math.min(p3, p4)), Math.max(Math.max(p1, p2), Math.max(p3, p4))};
  }
}
