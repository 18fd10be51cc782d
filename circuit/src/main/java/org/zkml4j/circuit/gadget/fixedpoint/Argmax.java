package org.zkml4j.circuit.gadget.fixedpoint;

import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.cmp.Comparison;

/**
 * The index of the largest of m values, <b>ties resolved to the lowest index</b> (as
 * {@link FixedPoint#argmax}), with the maximum itself and, on request, a one-hot vector.
 *
 * <p>A left-to-right scan: g_i = (best &lt; x_i), strictly, so an equal later value never
 * replaces the earlier one; best = g_i ? x_i : best; index = g_i ? i : index.
 *
 * <p><b>Precondition:</b> the values are proven in [-2^(n-1), 2^(n-1)) ({@link Comparison}).
 *
 * <p><b>Cost:</b> (m - 1)(n + 3) - 1 constraints for index and maximum (per step a comparison,
 * n + 1, and two selections; the first index selection is free); {@link #oneHot} adds 2(m - 2).
 *
 * <p><b>Soundness:</b> every g_i is the unique bit its comparison allows, and the selections and
 * products define best, index and the one-hot entries from the g_i, so a prover can change none of
 * them: a wrong maximum or a wrong (or tied-but-later) index breaks a constraint.
 */
public final class Argmax {
  private final Variable index;
  private final Variable max;
  /** greater[i] = g_i for i &gt;= 1; greater[0] is unused. */
  private final Variable[] greater;

  private Argmax(Variable index, Variable max, Variable[] greater) {
    this.index = index;
    this.max = max;
    this.greater = greater;
  }

  /** Scans one or more values proven in n signed bits. */
  public static Argmax of(Api api, Variable[] xs, int n) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("argmax of no values");
    }
    Variable best = xs[0];
    Variable index = api.constant(0);
    Variable[] greater = new Variable[xs.length];
    for (int i = 1; i < xs.length; i++) {
      Variable g = Comparison.isLess(api, best, xs[i], n);
      greater[i] = g;
      best = api.select(g, xs[i], best);
      index = api.select(g, api.constant(i), index);
    }
    return new Argmax(index, best, greater);
  }

  /** The index of the first maximal value, in [0, m). */
  public Variable index() {
    return index;
  }

  /** The maximal value. */
  public Variable max() {
    return max;
  }

  /**
   * m boolean variables, 1 exactly at {@link #index()}: entry i is g_i times the product of
   * (1 - g_j) over j &gt; i (with g_0 = 1), i.e. "x_i became the running maximum and nothing later
   * replaced it". 2(m - 2) constraints; call once.
   */
  public Variable[] oneHot(Api api) {
    int m = greater.length;
    Variable[] hot = new Variable[m];
    Variable one = api.constant(1);
    Variable suffix = one; // product of (1 - g_j) over j > i
    for (int i = m - 1; i >= 0; i--) {
      hot[i] = i == 0 ? suffix : api.mul(greater[i], suffix);
      if (i > 0) {
        suffix = api.mul(suffix, api.sub(one, greater[i]));
      }
    }
    return hot;
  }
}
