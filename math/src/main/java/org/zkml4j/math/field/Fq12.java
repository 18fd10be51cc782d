package org.zkml4j.math.field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic in Fq12 = Fq6[w]/(w^2 - v), the top of BN254's pairing tower and the target group
 * of the pairing.
 *
 * <p>An element c0 + c1*w is 48 longs at an offset: the two {@link Fq6} coefficients in order, so
 * the six Fq2 slots hold the coefficients of 1, w^2, w^4, w, w^3, w^5 (w^6 = xi = 9 + u). This is
 * the layout snarkjs and ffjavascript use for their bn128 Fq12. Operations write in place and
 * outputs may alias inputs.
 *
 * <p>An instance holds scratch space (and an {@link Fq6}), so it must not be shared between
 * threads: give each thread its own.
 */
public final class Fq12 {
  /** Longs per element. */
  public static final int SIZE = 48;

  private static final int C1 = Fq6.SIZE;
  private static final int F2 = Fq2.SIZE;

  /**
   * FROB_W[k] = xi^((q^k - 1)/6) for k = 0..3: w^(q^k) = w * FROB_W[k]. The Fq6 halves carry their
   * own constants for v = w^2, so only this one factor is needed on top of {@link Fq6#frobenius}.
   */
  private static final long[][] FROB_W = new long[4][];

  static {
    Fq2 f = new Fq2();
    long[] xi = Fq2.element(BigInteger.valueOf(9), BigInteger.ONE);
    BigInteger q = Bn254.Q_MODULUS;
    for (int k = 0; k < 4; k++) {
      FROB_W[k] = new long[F2];
      f.pow(FROB_W[k], 0, xi, 0, q.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6)));
    }
  }

  private final Fq6 fq6 = new Fq6();
  private final Fq2 fq2 = new Fq2();
  private final long[] t = new long[4 * Fq6.SIZE];

  /** A new zeroed vector of n elements. */
  public static long[] newVector(int n) {
    return new long[SIZE * n];
  }

  /** A new element equal to one. */
  public static long[] one() {
    long[] z = new long[SIZE];
    setOne(z, 0);
    return z;
  }

  /**
   * A new element from its twelve Fq coordinates in layout order: c0.c0.c0, c0.c0.c1, c0.c1.c0,
   * ..., c1.c2.c1 (each reduced mod q).
   */
  public static long[] fromBigIntegers(BigInteger[] coordinates) {
    if (coordinates.length != 12) {
      throw new IllegalArgumentException("an Fq12 element has 12 coordinates, got " + coordinates.length);
    }
    long[] z = new long[SIZE];
    for (int i = 0; i < 12; i++) {
      Bn254.FQ.fromBigInteger(z, 4 * i, coordinates[i]);
    }
    return z;
  }

  /** The twelve Fq coordinates in layout order, as plain integers. */
  public static BigInteger[] toBigIntegers(long[] x, int xo) {
    BigInteger[] out = new BigInteger[12];
    for (int i = 0; i < 12; i++) {
      out[i] = Bn254.FQ.toBigInteger(x, xo + 4 * i);
    }
    return out;
  }

  public static void copy(long[] z, int zo, long[] x, int xo) {
    System.arraycopy(x, xo, z, zo, SIZE);
  }

  public static void setOne(long[] z, int zo) {
    Fq6.setOne(z, zo);
    Fq6.setZero(z, zo + C1);
  }

  public static boolean isOne(long[] x, int xo) {
    return Fq6.isOne(x, xo) && Fq6.isZero(x, xo + C1);
  }

  public static boolean isZero(long[] x, int xo) {
    return Fq6.isZero(x, xo) && Fq6.isZero(x, xo + C1);
  }

  public static boolean equal(long[] x, int xo, long[] y, int yo) {
    return Arrays.equals(x, xo, xo + SIZE, y, yo, yo + SIZE);
  }

  public static void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq6.add(z, zo, x, xo, y, yo);
    Fq6.add(z, zo + C1, x, xo + C1, y, yo + C1);
  }

  public static void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq6.sub(z, zo, x, xo, y, yo);
    Fq6.sub(z, zo + C1, x, xo + C1, y, yo + C1);
  }

  /**
   * z = c0 - c1*w = x^(q^6). For elements of the cyclotomic subgroup (every pairing value after
   * the easy part of the final exponentiation) this is also the inverse.
   */
  public static void conjugate(long[] z, int zo, long[] x, int xo) {
    Fq6.copy(z, zo, x, xo);
    Fq6.neg(z, zo + C1, x, xo + C1);
  }

  /** z = x * y, Karatsuba over the two Fq6 halves: three Fq6 multiplications. */
  public void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long[] s = t;
    final int t0 = 0, t1 = 24, sa = 48, sb = 72;
    fq6.mul(s, t0, x, xo, y, yo);
    fq6.mul(s, t1, x, xo + C1, y, yo + C1);
    Fq6.add(s, sa, x, xo, x, xo + C1);
    Fq6.add(s, sb, y, yo, y, yo + C1);
    fq6.mul(s, sa, s, sa, s, sb);
    Fq6.sub(s, sa, s, sa, s, t0);
    Fq6.sub(z, zo + C1, s, sa, s, t1);
    fq6.mulByV(s, t1, s, t1);
    Fq6.add(z, zo, s, t0, s, t1);
  }

  /**
   * z = x^2 by the complex method: with t = c0*c1, z = (c0 + c1)(c0 + v c1) - t - v t + 2t w; two
   * Fq6 multiplications.
   */
  public void square(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    final int p = 0, sa = 24, sb = 48, vp = 72;
    fq6.mul(s, p, x, xo, x, xo + C1);
    Fq6.add(s, sa, x, xo, x, xo + C1);
    fq6.mulByV(s, sb, x, xo + C1);
    Fq6.add(s, sb, s, sb, x, xo);
    fq6.mul(s, sa, s, sa, s, sb);
    fq6.mulByV(s, vp, s, p);
    Fq6.sub(s, sa, s, sa, s, p);
    Fq6.sub(z, zo, s, sa, s, vp);
    Fq6.dbl(z, zo + C1, s, p);
  }

  /**
   * z = x * l for a sparse l whose only non-zero Fq2 coordinates are l0 (at 1), l1 (at w) and l3
   * (at w^3): the shape of a Miller-loop line function on BN254's D-type twist. Thirteen Fq2
   * multiplications instead of eighteen.
   *
   * @param line 24 longs at lo: l0, l1, l3 as consecutive Fq2 elements
   */
  public void mulByLine(long[] z, int zo, long[] x, int xo, long[] line, int lo) {
    long[] s = t;
    final int t0 = 0, t1 = 24, sa = 48, b0 = 72, b1 = 80;
    final int l0 = lo, l1 = lo + F2, l3 = lo + 2 * F2;
    // x = a + b w, l = l0 + (l1 + l3 v) w
    fq6.mulByFq2(s, t0, x, xo, line, l0);
    fq6.mulBy01(s, t1, x, xo + C1, line, l1, line, l3);
    Fq6.add(s, sa, x, xo, x, xo + C1);
    Fq2.add(s, b0, line, l0, line, l1);
    Fq2.copy(s, b1, line, l3);
    fq6.mulBy01(s, sa, s, sa, s, b0, s, b1);
    Fq6.sub(s, sa, s, sa, s, t0);
    Fq6.sub(z, zo + C1, s, sa, s, t1);
    fq6.mulByV(s, t1, s, t1);
    Fq6.add(z, zo, s, t0, s, t1);
  }

  /**
   * z = x^2 for x in the cyclotomic subgroup (x^(q^6+1) = 1 and x^(q^4-q^2+1) = 1, i.e. any
   * value after the easy part of the final exponentiation), by Granger and Scott's formula over
   * Fq4 = Fq2[w^3]: nine Fq2 squarings instead of two Fq6 multiplications. The result is wrong
   * for other inputs.
   */
  public void cyclotomicSquare(long[] z, int zo, long[] x, int xo) {
    // x = g0 + g1 w + g2 w^2 over Fq4, gi = (ai, bi) meaning ai + bi w^3, with
    // g0 = (c0.c0, c1.c1), g1 = (c1.c0, c0.c2), g2 = (c0.c1, c1.c2). With bar the conjugation of
    // Fq4/Fq2: x^2 = (3 g0^2 - 2 bar g0) + (3 w^3 g2^2 + 2 bar g1) w + (3 g1^2 - 2 bar g2) w^2.
    long[] s = t;
    final int a0 = xo, b0 = xo + C1 + F2, a1 = xo + C1, b1 = xo + 2 * F2, a2 = xo + F2, b2 = xo + C1 + 2 * F2;
    final int q0 = 0, r0 = 8, q1 = 16, r1 = 24, q2 = 32, r2 = 40, u = 48;
    fq4Square(s, q0, r0, x, a0, b0, u);
    fq4Square(s, q1, r1, x, a1, b1, u);
    fq4Square(s, q2, r2, x, a2, b2, u);
    // coefficient of 1: 3 q0 - 2 a0 ; of w^3: 3 r0 + 2 b0
    combine(z, zo, s, q0, x, a0, false);
    combine(z, zo + C1 + F2, s, r0, x, b0, true);
    // w^3 g2^2 = (xi r2, q2): coefficient of w: 3 xi r2 + 2 a1 ; of w^4: 3 q2 - 2 b1
    fq2.mulByNonResidue(s, u, s, r2);
    combine(z, zo + C1, s, u, x, a1, true);
    combine(z, zo + 2 * F2, s, q2, x, b1, false);
    // coefficient of w^2: 3 q1 - 2 a2 ; of w^5: 3 r1 + 2 b2
    combine(z, zo + F2, s, q1, x, a2, false);
    combine(z, zo + C1 + 2 * F2, s, r1, x, b2, true);
  }

  /** (s[q] + s[r] w^3) = (x[a] + x[b] w^3)^2 in Fq4: q = a^2 + xi b^2, r = 2ab. */
  private void fq4Square(long[] s, int q, int r, long[] x, int a, int b, int u) {
    fq2.square(s, q, x, a);
    fq2.square(s, r, x, b);
    Fq2.add(s, u, x, a, x, b);
    fq2.square(s, u, s, u);
    Fq2.sub(s, u, s, u, s, q);
    Fq2.sub(s, u, s, u, s, r);
    fq2.mulByNonResidue(s, r, s, r);
    Fq2.add(s, q, s, q, s, r);
    Fq2.copy(s, r, s, u);
  }

  /** z = 3 s[i] + 2 x[j] when plus, else 3 s[i] - 2 x[j]; z may be x[j]. */
  private static void combine(long[] z, int zo, long[] s, int i, long[] x, int j, boolean plus) {
    if (plus) {
      Fq2.add(z, zo, s, i, x, j);
    } else {
      Fq2.sub(z, zo, s, i, x, j);
    }
    Fq2.dbl(z, zo, z, zo);
    Fq2.add(z, zo, z, zo, s, i);
  }

  /**
   * z = 1/x = (c0 - c1 w) / (c0^2 - v c1^2), one Fq6 inversion.
   *
   * @throws ArithmeticException if x is zero
   */
  public void inverse(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    final int a = 0, b = 24;
    fq6.square(s, a, x, xo);
    fq6.square(s, b, x, xo + C1);
    fq6.mulByV(s, b, s, b);
    Fq6.sub(s, a, s, a, s, b);
    fq6.inverse(s, a, s, a);
    fq6.mul(z, zo, x, xo, s, a);
    fq6.mul(s, b, x, xo + C1, s, a);
    Fq6.neg(z, zo + C1, s, b);
  }

  /**
   * z = x^(q^k) for k in 0..3 (x^(q^6) is {@link #conjugate}): the Fq6 halves map by
   * {@link Fq6#frobenius} and the w half picks up the constant xi^((q^k-1)/6).
   */
  public void frobenius(long[] z, int zo, long[] x, int xo, int k) {
    fq6.frobenius(z, zo, x, xo, k);
    fq6.frobenius(z, zo + C1, x, xo + C1, k);
    fq6.mulByFq2(z, zo + C1, z, zo + C1, FROB_W[k], 0);
  }

  /** z = x^e for a non-negative exponent, by plain square and multiply (not a hot path). */
  public void pow(long[] z, int zo, long[] x, int xo, BigInteger e) {
    long[] acc = one();
    long[] base = new long[SIZE];
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
