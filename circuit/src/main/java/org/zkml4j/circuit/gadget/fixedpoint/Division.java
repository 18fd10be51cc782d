package org.zkml4j.circuit.gadget.fixedpoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.UnsatisfiableException;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;
import org.zkml4j.circuit.gadget.rangecheck.RangeCheck;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.math.field.Bn254;

/**
 * Division of a signed integer by a positive constant with a proven remainder: rescaling after a
 * fixed-point product ({@link #rescale}), average pooling and division by a constant
 * ({@link #divRound}, {@link #divFloor}). Results match {@link FixedPoint} exactly; the rounding
 * rule is stated there once (round half up: floor((x + floor(d/2)) / d)).
 *
 * <p>Each method takes q, the bits of the quotient's signed bound: the quotient is proven in
 * [-2^(q-1), 2^(q-1)), and x needs no separate range proof, because x + offset = Q * d + R with
 * both Q and R small pins x's value as an integer too. An x whose quotient falls outside the bound
 * has no witness (the generator reports it).
 *
 * <p><b>d = 2^k</b> ({@link #rescale}, or any power of two): one decomposition of
 * y = x + offset + 2^(k+q-1) into k + q bits. Its low k bits are the remainder R, its high q bits
 * are Q + 2^(q-1), and its top bit is the quotient's sign. <b>Cost: k + q constraints.</b>
 * <i>Soundness:</i> the decomposition ({@link Bits}) proves y is the integer spelled by its bits, in
 * [0, 2^(k+q)), so x + offset = Q*2^k + R holds over the integers (|Q*2^k + R| &lt; 2^(k+q-1) is far
 * from r/2), with R in [0, 2^k) and Q in range: Q and R are the floor quotient and remainder, unique.
 * A cheating prover can neither use a remainder &gt;= 2^k (R is k bits), nor shift Q by one, nor make
 * x wrap modulo r.
 *
 * <p><b>Other d</b>: a hint supplies R; R &lt; d is proven ({@link RangeCheck#below}: 2m
 * constraints, m = bit length of d - 1), Q is the linear combination (x + offset - R) / d (division
 * by a constant is free in Fr), and Q + 2^(q-1) is decomposed into q bits. <b>Cost: q + 2m
 * constraints.</b> <i>Soundness:</i> R is an integer in [0, d) and Q an integer in [-2^(q-1),
 * 2^(q-1)) with Q*d = x + offset - R in Fr; as |Q*d + R| &lt; 2^250 &lt; r/2 this holds over the
 * integers, so (Q, R) is the unique floor division.
 *
 * <p>Requirements: d &gt;= 1, q &gt;= 1, bitLength(d) + q &lt;= 250.
 */
public final class Division {
  private static final int MAX_TOTAL_BITS = 250;

  private Division() {}

  /**
   * x / 2^k rounded half up ({@link FixedPoint#rescale}), quotient proven in q signed bits: k + q
   * constraints.
   */
  public static Quotient rescale(Api api, Variable x, int k, int q) {
    if (k < 0) {
      throw new IllegalArgumentException("shift must be non-negative, was " + k);
    }
    return divRound(api, x, BigInteger.ONE.shiftLeft(k), q);
  }

  /** x / d rounded half up ({@link FixedPoint#divRound}), quotient proven in q signed bits. */
  public static Quotient divRound(Api api, Variable x, BigInteger d, int q) {
    checkDivisor(d, q);
    return divide(api, x, d, d.shiftRight(1), q);
  }

  /** As {@link #divRound(Api, Variable, BigInteger, int)}. */
  public static Quotient divRound(Api api, Variable x, long d, int q) {
    return divRound(api, x, BigInteger.valueOf(d), q);
  }

  /** floor(x / d) ({@link FixedPoint#divFloor}), quotient proven in q signed bits. */
  public static Quotient divFloor(Api api, Variable x, BigInteger d, int q) {
    checkDivisor(d, q);
    return divide(api, x, d, BigInteger.ZERO, q);
  }

  /** As {@link #divFloor(Api, Variable, BigInteger, int)}. */
  public static Quotient divFloor(Api api, Variable x, long d, int q) {
    return divFloor(api, x, BigInteger.valueOf(d), q);
  }

  /** The hints this gadget calls. */
  public static List<Hint> hints() {
    List<Hint> hints = new ArrayList<>(Bits.hints());
    hints.add(RemainderHint.INSTANCE);
    return List.copyOf(hints);
  }

  private static Quotient divide(Api api, Variable x, BigInteger d, BigInteger offset, int q) {
    Optional<BigInteger> constant = api.constantValue(x);
    if (constant.isPresent()) {
      return constantQuotient(api, signed(constant.get()), d, offset, q);
    }
    Variable shifted = api.add(x, api.constant(offset));
    if (d.bitCount() == 1) {
      int k = d.bitLength() - 1;
      Variable y = api.add(shifted, api.constant(BigInteger.ONE.shiftLeft(k + q - 1)));
      Variable[] bits = Bits.toBits(api, y, k + q);
      Variable[] low = Arrays.copyOfRange(bits, 0, k);
      Variable[] high = Arrays.copyOfRange(bits, k, k + q);
      Variable remainder = k == 0 ? api.constant(0) : Bits.fromBits(api, low);
      Variable quotient = api.sub(Bits.fromBits(api, high), api.constant(BigInteger.ONE.shiftLeft(q - 1)));
      return new Quotient(quotient, remainder, bits[k + q - 1]);
    }
    Variable remainder = api.hint(RemainderHint.INSTANCE, 1, shifted, api.constant(d))[0];
    RangeCheck.below(api, remainder, d);
    BigInteger inverse = d.modInverse(Bn254.R_MODULUS);
    Variable quotient = api.scale(api.sub(shifted, remainder), inverse);
    Variable[] bits = Bits.signedToBits(api, quotient, q);
    return new Quotient(quotient, remainder, bits[q - 1]);
  }

  private static Quotient constantQuotient(Api api, BigInteger x, BigInteger d, BigInteger offset, int q) {
    BigInteger quotient = FixedPoint.divFloor(x.add(offset), d);
    BigInteger bound = BigInteger.ONE.shiftLeft(q - 1);
    if (quotient.compareTo(bound.negate()) < 0 || quotient.compareTo(bound) >= 0) {
      throw new UnsatisfiableException("the quotient " + quotient + " of the constant " + x + " by " + d
          + " does not fit in " + q + " signed bits");
    }
    BigInteger remainder = x.add(offset).subtract(quotient.multiply(d));
    return new Quotient(api.constant(quotient), api.constant(remainder), api.constant(quotient.signum() >= 0 ? 1 : 0));
  }

  private static BigInteger signed(BigInteger v) {
    BigInteger r = Bn254.R_MODULUS;
    return v.compareTo(r.shiftRight(1)) > 0 ? v.subtract(r) : v;
  }

  private static void checkDivisor(BigInteger d, int q) {
    if (d.signum() < 1) {
      throw new IllegalArgumentException("divisor must be positive, was " + d);
    }
    if (q < 1 || d.bitLength() + q > MAX_TOTAL_BITS) {
      throw new IllegalArgumentException("quotient bits must be at least 1 with bitLength(d) + q <= "
          + MAX_TOTAL_BITS + "; got d = " + d + ", q = " + q);
    }
  }
}
