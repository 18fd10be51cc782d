package org.zkml4j.groth16.testing;

import java.math.BigInteger;
import java.util.Random;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;

/**
 * Points on BN254's twist y^2 = x^3 + 3/(9+u) that are not in the order-r subgroup G2, made with
 * plain BigInteger arithmetic in Fq2 = Fq[u]/(u^2 + 1), for tests of subgroup checks. The twist's
 * order is r times a cofactor h > 1, so a random point on it lies outside G2 with probability
 * 1 - 1/h.
 */
public final class TwistPoints {
  private static final BigInteger Q = Bn254.Q_MODULUS;

  private TwistPoints() {}

  /** A random twist point (x.c0, x.c1, y.c0, y.c1) as plain integers, not in G2 (checked: r*P != 0). */
  public static BigInteger[] outsideSubgroup(long seed) {
    Random random = new Random(seed);
    BigInteger[] b = div(new BigInteger[] {BigInteger.valueOf(3), BigInteger.ZERO},
        new BigInteger[] {BigInteger.valueOf(9), BigInteger.ONE});
    while (true) {
      BigInteger[] x = {new BigInteger(253, random), new BigInteger(253, random)};
      BigInteger[] rhs = add(mul(mul(x, x), x), b);
      BigInteger[] y = sqrt(rhs);
      if (y == null) {
        continue;
      }
      BigInteger[] p = {x[0], x[1], y[0], y[1]};
      if (!timesIsInfinity(p, Bn254.R_MODULUS)) {
        return p;
      }
    }
  }

  /** The point in the project's affine layout (16 longs, Montgomery form). */
  public static long[] toLongs(BigInteger[] p) {
    long[] out = new long[16];
    System.arraycopy(Fq2.element(p[0], p[1]), 0, out, 0, 8);
    System.arraycopy(Fq2.element(p[2], p[3]), 0, out, 8, 8);
    return out;
  }

  /** Whether k * P is the point at infinity, by affine double-and-add. */
  static boolean timesIsInfinity(BigInteger[] p, BigInteger k) {
    BigInteger[][] acc = null;
    BigInteger[][] base = {{p[0], p[1]}, {p[2], p[3]}};
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = add(acc, acc);
      if (k.testBit(i)) {
        acc = add(acc, base);
      }
    }
    return acc == null;
  }

  /** Affine addition on the twist; null is infinity. */
  private static BigInteger[][] add(BigInteger[][] a, BigInteger[][] c) {
    if (a == null) {
      return c;
    }
    if (c == null) {
      return a;
    }
    BigInteger[] lambda;
    if (eq(a[0], c[0])) {
      if (!eq(a[1], c[1]) || isZero(a[1])) {
        return null;
      }
      BigInteger[] x2 = mul(a[0], a[0]);
      lambda = div(add(add(x2, x2), x2), add(a[1], a[1]));
    } else {
      lambda = div(sub(c[1], a[1]), sub(c[0], a[0]));
    }
    BigInteger[] x3 = sub(sub(mul(lambda, lambda), a[0]), c[0]);
    BigInteger[] y3 = sub(mul(lambda, sub(a[0], x3)), a[1]);
    return new BigInteger[][] {x3, y3};
  }

  /** A square root in Fq2 (q = 3 mod 4; Adj and Rodriguez-Henriquez, algorithm 9), or null. */
  static BigInteger[] sqrt(BigInteger[] a) {
    BigInteger[] a1 = pow(a, Q.subtract(BigInteger.valueOf(3)).shiftRight(2));
    BigInteger[] alpha = mul(mul(a1, a1), a);
    BigInteger[] a0 = mul(pow(alpha, Q), alpha);
    BigInteger[] minusOne = {Q.subtract(BigInteger.ONE), BigInteger.ZERO};
    if (eq(a0, minusOne)) {
      return null;
    }
    BigInteger[] x0 = mul(a1, a);
    BigInteger[] x;
    if (eq(alpha, minusOne)) {
      x = mul(new BigInteger[] {BigInteger.ZERO, BigInteger.ONE}, x0);
    } else {
      BigInteger[] bb = pow(add(new BigInteger[] {BigInteger.ONE, BigInteger.ZERO}, alpha),
          Q.subtract(BigInteger.ONE).shiftRight(1));
      x = mul(bb, x0);
    }
    return eq(mul(x, x), a) ? x : null;
  }

  private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
    return new BigInteger[] {a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(Q),
        a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(Q)};
  }

  private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
    return new BigInteger[] {a[0].add(b[0]).mod(Q), a[1].add(b[1]).mod(Q)};
  }

  private static BigInteger[] sub(BigInteger[] a, BigInteger[] b) {
    return new BigInteger[] {a[0].subtract(b[0]).mod(Q), a[1].subtract(b[1]).mod(Q)};
  }

  private static BigInteger[] div(BigInteger[] a, BigInteger[] b) {
    BigInteger norm = b[0].pow(2).add(b[1].pow(2)).mod(Q).modInverse(Q);
    return mul(a, new BigInteger[] {b[0].multiply(norm).mod(Q), b[1].negate().multiply(norm).mod(Q)});
  }

  private static BigInteger[] pow(BigInteger[] a, BigInteger e) {
    BigInteger[] acc = {BigInteger.ONE, BigInteger.ZERO};
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      acc = mul(acc, acc);
      if (e.testBit(i)) {
        acc = mul(acc, a);
      }
    }
    return acc;
  }

  private static boolean eq(BigInteger[] a, BigInteger[] b) {
    return a[0].equals(b[0]) && a[1].equals(b[1]);
  }

  private static boolean isZero(BigInteger[] a) {
    return a[0].signum() == 0 && a[1].signum() == 0;
  }
}
