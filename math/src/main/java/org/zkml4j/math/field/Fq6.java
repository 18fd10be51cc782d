package org.zkml4j.math.field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic in Fq6 = Fq2[v]/(v^3 - xi) with xi = 9 + u, the middle floor of BN254's pairing tower.
 *
 * <p>An element c0 + c1*v + c2*v^2 is 24 longs at an offset: the three {@link Fq2} coefficients
 * in order. Operations write in place and outputs may alias inputs.
 *
 * <p>An instance holds scratch space (and an {@link Fq2}), so it must not be shared between
 * threads: give each thread its own.
 */
public final class Fq6 {
  /** Longs per element. */
  public static final int SIZE = 24;

  private static final int C1 = Fq2.SIZE;
  private static final int C2 = 2 * Fq2.SIZE;

  /**
   * FROB_V[k] = xi^((q^k - 1)/3) and FROB_V2[k] = xi^(2(q^k - 1)/3) for k = 0..3 (Fq2 elements):
   * the factors by which v and v^2 change under x -> x^(q^k), since v^(q^k) = v * xi^((q^k-1)/3).
   */
  private static final long[][] FROB_V = new long[4][];
  private static final long[][] FROB_V2 = new long[4][];

  static {
    Fq2 f = new Fq2();
    long[] xi = Fq2.element(BigInteger.valueOf(9), BigInteger.ONE);
    BigInteger q = Bn254.Q_MODULUS;
    for (int k = 0; k < 4; k++) {
      BigInteger e = q.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
      FROB_V[k] = new long[Fq2.SIZE];
      FROB_V2[k] = new long[Fq2.SIZE];
      f.pow(FROB_V[k], 0, xi, 0, e);
      f.square(FROB_V2[k], 0, FROB_V[k], 0);
    }
  }

  private final Fq2 fq2 = new Fq2();
  private final long[] t = new long[8 * Fq2.SIZE];

  /** A new zeroed vector of n elements. */
  public static long[] newVector(int n) {
    return new long[SIZE * n];
  }

  public static void copy(long[] z, int zo, long[] x, int xo) {
    System.arraycopy(x, xo, z, zo, SIZE);
  }

  public static void setZero(long[] z, int zo) {
    Arrays.fill(z, zo, zo + SIZE, 0L);
  }

  public static void setOne(long[] z, int zo) {
    setZero(z, zo);
    Fq2.setOne(z, zo);
  }

  public static boolean isZero(long[] x, int xo) {
    return Fq2.isZero(x, xo) && Fq2.isZero(x, xo + C1) && Fq2.isZero(x, xo + C2);
  }

  public static boolean isOne(long[] x, int xo) {
    return Fq2.isOne(x, xo) && Fq2.isZero(x, xo + C1) && Fq2.isZero(x, xo + C2);
  }

  public static boolean equal(long[] x, int xo, long[] y, int yo) {
    return Arrays.equals(x, xo, xo + SIZE, y, yo, yo + SIZE);
  }

  public static void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq2.add(z, zo, x, xo, y, yo);
    Fq2.add(z, zo + C1, x, xo + C1, y, yo + C1);
    Fq2.add(z, zo + C2, x, xo + C2, y, yo + C2);
  }

  public static void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq2.sub(z, zo, x, xo, y, yo);
    Fq2.sub(z, zo + C1, x, xo + C1, y, yo + C1);
    Fq2.sub(z, zo + C2, x, xo + C2, y, yo + C2);
  }

  public static void dbl(long[] z, int zo, long[] x, int xo) {
    Fq2.dbl(z, zo, x, xo);
    Fq2.dbl(z, zo + C1, x, xo + C1);
    Fq2.dbl(z, zo + C2, x, xo + C2);
  }

  public static void neg(long[] z, int zo, long[] x, int xo) {
    Fq2.neg(z, zo, x, xo);
    Fq2.neg(z, zo + C1, x, xo + C1);
    Fq2.neg(z, zo + C2, x, xo + C2);
  }

  /** z = x * v = xi*c2 + c0*v + c1*v^2 (the multiplication by Fq12's non-residue w^2). */
  public void mulByV(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    fq2.mulByNonResidue(s, 0, x, xo + C2);
    Fq2.copy(z, zo + C2, x, xo + C1);
    Fq2.copy(z, zo + C1, x, xo);
    Fq2.copy(z, zo, s, 0);
  }

  /** z = x * s for s in Fq2 (8 longs at so, which may lie anywhere, even inside z). */
  public void mulByFq2(long[] z, int zo, long[] x, int xo, long[] s, int so) {
    long[] c = t;
    Fq2.copy(c, 0, s, so);
    fq2.mul(z, zo, x, xo, c, 0);
    fq2.mul(z, zo + C1, x, xo + C1, c, 0);
    fq2.mul(z, zo + C2, x, xo + C2, c, 0);
  }

  /**
   * z = x * y, Karatsuba-style over the three coefficients: six Fq2 multiplications.
   */
  public void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long[] s = t;
    final int t0 = 0, t1 = 8, t2 = 16, sa = 24, sb = 32, r0 = 40, r1 = 48;
    fq2.mul(s, t0, x, xo, y, yo);
    fq2.mul(s, t1, x, xo + C1, y, yo + C1);
    fq2.mul(s, t2, x, xo + C2, y, yo + C2);
    // r0 = t0 + xi*((x1+x2)(y1+y2) - t1 - t2)
    Fq2.add(s, sa, x, xo + C1, x, xo + C2);
    Fq2.add(s, sb, y, yo + C1, y, yo + C2);
    fq2.mul(s, r0, s, sa, s, sb);
    Fq2.sub(s, r0, s, r0, s, t1);
    Fq2.sub(s, r0, s, r0, s, t2);
    fq2.mulByNonResidue(s, r0, s, r0);
    Fq2.add(s, r0, s, r0, s, t0);
    // r1 = (x0+x1)(y0+y1) - t0 - t1 + xi*t2
    Fq2.add(s, sa, x, xo, x, xo + C1);
    Fq2.add(s, sb, y, yo, y, yo + C1);
    fq2.mul(s, r1, s, sa, s, sb);
    Fq2.sub(s, r1, s, r1, s, t0);
    Fq2.sub(s, r1, s, r1, s, t1);
    fq2.mulByNonResidue(s, sa, s, t2);
    Fq2.add(s, r1, s, r1, s, sa);
    // z2 = (x0+x2)(y0+y2) - t0 - t2 + t1   (x and y are no longer read after this product)
    Fq2.add(s, sa, x, xo, x, xo + C2);
    Fq2.add(s, sb, y, yo, y, yo + C2);
    fq2.mul(s, sa, s, sa, s, sb);
    Fq2.sub(s, sa, s, sa, s, t0);
    Fq2.sub(s, sa, s, sa, s, t2);
    Fq2.add(z, zo + C2, s, sa, s, t1);
    Fq2.copy(z, zo, s, r0);
    Fq2.copy(z, zo + C1, s, r1);
  }

  /**
   * z = x^2 by Chung and Hasan's SQR2: two multiplications and three squarings in Fq2.
   */
  public void square(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    final int s0 = 0, s1 = 8, s2 = 16, s3 = 24, s4 = 32;
    fq2.square(s, s0, x, xo);
    fq2.mul(s, s1, x, xo, x, xo + C1);
    Fq2.dbl(s, s1, s, s1);
    Fq2.sub(s, s2, x, xo, x, xo + C1);
    Fq2.add(s, s2, s, s2, x, xo + C2);
    fq2.square(s, s2, s, s2);
    fq2.mul(s, s3, x, xo + C1, x, xo + C2);
    Fq2.dbl(s, s3, s, s3);
    fq2.square(s, s4, x, xo + C2);
    // c2 = s1 + s2 + s3 - s0 - s4 = x1^2 + 2 x0 x2
    Fq2.add(z, zo + C2, s, s1, s, s2);
    Fq2.add(z, zo + C2, z, zo + C2, s, s3);
    Fq2.sub(z, zo + C2, z, zo + C2, s, s0);
    Fq2.sub(z, zo + C2, z, zo + C2, s, s4);
    // c0 = s0 + xi*s3, c1 = s1 + xi*s4
    fq2.mulByNonResidue(s, s3, s, s3);
    Fq2.add(z, zo, s, s0, s, s3);
    fq2.mulByNonResidue(s, s4, s, s4);
    Fq2.add(z, zo + C1, s, s1, s, s4);
  }

  /**
   * z = x * (b0 + b1*v), the sparse product the Miller loop's line functions need: five Fq2
   * multiplications instead of six.
   */
  public void mulBy01(long[] z, int zo, long[] x, int xo, long[] b0, int b0o, long[] b1, int b1o) {
    long[] s = t;
    final int t0 = 0, t1 = 8, sa = 16, sb = 24, r1 = 32, r2 = 40;
    fq2.mul(s, t0, x, xo, b0, b0o);
    fq2.mul(s, t1, x, xo + C1, b1, b1o);
    // c1 = (x0+x1)(b0+b1) - t0 - t1
    Fq2.add(s, sa, x, xo, x, xo + C1);
    Fq2.add(s, sb, b0, b0o, b1, b1o);
    fq2.mul(s, r1, s, sa, s, sb);
    Fq2.sub(s, r1, s, r1, s, t0);
    Fq2.sub(s, r1, s, r1, s, t1);
    // c2 = t1 + x2*b0
    fq2.mul(s, r2, x, xo + C2, b0, b0o);
    Fq2.add(s, r2, s, r2, s, t1);
    // c0 = t0 + xi*x2*b1
    fq2.mul(s, sa, x, xo + C2, b1, b1o);
    fq2.mulByNonResidue(s, sa, s, sa);
    Fq2.add(z, zo, s, t0, s, sa);
    Fq2.copy(z, zo + C1, s, r1);
    Fq2.copy(z, zo + C2, s, r2);
  }

  /**
   * z = 1/x: with A = x0^2 - xi x1 x2, B = xi x2^2 - x0 x1, C = x1^2 - x0 x2, the inverse is
   * (A + B v + C v^2) / (x0 A + xi (x2 B + x1 C)), one Fq2 inversion.
   *
   * @throws ArithmeticException if x is zero
   */
  public void inverse(long[] z, int zo, long[] x, int xo) {
    long[] s = t;
    final int a = 0, b = 8, c = 16, u = 24, n = 32;
    fq2.square(s, a, x, xo);
    fq2.mul(s, u, x, xo + C1, x, xo + C2);
    fq2.mulByNonResidue(s, u, s, u);
    Fq2.sub(s, a, s, a, s, u);
    fq2.square(s, b, x, xo + C2);
    fq2.mulByNonResidue(s, b, s, b);
    fq2.mul(s, u, x, xo, x, xo + C1);
    Fq2.sub(s, b, s, b, s, u);
    fq2.square(s, c, x, xo + C1);
    fq2.mul(s, u, x, xo, x, xo + C2);
    Fq2.sub(s, c, s, c, s, u);
    // norm = x0 A + xi (x2 B + x1 C)
    fq2.mul(s, n, x, xo + C2, s, b);
    fq2.mul(s, u, x, xo + C1, s, c);
    Fq2.add(s, n, s, n, s, u);
    fq2.mulByNonResidue(s, n, s, n);
    fq2.mul(s, u, x, xo, s, a);
    Fq2.add(s, n, s, n, s, u);
    if (Fq2.isZero(s, n)) {
      throw new ArithmeticException("inverse of zero");
    }
    fq2.inverse(s, n, s, n);
    fq2.mul(z, zo, s, a, s, n);
    fq2.mul(z, zo + C1, s, b, s, n);
    fq2.mul(z, zo + C2, s, c, s, n);
  }

  /**
   * z = x^(q^k) for k in 0..3 (higher powers reduce mod 6, as x^(q^6) = x): each Fq2
   * coefficient is conjugated k times and v, v^2 pick up precomputed constants.
   */
  public void frobenius(long[] z, int zo, long[] x, int xo, int k) {
    if (k < 0 || k > 3) {
      throw new IllegalArgumentException("Frobenius power must be 0..3, was " + k);
    }
    if ((k & 1) == 1) {
      Fq2.conjugate(z, zo, x, xo);
      Fq2.conjugate(z, zo + C1, x, xo + C1);
      Fq2.conjugate(z, zo + C2, x, xo + C2);
    } else {
      copy(z, zo, x, xo);
    }
    fq2.mul(z, zo + C1, z, zo + C1, FROB_V[k], 0);
    fq2.mul(z, zo + C2, z, zo + C2, FROB_V2[k], 0);
  }
}
