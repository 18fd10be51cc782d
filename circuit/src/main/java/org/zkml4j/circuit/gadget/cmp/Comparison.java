package org.zkml4j.circuit.gadget.cmp;

import java.math.BigInteger;
import java.util.List;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;
import org.zkml4j.circuit.witness.Hint;

/**
 * Comparisons of signed integers bounded by n bits, returning a boolean-constrained variable.
 *
 * <p><b>Precondition: a and b are already proven</b> (by a range check, a rescale, or because they
 * are bits or constants) to lie in [-2^(n-1), 2^(n-1)). The gadget does not check this itself,
 * since the operands of a network's comparisons are range-checked once when they are made. If the
 * precondition is broken but a - b (as integers) still lies in [-2^n, 2^n), the result is still
 * right; otherwise no satisfying witness exists and the witness generator fails. (For the other
 * orders read b - a where they swap the operands.) Only
 * operands so far out of range that a - b wraps modulo r (|a|, |b| near r/2, i.e. never range
 * checked at all) could give a wrong result: this is the classic under-constrained {@code LessThan}
 * without {@code Num2Bits}, and the precondition exists to exclude it.
 *
 * <p><b>Cost: n + 1 constraints</b> per comparison ({@link #isNegative}: n). a &lt; b decomposes
 * d = a - b + 2^n into n + 1 bits: under the precondition d is in [1, 2^(n+1)), the decomposition
 * proves it, and its top bit is 1 exactly when a - b &gt;= 0. The decomposition admits a single
 * assignment ({@link Bits}), so the result cannot be flipped.
 */
public final class Comparison {
  /** The widest operands: n + 1 bits must stay within {@link Bits#MAX_BITS}. */
  public static final int MAX_OPERAND_BITS = Bits.MAX_BITS - 1;

  private Comparison() {}

  /** 1 if a &lt; b, else 0; n + 1 constraints. See the class comment for the precondition. */
  public static Variable isLess(Api api, Variable a, Variable b, int n) {
    checkBits(n);
    Variable d = api.add(api.sub(a, b), api.constant(BigInteger.ONE.shiftLeft(n)));
    Variable[] bits = Bits.toBits(api, d, n + 1);
    return api.sub(api.constant(1), bits[n]);
  }

  /** 1 if a &lt;= b, else 0; n + 1 constraints. */
  public static Variable isLessOrEqual(Api api, Variable a, Variable b, int n) {
    return api.sub(api.constant(1), isLess(api, b, a, n));
  }

  /** 1 if a &gt; b, else 0; n + 1 constraints. */
  public static Variable isGreater(Api api, Variable a, Variable b, int n) {
    return isLess(api, b, a, n);
  }

  /** 1 if a &gt;= b, else 0; n + 1 constraints. */
  public static Variable isGreaterOrEqual(Api api, Variable a, Variable b, int n) {
    return isLessOrEqual(api, b, a, n);
  }

  /**
   * 1 if x &lt; 0, else 0, and proves x in [-2^(n-1), 2^(n-1)) (no precondition): n constraints.
   */
  public static Variable isNegative(Api api, Variable x, int n) {
    checkBits(n);
    Variable[] bits = Bits.signedToBits(api, x, n);
    return api.sub(api.constant(1), bits[n - 1]);
  }

  /** The hints this gadget calls. */
  public static List<Hint> hints() {
    return Bits.hints();
  }

  private static void checkBits(int n) {
    if (n < 1 || n > MAX_OPERAND_BITS) {
      throw new IllegalArgumentException("operands of 1 to " + MAX_OPERAND_BITS + " bits, asked for " + n);
    }
  }
}
