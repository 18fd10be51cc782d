package org.zkml4j.circuit.gadget.rangecheck;

import java.math.BigInteger;
import java.util.List;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.UnsatisfiableException;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;
import org.zkml4j.circuit.witness.Hint;

/**
 * Range checks by binary decomposition ({@link Bits}): a value is proven to be a small integer,
 * which is what keeps fixed-point values from aliasing across the field's wrap-around (DESIGN §5).
 *
 * <p><b>Costs</b> (non-constant x; a constant is checked at once, for free):
 *
 * <ul>
 *   <li>{@link #unsigned}: x in [0, 2^n): n constraints;
 *   <li>{@link #signed}: x in [-2^(n-1), 2^(n-1)): n constraints (x + 2^(n-1) checked unsigned);
 *   <li>{@link #below}: x in [0, bound): m constraints when bound = 2^m, else 2m with m the bit
 *       length of bound - 1 (x and bound - 1 - x both checked in [0, 2^m)).
 * </ul>
 *
 * <p><b>Soundness</b> is that of {@link Bits}: with n &lt;= 252 the recomposition cannot wrap, so
 * the canonical value of the decomposed field element is the small integer its bits spell. For
 * {@link #below}, both x and bound - 1 - x lie in [0, 2^m), so x &lt;= bound - 1 as integers.
 */
public final class RangeCheck {
  private RangeCheck() {}

  /**
   * Proves x in [0, 2^n).
   *
   * @throws IllegalArgumentException unless 1 &lt;= n &lt;= 252
   * @throws UnsatisfiableException for a constant out of range
   */
  public static void unsigned(Api api, Variable x, int n) {
    Bits.toBits(api, x, n);
  }

  /**
   * Proves x in [-2^(n-1), 2^(n-1)), a negative v being r - |v|.
   *
   * @throws IllegalArgumentException unless 1 &lt;= n &lt;= 252
   * @throws UnsatisfiableException for a constant out of range
   */
  public static void signed(Api api, Variable x, int n) {
    Bits.signedToBits(api, x, n);
  }

  /**
   * Proves x in [0, bound).
   *
   * @throws IllegalArgumentException unless 2 &lt;= bound &lt;= 2^252
   * @throws UnsatisfiableException for a constant out of range
   */
  public static void below(Api api, Variable x, BigInteger bound) {
    if (bound.compareTo(BigInteger.TWO) < 0 || bound.compareTo(BigInteger.ONE.shiftLeft(Bits.MAX_BITS)) > 0) {
      throw new IllegalArgumentException("bound must be in [2, 2^" + Bits.MAX_BITS + "], was " + bound);
    }
    BigInteger max = bound.subtract(BigInteger.ONE);
    int m = max.bitLength();
    Bits.toBits(api, x, m);
    if (bound.bitCount() != 1) {
      Bits.toBits(api, api.sub(api.constant(max), x), m);
    }
  }

  /** The hints this gadget calls. */
  public static List<Hint> hints() {
    return Bits.hints();
  }
}
