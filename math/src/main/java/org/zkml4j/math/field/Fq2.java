package org.zkml4j.math.field;

import java.math.BigInteger;

/**
 * Arithmetic in Fq2 = Fq[u]/(u^2 + 1), the field of BN254's G2 coordinates.
 *
 * <p>An element a = c0 + c1*u is 8 longs at an offset: c0 (4 limbs, Montgomery form) then c1.
 * Like {@link PrimeField}, operations write in place and outputs may alias inputs.
 *
 * <p>An instance holds scratch space, so it is cheap to create and must not be shared between
 * threads: give each thread (or each object that does arithmetic) its own.
 */
public final class Fq2 {
  /** Longs per element. */
  public static final int SIZE = 8;

  private static final PrimeField FQ = Bn254.FQ;
  /** The non-residue xi = 9 + u by which Fq6 = Fq2[v]/(v^3 - xi) is built. */
  private static final long[] NINE = FQ.element(9);

  private final long[] t = new long[16];

  /** A new zeroed vector of n elements. */
  public static long[] newVector(int n) {
    return new long[SIZE * n];
  }

  /** A new element c0 + c1*u. */
  public static long[] element(BigInteger c0, BigInteger c1) {
    long[] z = new long[SIZE];
    FQ.fromBigInteger(z, 0, c0);
    FQ.fromBigInteger(z, 4, c1);
    return z;
  }

  /** The coordinates {c0, c1} as plain integers. */
  public static BigInteger[] toBigIntegers(long[] x, int xo) {
    return new BigInteger[] {FQ.toBigInteger(x, xo), FQ.toBigInteger(x, xo + 4)};
  }

  public static void copy(long[] z, int zo, long[] x, int xo) {
    System.arraycopy(x, xo, z, zo, SIZE);
  }

  public static void setZero(long[] z, int zo) {
    for (int i = 0; i < SIZE; i++) {
      z[zo + i] = 0;
    }
  }

  public static void setOne(long[] z, int zo) {
    FQ.setOne(z, zo);
    FQ.setZero(z, zo + 4);
  }

  public static boolean isZero(long[] x, int xo) {
    return FQ.isZero(x, xo) && FQ.isZero(x, xo + 4);
  }

  public static boolean isOne(long[] x, int xo) {
    return FQ.isOne(x, xo) && FQ.isZero(x, xo + 4);
  }

  public static boolean equal(long[] x, int xo, long[] y, int yo) {
    return PrimeField.equal(x, xo, y, yo) && PrimeField.equal(x, xo + 4, y, yo + 4);
  }

  public static void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    FQ.add(z, zo, x, xo, y, yo);
    FQ.add(z, zo + 4, x, xo + 4, y, yo + 4);
  }

  public static void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    FQ.sub(z, zo, x, xo, y, yo);
    FQ.sub(z, zo + 4, x, xo + 4, y, yo + 4);
  }

  public static void dbl(long[] z, int zo, long[] x, int xo) {
    FQ.dbl(z, zo, x, xo);
    FQ.dbl(z, zo + 4, x, xo + 4);
  }

  public static void neg(long[] z, int zo, long[] x, int xo) {
    FQ.neg(z, zo, x, xo);
    FQ.neg(z, zo + 4, x, xo + 4);
  }

  /** z = conjugate of x = c0 - c1*u, which is also the Frobenius map x^q. */
  public static void conjugate(long[] z, int zo, long[] x, int xo) {
    PrimeField.copy(z, zo, x, xo);
    FQ.neg(z, zo + 4, x, xo + 4);
  }

  /** z = x * s for s in Fq (4 longs at so). */
  public static void mulByFq(long[] z, int zo, long[] x, int xo, long[] s, int so) {
    FQ.mul(z, zo, x, xo, s, so);
    FQ.mul(z, zo + 4, x, xo + 4, s, so);
  }

  /** z = x * y, Karatsuba: three Fq multiplications. */
  public void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long[] s = t;
    FQ.mul(s, 0, x, xo, y, yo); // a0*b0
    FQ.mul(s, 4, x, xo + 4, y, yo + 4); // a1*b1
    FQ.add(s, 8, x, xo, x, xo + 4);
    FQ.add(s, 12, y, yo, y, yo + 4);
    FQ.mul(s, 8, s, 8, s, 12); // (a0+a1)(b0+b1)
    FQ.sub(s, 8, s, 8, s, 0);
    FQ.sub(z, zo + 4, s, 8, s, 4);
    FQ.sub(z, zo, s, 0, s, 4);
  }

  /** z = x^2 = (a0+a1)(a0-a1) + 2*a0*a1*u: two Fq multiplications. */
  public void square(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    FQ.add(s, 0, x, xo, x, xo + 4);
    FQ.sub(s, 4, x, xo, x, xo + 4);
    FQ.mul(s, 8, x, xo, x, xo + 4);
    FQ.mul(z, zo, s, 0, s, 4);
    FQ.dbl(z, zo + 4, s, 8);
  }

  /** z = x * (9 + u), the multiplication by the Fq6 non-residue. */
  public void mulByNonResidue(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    // (a0 + a1 u)(9 + u) = (9a0 - a1) + (a0 + 9a1) u
    FQ.mul(s, 0, x, xo, NINE, 0);
    FQ.mul(s, 4, x, xo + 4, NINE, 0);
    FQ.sub(s, 0, s, 0, x, xo + 4);
    FQ.add(z, zo + 4, s, 4, x, xo);
    PrimeField.copy(z, zo, s, 0);
  }

  /**
   * z = 1/x = conj(x) / (a0^2 + a1^2).
   *
   * @throws ArithmeticException if x is zero
   */
  public void inverse(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    FQ.square(s, 0, x, xo);
    FQ.square(s, 4, x, xo + 4);
    FQ.add(s, 0, s, 0, s, 4);
    FQ.inverse(s, 0, s, 0);
    FQ.mul(z, zo, x, xo, s, 0);
    FQ.mul(s, 4, x, xo + 4, s, 0);
    FQ.neg(z, zo + 4, s, 4);
  }

  /** z = x^e for a non-negative exponent. */
  public void pow(long[] z, int zo, long[] x, int xo, BigInteger e) {
    long[] acc = new long[SIZE];
    long[] base = new long[SIZE];
    setOne(acc, 0);
    copy(base, 0, x, xo);
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      square(acc, 0, acc, 0);
      if (e.testBit(bit)) {
        mul(acc, 0, acc, 0, base, 0);
      }
    }
    copy(z, zo, acc, 0);
  }
}
