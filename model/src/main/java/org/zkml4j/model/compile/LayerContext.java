package org.zkml4j.model.compile;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Division;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.circuit.gadget.rangecheck.RangeCheck;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * What the {@link LayerCompiler}s share: the {@link Api}, and the building blocks every product
 * layer uses (dot products with fixed or private weights, the rescale that ends them) and every
 * comparison needs (a proven operand).
 */
final class LayerContext {
  final Api api;
  private final Variable one;

  LayerContext(Api api) {
    this.api = api;
    this.one = api.constant(1);
  }

  /**
   * {@code bias + sum w[wIndex[i]] * xs[i]} over the first {@code count} terms. With fixed weights
   * this is one weighted sum (no constraint; zero weights skipped); with private weights each
   * product costs one constraint.
   *
   * @param bias the bias tensor, or null
   */
  Variable dot(TensorVar w, int[] wIndex, Variable[] xs, int count, TensorVar bias, int biasIndex) {
    Variable acc;
    if (w.fixed() != null) {
      long[] coefficients = new long[count + 1];
      Variable[] terms = new Variable[count + 1];
      int n = 0;
      for (int i = 0; i < count; i++) {
        long c = w.fixed()[wIndex[i]];
        if (c != 0) {
          coefficients[n] = c;
          terms[n++] = xs[i];
        }
      }
      if (bias != null && bias.fixed() != null) {
        coefficients[n] = bias.fixed()[biasIndex];
        terms[n++] = one;
      }
      acc = n == 0 ? api.constant(0) : api.weightedSum(Arrays.copyOf(coefficients, n),
          Arrays.copyOf(terms, n));
      if (bias != null && bias.fixed() == null) {
        acc = api.add(acc, bias.v()[biasIndex]);
      }
      return acc;
    }
    Variable[] terms = new Variable[count + 1];
    for (int i = 0; i < count; i++) {
      terms[i] = api.mul(xs[i], w.v()[wIndex[i]]);
    }
    terms[count] = bias == null ? api.constant(0) : bias.v()[biasIndex];
    return api.sum(terms);
  }

  /**
   * The output tensor of a product layer from its accumulators: each rescaled by 2^shift into the
   * output's bits (a division whose quotient range proof makes the result proven), or the
   * accumulators themselves when shift is 0.
   *
   * @param exact whether the accumulators are exact (all operands exact, weights fixed)
   */
  TensorVar rescaled(QuantizedTensor out, Variable[] acc, int shift, boolean exact) {
    if (shift == 0) {
      return new TensorVar(out.shape(), out.min(), out.max(), acc, null, null, exact, exact ? out.bits() : 0);
    }
    Quotient[] q = new Quotient[acc.length];
    Variable[] y = new Variable[acc.length];
    for (int i = 0; i < acc.length; i++) {
      q[i] = Division.rescale(api, acc[i], shift, out.bits());
      y[i] = q[i].quotient();
    }
    return new TensorVar(out.shape(), out.min(), out.max(), y, null, q, exact, out.bits());
  }

  /**
   * x with every element proven in [-2^(b-1), 2^(b-1)) for some b, as comparisons require: x
   * itself when it already is, else after a signed range check to its graph bits (b constraints per
   * element; an honest value always passes, a cheating one fails witness generation).
   */
  TensorVar comparable(TensorVar x) {
    if (x.proven() > 0) {
      return x;
    }
    int b = x.bits();
    for (Variable e : x.v()) {
      RangeCheck.signed(api, e, b);
    }
    return new TensorVar(x.shape(), x.min(), x.max(), x.v(), x.fixed(), x.quotients(), x.exact(), b);
  }

  /** The constant {@code v}. */
  Variable constant(long v) {
    return api.constant(v);
  }

  /** v * 2^shift. */
  Variable shifted(Variable v, int shift) {
    return shift == 0 ? v : api.scale(v, BigInteger.ONE.shiftLeft(shift));
  }
}
