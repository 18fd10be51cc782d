package org.zkml4j.circuit.gadget.bits;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.UnsatisfiableException;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Binary decomposition: the bits b_0 .. b_{n-1} of a value x with x = sum 2^i b_i.
 *
 * <p><b>Cost: n constraints</b> for a non-constant x, instead of the textbook n + 1: a hint
 * supplies b_1 .. b_{n-1}, each asserted boolean (n - 1 constraints), and b_0 is not a wire but the
 * linear combination x - sum_{i&gt;0} 2^i b_i, asserted boolean too (one constraint), so the
 * recomposition needs no constraint of its own. (One more if x has so many terms that b_0 exceeds
 * {@link org.zkml4j.circuit.api.CompileOptions#maxLinearTerms()} and is materialized.) A constant x
 * costs nothing: its bits are constants, and an x that does not fit fails at once.
 *
 * <p><b>Soundness.</b> The constraints say every b_i is 0 or 1 and x = sum 2^i b_i in Fr. The sum
 * is an integer in [0, 2^n), and n &lt;= {@link #MAX_BITS} = 252 makes 2^n &lt; r, so the sum
 * does not wrap: x's canonical value is that integer, which proves x in [0, 2^n), and the bits are
 * its unique binary digits. No other assignment of the hint's outputs satisfies the constraints. A
 * "negative" x (r - |v|) is a huge canonical value and has no decomposition.
 */
public final class Bits {
  /** The most bits a decomposition may have: 2^252 &lt; r, so the recomposition cannot wrap. */
  public static final int MAX_BITS = 252;

  /** 2^i for i = 0 .. 251, Fr elements in Montgomery form. */
  private static final long[] POWERS = powers(false);
  /** -2^i for i = 0 .. 251. */
  private static final long[] NEGATED_POWERS = powers(true);

  private Bits() {}

  /**
   * The n bits of x, least significant first, each a boolean-constrained variable; proves x in
   * [0, 2^n).
   *
   * @throws IllegalArgumentException unless 1 &lt;= n &lt;= 252
   * @throws UnsatisfiableException if x is a constant outside [0, 2^n)
   */
  public static Variable[] toBits(Api api, Variable x, int n) {
    if (n < 1 || n > MAX_BITS) {
      throw new IllegalArgumentException("a decomposition has 1 to " + MAX_BITS + " bits, asked for " + n);
    }
    Optional<BigInteger> constant = api.constantValue(x);
    if (constant.isPresent()) {
      return constantBits(api, constant.get(), n);
    }
    Variable[] bits = new Variable[n];
    if (n == 1) {
      api.assertBoolean(x);
      bits[0] = x;
      return bits;
    }
    Variable[] high = api.hint(DecomposeHint.INSTANCE, n - 1, x, api.constant(1));
    Variable[] terms = new Variable[n];
    terms[0] = x;
    for (int i = 1; i < n; i++) {
      bits[i] = high[i - 1];
      api.assertBoolean(bits[i]);
      terms[i] = bits[i];
    }
    // b_0 = x - sum_{i>0} 2^i b_i: the coefficients are 1, -2, -4, ...
    long[] coefficients = Arrays.copyOf(NEGATED_POWERS, 4 * n);
    Bn254.FR.setOne(coefficients, 0);
    bits[0] = api.weightedSumOfElements(coefficients, terms);
    api.assertBoolean(bits[0]);
    return bits;
  }

  /**
   * The n bits of x + 2^(n-1) ("offset binary"): proves x in the signed range [-2^(n-1), 2^(n-1)),
   * and the top bit is 1 exactly when x &gt;= 0. Same cost as {@link #toBits}.
   *
   * @throws IllegalArgumentException unless 1 &lt;= n &lt;= 252
   * @throws UnsatisfiableException if x is a constant outside the range
   */
  public static Variable[] signedToBits(Api api, Variable x, int n) {
    if (n < 1 || n > MAX_BITS) {
      throw new IllegalArgumentException("a decomposition has 1 to " + MAX_BITS + " bits, asked for " + n);
    }
    return toBits(api, api.add(x, api.constant(BigInteger.ONE.shiftLeft(n - 1))), n);
  }

  /**
   * sum 2^i bits[i]: free. The caller must know every bit is boolean-constrained (as the results of
   * {@link #toBits} are); otherwise the sum means nothing.
   */
  public static Variable fromBits(Api api, Variable... bits) {
    if (bits.length > MAX_BITS) {
      throw new IllegalArgumentException("at most " + MAX_BITS + " bits, got " + bits.length);
    }
    return api.weightedSumOfElements(Arrays.copyOf(POWERS, 4 * bits.length), bits);
  }

  /** The hints this gadget calls, for registries of circuits loaded without their builder. */
  public static List<Hint> hints() {
    return List.of(DecomposeHint.INSTANCE);
  }

  private static long[] powers(boolean negated) {
    PrimeField fr = Bn254.FR;
    long[] v = fr.newVector(MAX_BITS);
    for (int i = 0; i < MAX_BITS; i++) {
      BigInteger p = BigInteger.ONE.shiftLeft(i);
      fr.fromBigInteger(v, 4 * i, negated ? p.negate() : p);
    }
    return v;
  }

  private static Variable[] constantBits(Api api, BigInteger value, int n) {
    if (value.bitLength() > n) {
      throw new UnsatisfiableException("the constant " + value + " does not fit in " + n + " bits");
    }
    Variable[] bits = new Variable[n];
    for (int i = 0; i < n; i++) {
      bits[i] = api.constant(value.testBit(i) ? 1 : 0);
    }
    return bits;
  }
}
