package org.zkml4j.circuit.gadget.fixedpoint;

import java.math.BigInteger;

/**
 * The exact integer semantics of the fixed-point gadgets in plain Java: the reference that the
 * model's {@code evaluate()} calls and that the gadget tests check the circuits against. A real x
 * at scale s is the integer round(x * 2^s) (DESIGN §5).
 *
 * <p><b>The rounding rule, stated once:</b> division by a positive integer d rounds half up,
 * {@code divRound(x, d) = floor((x + floor(d / 2)) / d)}, for every sign of x; rescaling by 2^k is
 * {@code divRound(x, 2^k)}. (For odd d no quotient is exactly halfway, so the rule is plain rounding
 * to nearest there.) Examples: rescale(5, 1) = 3, rescale(-5, 1) = -2, rescale(-6, 2) = -1,
 * rescale(-7, 2) = -2.
 *
 * <p>Arithmetic is exact: long methods throw {@link ArithmeticException} on overflow instead of
 * wrapping.
 */
public final class FixedPoint {
  private FixedPoint() {}

  /** floor(x / d), for d &gt;= 1. */
  public static long divFloor(long x, long d) {
    checkDivisor(d);
    return Math.floorDiv(x, d);
  }

  /** floor(x / d), for d &gt;= 1. */
  public static BigInteger divFloor(BigInteger x, BigInteger d) {
    checkDivisor(d);
    BigInteger[] qr = x.divideAndRemainder(d);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** floor((x + floor(d/2)) / d): x / d rounded half up, for d &gt;= 1. */
  public static long divRound(long x, long d) {
    checkDivisor(d);
    return Math.floorDiv(Math.addExact(x, d / 2), d);
  }

  /** floor((x + floor(d/2)) / d): x / d rounded half up, for d &gt;= 1. */
  public static BigInteger divRound(BigInteger x, BigInteger d) {
    checkDivisor(d);
    return divFloor(x.add(d.shiftRight(1)), d);
  }

  /** x / 2^k rounded half up: divRound(x, 2^k) for 0 &lt;= k &lt;= 62. */
  public static long rescale(long x, int k) {
    if (k < 0 || k > 62) {
      throw new IllegalArgumentException("shift must be in [0, 62], was " + k);
    }
    return divRound(x, 1L << k);
  }

  /** x / 2^k rounded half up, for k &gt;= 0. */
  public static BigInteger rescale(BigInteger x, int k) {
    if (k < 0) {
      throw new IllegalArgumentException("shift must be non-negative, was " + k);
    }
    return divRound(x, BigInteger.ONE.shiftLeft(k));
  }

  /** max(x, 0). */
  public static long relu(long x) {
    return Math.max(x, 0);
  }

  /** x limited to [lo, hi], for lo &lt;= hi. */
  public static long clamp(long x, long lo, long hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
    return Math.min(Math.max(x, lo), hi);
  }

  /** The largest value, of at least one. */
  public static long max(long... xs) {
    return xs[argmax(xs)];
  }

  /** The index of the largest value; ties go to the lowest index. */
  public static int argmax(long... xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("argmax of no values");
    }
    int best = 0;
    for (int i = 1; i < xs.length; i++) {
      if (xs[i] > xs[best]) {
        best = i;
      }
    }
    return best;
  }

  /** x^2 + n*x, the polynomial activation. */
  public static long polynomial(long x, long n) {
    return Math.multiplyExact(x, Math.addExact(x, n));
  }

  /** True when x lies in the signed range of n bits, [-2^(n-1), 2^(n-1)), for 1 &lt;= n &lt;= 64. */
  public static boolean fitsSigned(long x, int n) {
    if (n < 1 || n > 64) {
      throw new IllegalArgumentException("bit count must be in [1, 64], was " + n);
    }
    return n == 64 || (x >= -(1L << (n - 1)) && x < (1L << (n - 1)));
  }

  private static void checkDivisor(long d) {
    if (d < 1) {
      throw new IllegalArgumentException("divisor must be positive, was " + d);
    }
  }

  private static void checkDivisor(BigInteger d) {
    if (d.signum() < 1) {
      throw new IllegalArgumentException("divisor must be positive, was " + d);
    }
  }
}
