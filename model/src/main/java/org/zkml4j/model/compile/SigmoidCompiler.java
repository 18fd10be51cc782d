package org.zkml4j.model.compile;

import java.util.List;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;
import org.zkml4j.circuit.gadget.fixedpoint.Maximum;
import org.zkml4j.model.quant.IntegerBounds;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * {@link QuantizedOp.Sigmoid} (and tanh): the sign s of x, t = s ? x : -x, the concave curve u as
 * the minimum of its four lines, p = s ? u : 2^(s+5) - u (tanh: g = 2u(2t) - 2^(s+5), p = s ? g :
 * -g), then the rescale.
 *
 * <p>The lines are compared in m bits, m the signed bits of 16 * 2^(n-1) + 2^(s+5) for x proven in
 * n bits: the decomposition that gives the sign proves |x| &lt;= 2^(n-1), so every line value is
 * proven in m bits and the comparisons' precondition holds. Cost per element: n for the sign (0
 * after a rescale), 1 for t, 3(m + 2) for the minimum, 1 for p, and shift + bits(output) for the
 * rescale.
 */
final class SigmoidCompiler implements LayerCompiler {
  @Override
  public TensorVar compile(LayerContext ctx, QuantizedLayer layer, List<TensorVar> in, QuantizedTensor out) {
    Api api = ctx.api;
    QuantizedOp.Sigmoid op = (QuantizedOp.Sigmoid) layer.op();
    TensorVar x = in.get(0);
    int s = op.inputScale();
    int n = x.bits();
    long one = 1L << (s + 5);
    int m = IntegerBounds.signedBits(0, 16 * (1L << (n - 1)) + one);
    Variable[] p = new Variable[x.size()];
    for (int i = 0; i < p.length; i++) {
      Variable xi = x.v()[i];
      Variable sign = x.quotients() != null ? x.quotients()[i].nonNegative() : Bits.signedToBits(api, xi, n)[n - 1];
      Variable t = api.select(sign, xi, api.neg(xi));
      Variable u = curve(ctx, op.tanh() ? api.scale(t, 2) : t, s, m);
      if (op.tanh()) {
        Variable g = api.sub(api.scale(u, 2), ctx.constant(one));
        p[i] = api.select(sign, g, api.neg(g));
      } else {
        p[i] = api.select(sign, u, api.sub(ctx.constant(one), u));
      }
    }
    return ctx.rescaled(out, p, op.shift(), x.exact(), Math.max(m, s + 7));
  }

  /** min(8t + 2^(s+4), 4t + 5 * 2^(s+2), t + 27 * 2^s, 2^(s+5)), lines compared in m bits. */
  private static Variable curve(LayerContext ctx, Variable t, int s, int m) {
    Api api = ctx.api;
    Variable a = api.add(api.scale(t, 8), ctx.constant(1L << (s + 4)));
    Variable b = api.add(api.scale(t, 4), ctx.constant(5L << (s + 2)));
    Variable c = api.add(t, ctx.constant(27L << s));
    Variable low = Maximum.min(api, a, b, m);
    Variable high = Maximum.min(api, c, ctx.constant(1L << (s + 5)), m);
    return Maximum.min(api, low, high, m);
  }
}
