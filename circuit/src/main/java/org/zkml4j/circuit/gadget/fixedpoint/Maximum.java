package org.zkml4j.circuit.gadget.fixedpoint;

import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.cmp.Comparison;

/**
 * Maximum, minimum and clamping of signed integers bounded by n bits (max pooling, Clip).
 *
 * <p><b>Precondition:</b> the operands are proven in [-2^(n-1), 2^(n-1)), as for
 * {@link Comparison}. Results are again in that range (each equals one of the operands or bounds),
 * so they can feed further comparisons without a new range check.
 *
 * <p><b>Costs:</b> max or min of two: n + 2 constraints (a comparison, n + 1, and a selection, 1);
 * max of m values: (m - 1)(n + 2); clamp: 2(n + 2).
 *
 * <p><b>Soundness:</b> the comparison bit has a single satisfying value ({@link Comparison}), and the
 * selection c * (a - b) = out - b defines the output from it, so neither can be faked.
 */
public final class Maximum {
  private Maximum() {}

  /** max(a, b): n + 2 constraints. */
  public static Variable max(Api api, Variable a, Variable b, int n) {
    return api.select(Comparison.isLess(api, a, b, n), b, a);
  }

  /** min(a, b): n + 2 constraints. */
  public static Variable min(Api api, Variable a, Variable b, int n) {
    return api.select(Comparison.isLess(api, a, b, n), a, b);
  }

  /**
   * The largest of one or more values, by a balanced tree of pairwise maxima: (m - 1)(n + 2)
   * constraints.
   */
  public static Variable max(Api api, Variable[] xs, int n) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("max of no values");
    }
    Variable[] level = xs.clone();
    for (int size = level.length; size > 1; size = (size + 1) / 2) {
      for (int i = 0; i < size / 2; i++) {
        level[i] = max(api, level[2 * i], level[2 * i + 1], n);
      }
      if (size % 2 == 1) {
        level[size / 2] = level[size - 1];
      }
    }
    return level[0];
  }

  /**
   * x limited to [lo, hi] ({@link FixedPoint#clamp}) for constants lo &lt;= hi inside the signed
   * n-bit range: 2(n + 2) constraints.
   */
  public static Variable clamp(Api api, Variable x, long lo, long hi, int n) {
    if (lo > hi || !FixedPoint.fitsSigned(lo, Math.min(n, 64)) || !FixedPoint.fitsSigned(hi, Math.min(n, 64))) {
      throw new IllegalArgumentException("clamp bounds [" + lo + ", " + hi + "] must be ordered and fit in " + n
          + " signed bits");
    }
    return min(api, max(api, x, api.constant(lo), n), api.constant(hi), n);
  }
}
