package org.zkml4j.math.field;

import java.math.BigInteger;
import java.util.Random;

/**
 * A slow, independent model of Fq12 for tests: BigInteger polynomials of degree &lt; 6 in w over
 * Fq2 (pairs {c0, c1} meaning c0 + c1 u with u^2 = -1), reduced by w^6 = xi = 9 + u, with
 * schoolbook products. It shares nothing with the tower code but the definition of the field:
 * Fq6 is the subfield of even powers (v = w^2) and Fq2 the constants.
 *
 * <p>Elements are BigInteger[6][2], index = power of w. {@link #fromLayout} and {@link #toLayout}
 * translate from and to the twelve Fq coordinates of {@link Fq12}'s layout, whose Fq2 slots hold
 * the coefficients of w^0, w^2, w^4, w^1, w^3, w^5.
 */
public final class Fq12Reference {
  public static final BigInteger Q = Bn254.Q_MODULUS;
  /** The power of w held by each Fq2 slot of the tower layout. */
  private static final int[] SLOT_POWER = {0, 2, 4, 1, 3, 5};
  private static final BigInteger[] XI = {BigInteger.valueOf(9), BigInteger.ONE};

  private Fq12Reference() {}

  public static BigInteger[][] fromLayout(BigInteger[] coordinates) {
    BigInteger[][] a = zero();
    for (int slot = 0; slot < 6; slot++) {
      a[SLOT_POWER[slot]] = new BigInteger[] {coordinates[2 * slot].mod(Q), coordinates[2 * slot + 1].mod(Q)};
    }
    return a;
  }

  public static BigInteger[] toLayout(BigInteger[][] a) {
    BigInteger[] c = new BigInteger[12];
    for (int slot = 0; slot < 6; slot++) {
      c[2 * slot] = a[SLOT_POWER[slot]][0];
      c[2 * slot + 1] = a[SLOT_POWER[slot]][1];
    }
    return c;
  }

  /** The Fq6 element (24 longs) c0 + c1 v + c2 v^2 as the reference element c0 + c1 w^2 + c2 w^4. */
  public static BigInteger[][] fromFq6(long[] x, int xo) {
    BigInteger[][] a = zero();
    for (int j = 0; j < 3; j++) {
      a[2 * j] = Fq2.toBigIntegers(x, xo + 8 * j);
    }
    return a;
  }

  /** The Fq6 coordinates of a reference element that lies in Fq6 (odd powers must be zero). */
  public static long[] toFq6(BigInteger[][] a) {
    for (int k = 1; k < 6; k += 2) {
      if (a[k][0].signum() != 0 || a[k][1].signum() != 0) {
        throw new IllegalArgumentException("not in Fq6: coefficient of w^" + k + " is non-zero");
      }
    }
    long[] z = new long[Fq6.SIZE];
    for (int j = 0; j < 3; j++) {
      Fq2.copy(z, 8 * j, Fq2.element(a[2 * j][0], a[2 * j][1]), 0);
    }
    return z;
  }

  public static BigInteger[][] fromFq12(long[] x, int xo) {
    return fromLayout(Fq12.toBigIntegers(x, xo));
  }

  public static long[] toFq12(BigInteger[][] a) {
    return Fq12.fromBigIntegers(toLayout(a));
  }

  public static BigInteger[][] zero() {
    BigInteger[][] a = new BigInteger[6][];
    for (int k = 0; k < 6; k++) {
      a[k] = new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
    }
    return a;
  }

  public static BigInteger[][] one() {
    BigInteger[][] a = zero();
    a[0][0] = BigInteger.ONE;
    return a;
  }

  /** Uniform random coordinates in [0, q), with only the even powers when inFq6. */
  public static BigInteger[][] random(Random rnd, boolean inFq6) {
    BigInteger[][] a = zero();
    for (int k = 0; k < 6; k += inFq6 ? 2 : 1) {
      a[k] = new BigInteger[] {new BigInteger(256, rnd).mod(Q), new BigInteger(256, rnd).mod(Q)};
    }
    return a;
  }

  public static boolean equal(BigInteger[][] a, BigInteger[][] b) {
    for (int k = 0; k < 6; k++) {
      if (!a[k][0].equals(b[k][0]) || !a[k][1].equals(b[k][1])) {
        return false;
      }
    }
    return true;
  }

  public static BigInteger[] fq2Mul(BigInteger[] a, BigInteger[] b) {
    return new BigInteger[] {
      a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(Q), a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(Q)
    };
  }

  public static BigInteger[] fq2Add(BigInteger[] a, BigInteger[] b) {
    return new BigInteger[] {a[0].add(b[0]).mod(Q), a[1].add(b[1]).mod(Q)};
  }

  public static BigInteger[][] add(BigInteger[][] a, BigInteger[][] b) {
    BigInteger[][] c = new BigInteger[6][];
    for (int k = 0; k < 6; k++) {
      c[k] = fq2Add(a[k], b[k]);
    }
    return c;
  }

  public static BigInteger[][] mul(BigInteger[][] a, BigInteger[][] b) {
    BigInteger[][] wide = new BigInteger[11][];
    for (int k = 0; k < 11; k++) {
      wide[k] = new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
    }
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        wide[i + j] = fq2Add(wide[i + j], fq2Mul(a[i], b[j]));
      }
    }
    BigInteger[][] c = new BigInteger[6][];
    for (int k = 0; k < 6; k++) {
      c[k] = k + 6 < 11 ? fq2Add(wide[k], fq2Mul(XI, wide[k + 6])) : wide[k];
    }
    return c;
  }

  public static BigInteger[][] pow(BigInteger[][] a, BigInteger e) {
    BigInteger[][] acc = one();
    for (int bit = e.bitLength() - 1; bit >= 0; bit--) {
      acc = mul(acc, acc);
      if (e.testBit(bit)) {
        acc = mul(acc, a);
      }
    }
    return acc;
  }
}
