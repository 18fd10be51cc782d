package org.zkml4j.math.curve;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.zkml4j.math.field.Bn254;

/**
 * Textbook affine group law over java.math.BigInteger, the independent reference for the curve
 * code: Fq elements are {@code BigInteger[1]}, Fq2 elements {@code BigInteger[2]} (c0, c1 with
 * u^2 = -1). A null point is the point at infinity. Slow and obviously correct.
 */
final class AffineReference {
  static final BigInteger Q = Bn254.Q_MODULUS;
  static final BigInteger R = Bn254.R_MODULUS;

  static final AffineReference G1 = new AffineReference(new BigInteger[] {BigInteger.valueOf(3)});
  static final AffineReference G2 = new AffineReference(twistB());

  record Point(BigInteger[] x, BigInteger[] y) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && Arrays.equals(x, p.x) && Arrays.equals(y, p.y);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(x) * 31 + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
      return "(" + Arrays.toString(x) + ", " + Arrays.toString(y) + ")";
    }
  }

  private final BigInteger[] b;
  private final int degree;

  private AffineReference(BigInteger[] b) {
    this.b = b;
    this.degree = b.length;
  }

  private static BigInteger[] twistB() {
    BigInteger norm = BigInteger.valueOf(82).modInverse(Q); // 1/(9+u) = (9-u)/82
    return new BigInteger[] {BigInteger.valueOf(27).multiply(norm).mod(Q), BigInteger.valueOf(-3).multiply(norm).mod(Q)};
  }

  // ------------------------------------------------------------------ field

  BigInteger[] zero() {
    BigInteger[] e = new BigInteger[degree];
    Arrays.fill(e, BigInteger.ZERO);
    return e;
  }

  BigInteger[] random(Random rnd) {
    BigInteger[] e = new BigInteger[degree];
    for (int i = 0; i < degree; i++) {
      e[i] = new BigInteger(260, rnd).mod(Q);
    }
    return e;
  }

  BigInteger[] add(BigInteger[] x, BigInteger[] y) {
    BigInteger[] z = new BigInteger[degree];
    for (int i = 0; i < degree; i++) {
      z[i] = x[i].add(y[i]).mod(Q);
    }
    return z;
  }

  BigInteger[] sub(BigInteger[] x, BigInteger[] y) {
    BigInteger[] z = new BigInteger[degree];
    for (int i = 0; i < degree; i++) {
      z[i] = x[i].subtract(y[i]).mod(Q);
    }
    return z;
  }

  BigInteger[] mul(BigInteger[] x, BigInteger[] y) {
    if (degree == 1) {
      return new BigInteger[] {x[0].multiply(y[0]).mod(Q)};
    }
    return new BigInteger[] {
      x[0].multiply(y[0]).subtract(x[1].multiply(y[1])).mod(Q), x[0].multiply(y[1]).add(x[1].multiply(y[0])).mod(Q)
    };
  }

  BigInteger[] inv(BigInteger[] x) {
    if (degree == 1) {
      return new BigInteger[] {x[0].modInverse(Q)};
    }
    BigInteger n = x[0].pow(2).add(x[1].pow(2)).mod(Q).modInverse(Q);
    return new BigInteger[] {x[0].multiply(n).mod(Q), x[1].negate().multiply(n).mod(Q)};
  }

  boolean isZero(BigInteger[] x) {
    return Arrays.stream(x).allMatch(v -> v.signum() == 0);
  }

  /** A square root, or null when x is not a square (q = 3 mod 4; Fq2 by the complex method). */
  BigInteger[] sqrt(BigInteger[] x) {
    if (degree == 1) {
      BigInteger r = sqrtFq(x[0]);
      return r == null ? null : new BigInteger[] {r};
    }
    BigInteger a0 = x[0], a1 = x[1];
    if (a1.signum() == 0) {
      BigInteger r = sqrtFq(a0);
      return r != null ? new BigInteger[] {r, BigInteger.ZERO}
          : new BigInteger[] {BigInteger.ZERO, sqrtFq(a0.negate().mod(Q))}; // -1 = u^2, and -a0 is a square
    }
    BigInteger alpha = sqrtFq(a0.pow(2).add(a1.pow(2)).mod(Q));
    if (alpha == null) {
      return null;
    }
    BigInteger half = BigInteger.TWO.modInverse(Q);
    BigInteger delta = a0.add(alpha).multiply(half).mod(Q);
    BigInteger c0 = sqrtFq(delta);
    if (c0 == null) {
      c0 = sqrtFq(a0.subtract(alpha).multiply(half).mod(Q));
    }
    BigInteger c1 = a1.multiply(c0.shiftLeft(1).modInverse(Q)).mod(Q);
    BigInteger[] root = {c0, c1};
    if (!Arrays.equals(mul(root, root), new BigInteger[] {a0.mod(Q), a1.mod(Q)})) {
      throw new AssertionError("Fq2 square root failed");
    }
    return root;
  }

  private static BigInteger sqrtFq(BigInteger a) {
    BigInteger r = a.modPow(Q.add(BigInteger.ONE).shiftRight(2), Q);
    return r.multiply(r).mod(Q).equals(a.mod(Q)) ? r : null;
  }

  // ------------------------------------------------------------------ group

  boolean onCurve(Point p) {
    return p == null || Arrays.equals(mul(p.y, p.y), add(mul(mul(p.x, p.x), p.x), b));
  }

  Point neg(Point p) {
    return p == null ? null : new Point(p.x, sub(zero(), p.y));
  }

  Point add(Point p, Point q) {
    if (p == null) {
      return q;
    }
    if (q == null) {
      return p;
    }
    BigInteger[] lambda;
    if (Arrays.equals(p.x, q.x)) {
      if (!Arrays.equals(p.y, q.y) || isZero(p.y)) {
        return null;
      }
      BigInteger[] x2 = mul(p.x, p.x);
      lambda = mul(add(add(x2, x2), x2), inv(add(p.y, p.y)));
    } else {
      lambda = mul(sub(q.y, p.y), inv(sub(q.x, p.x)));
    }
    BigInteger[] x3 = sub(sub(mul(lambda, lambda), p.x), q.x);
    return new Point(x3, sub(mul(lambda, sub(p.x, x3)), p.y));
  }

  /** k*p by right-to-left double-and-add; any integer k. */
  Point mul(BigInteger k, Point p) {
    Point acc = null, base = k.signum() < 0 ? neg(p) : p;
    BigInteger m = k.abs();
    for (int i = 0; i < m.bitLength(); i++) {
      if (m.testBit(i)) {
        acc = add(acc, base);
      }
      base = add(base, base);
    }
    return acc;
  }

  /** A random point on the curve (for G2: on the twist, almost surely outside the subgroup). */
  Point randomCurvePoint(Random rnd) {
    while (true) {
      BigInteger[] x = random(rnd);
      BigInteger[] y = sqrt(add(mul(mul(x, x), x), b));
      if (y != null) {
        return new Point(x, y);
      }
    }
  }

  // ------------------------------------------------------------------ conversions to the flat layout

  long[] toLimbs(Point p) {
    long[] a = new long[8 * degree];
    if (p != null) {
      for (int i = 0; i < degree; i++) {
        Bn254.FQ.fromBigInteger(a, 4 * i, p.x[i]);
        Bn254.FQ.fromBigInteger(a, 4 * degree + 4 * i, p.y[i]);
      }
    }
    return a;
  }

  Point fromLimbs(long[] a, int ao) {
    BigInteger[] x = new BigInteger[degree], y = new BigInteger[degree];
    for (int i = 0; i < degree; i++) {
      x[i] = Bn254.FQ.toBigInteger(a, ao + 4 * i);
      y[i] = Bn254.FQ.toBigInteger(a, ao + 4 * degree + 4 * i);
    }
    return isZero(x) && isZero(y) ? null : new Point(x, y);
  }

  /** The G2 generator as published in EIP-197. */
  static Point g2Generator() {
    return new Point(
        new BigInteger[] {
          new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")},
        new BigInteger[] {
          new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")});
  }

  static Point g1Generator() {
    return new Point(new BigInteger[] {BigInteger.ONE}, new BigInteger[] {BigInteger.TWO});
  }
}
