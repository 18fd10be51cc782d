package org.zkml4j.model.compile;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Division;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.circuit.gadget.rangecheck.RangeCheck;
import org.zkml4j.model.quant.IntegerBounds;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * What the {@link LayerCompiler}s share: the {@link Api}, and the building blocks every product
 * layer uses (dot products with fixed or private weights, the rescale that ends them) and every
 * comparison needs (a proven operand).
 */
final class LayerContext {
  /**
   * The widest worst case a value computed without a range proof may have: every such value is
   * then below 2^251 &lt; r/2 in magnitude, so its field element is the signed integer.
   */
  static final int SAFE_BITS = 250;

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
   * @param biasShift the bias is multiplied by 2^biasShift (a constant factor: free)
   */
  Variable dot(TensorVar w, int[] wIndex, Variable[] xs, int count, TensorVar bias, int biasIndex, int biasShift) {
    if (biasShift > 0) {
      Variable sum = dot(w, wIndex, xs, count, null, 0, 0);
      return bias == null ? sum : api.add(sum, shifted(bias.v()[biasIndex], biasShift));
    }
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
   * @param worst the accumulators' worst-case bits over every value their operands are proven to
   *     take ({@link #worst}); used when they are not exact and not rescaled
   */
  TensorVar rescaled(QuantizedTensor out, Variable[] acc, int shift, boolean exact, int worst) {
    if (shift == 0) {
      return new TensorVar(out.shape(), out.lower(), out.upper(), acc, null, null, exact,
          exact ? out.bits() : checkedWorst(out, worst));
    }
    Quotient[] q = new Quotient[acc.length];
    Variable[] y = new Variable[acc.length];
    for (int i = 0; i < acc.length; i++) {
      q[i] = Division.rescale(api, acc[i], shift, out.bits());
      y[i] = q[i].quotient();
    }
    return new TensorVar(out.shape(), out.lower(), out.upper(), y, null, q, exact, out.bits());
  }

  /**
   * x with every element proven in [-2^(b-1), 2^(b-1)) for some b, as comparisons require: x
   * itself when it already is, else after a signed range check to its graph bits (b constraints per
   * element; an honest value always passes, a cheating one fails witness generation).
   */
  TensorVar comparable(TensorVar x) {
    if (x.proven() > 0 && (x.exact() || x.proven() <= x.bits())) {
      return x;
    }
    int b = x.bits();
    for (Variable e : x.v()) {
      RangeCheck.signed(api, e, b);
    }
    return new TensorVar(x.shape(), x.min(), x.max(), x.v(), x.fixed(), x.quotients(), x.exact(), b);
  }

  /**
   * The bits of a sum of {@code terms} products, each of operands proven in {@code a} and {@code b}
   * bits, plus a term proven in {@code c} bits (0 for none): a bound on every value a prover can
   * make with operands inside their proven ranges. 0 when an operand is unproven.
   */
  static int worst(int a, int b, int terms, int c) {
    if (a <= 0 || b <= 0) {
      return 0;
    }
    int products = a + b - 1 + (32 - Integer.numberOfLeadingZeros(Math.max(terms, 1)));
    return c <= 0 ? products : Math.max(products, c) + 1;
  }

  /**
   * A worst case that keeps a non-exact value inside the field's faithful range. Beyond
   * {@link #SAFE_BITS} (or unknown), the layer's operands could make it wrap modulo r: fail
   * rather than prove a wrong value. The quantizer's {@link IntegerBounds#WIDE_BITS} leaves enough
   * margin that honest models do not reach this.
   */
  static int checkedWorst(QuantizedTensor out, int worst) {
    if (worst <= 0 || worst > SAFE_BITS) {
      throw new IllegalStateException("'" + out.name() + "': with private weights its values could reach "
          + (worst <= 0 ? "an unbounded width" : worst + " bits") + ", where they could wrap modulo the field; compile"
          + " with fixed weights, or quantize with fewer bits");
    }
    return worst;
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
