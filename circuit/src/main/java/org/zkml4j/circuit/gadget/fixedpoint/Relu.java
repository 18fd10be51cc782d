package org.zkml4j.circuit.gadget.fixedpoint;

import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;

/**
 * ReLU, max(x, 0) ({@link FixedPoint#relu}), as x * s where s is the sign bit of x's signed
 * decomposition (1 when x &gt;= 0).
 *
 * <p><b>Cost:</b> {@link #relu(Api, Variable, int)}: n + 1 constraints (the decomposition, which
 * also proves x in [-2^(n-1), 2^(n-1)), and the product); {@link #relu(Api, Quotient)}: 1
 * constraint, reusing the sign bit a rescale already proved.
 *
 * <p><b>Soundness:</b> the decomposition ({@link Bits#signedToBits}) has exactly one satisfying
 * assignment, so s is forced to be x's true sign bit; the output wire is defined by the constraint
 * x * s = out. A prover can fake neither the sign (for x = -5, "s = 1" would need the bits of
 * 2^(n-1) - 5 to have their top bit set) nor the output.
 */
public final class Relu {
  private Relu() {}

  /** max(x, 0) for x proven here in [-2^(n-1), 2^(n-1)): n + 1 constraints. */
  public static Variable relu(Api api, Variable x, int n) {
    Variable[] bits = Bits.signedToBits(api, x, n);
    return api.mul(x, bits[n - 1]);
  }

  /** max(q, 0) for the quotient of a division, using its proven sign: 1 constraint. */
  public static Variable relu(Api api, Quotient q) {
    return api.mul(q.quotient(), q.nonNegative());
  }
}
