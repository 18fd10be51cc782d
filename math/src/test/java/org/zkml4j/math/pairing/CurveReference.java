package org.zkml4j.math.pairing;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;

/**
 * Slow textbook affine arithmetic over BigInteger on G1 (y^2 = x^3 + 3 over Fq) and G2 (the twist
 * y^2 = x^3 + 3/(9+u) over Fq2), for tests: double-and-add scalar multiplication, on-curve checks
 * and conversion to the project's long[] point layout. Infinity is null.
 */
final class CurveReference {
  static final BigInteger Q = Bn254.Q_MODULUS;
  static final BigInteger R = Bn254.R_MODULUS;

  /** An affine point; over Fq the coordinates are {x} and {y}, over Fq2 {c0, c1}. */
  record Point(BigInteger[] x, BigInteger[] y) {}

  static final Point G1 = new Point(new BigInteger[] {BigInteger.ONE}, new BigInteger[] {BigInteger.TWO});
  /** The G2 generator of EIP-197. */
  static final Point G2 = new Point(
      new BigInteger[] {
        new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
        new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")
      },
      new BigInteger[] {
        new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
        new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")
      });

  private CurveReference() {}

  // ------------------------------------------------------------ Fq or Fq2 element arithmetic
  // An element is BigInteger[1] (Fq) or BigInteger[2] (Fq2 with u^2 = -1).

  private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
    BigInteger[] c = new BigInteger[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].add(b[i]).mod(Q);
    }
    return c;
  }

  private static BigInteger[] sub(BigInteger[] a, BigInteger[] b) {
    BigInteger[] c = new BigInteger[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].subtract(b[i]).mod(Q);
    }
    return c;
  }

  private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
    if (a.length == 1) {
      return new BigInteger[] {a[0].multiply(b[0]).mod(Q)};
    }
    return new BigInteger[] {
      a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(Q), a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(Q)
    };
  }

  private static BigInteger[] scale(BigInteger[] a, long k) {
    BigInteger[] c = new BigInteger[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].multiply(BigInteger.valueOf(k)).mod(Q);
    }
    return c;
  }

  private static BigInteger[] inverse(BigInteger[] a) {
    if (a.length == 1) {
      return new BigInteger[] {a[0].modInverse(Q)};
    }
    BigInteger n = a[0].pow(2).add(a[1].pow(2)).mod(Q).modInverse(Q);
    return new BigInteger[] {a[0].multiply(n).mod(Q), a[1].negate().multiply(n).mod(Q)};
  }

  private static boolean isZero(BigInteger[] a) {
    for (BigInteger c : a) {
      if (c.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /** The curve constant: 3 in Fq, or 3/(9+u) in Fq2. */
  static BigInteger[] b(int degree) {
    if (degree == 1) {
      return new BigInteger[] {BigInteger.valueOf(3)};
    }
    return mul(new BigInteger[] {BigInteger.valueOf(3), BigInteger.ZERO},
        inverse(new BigInteger[] {BigInteger.valueOf(9), BigInteger.ONE}));
  }

  // ------------------------------------------------------------ points

  static boolean onCurve(Point p) {
    if (p == null) {
      return true;
    }
    BigInteger[] lhs = mul(p.y, p.y);
    BigInteger[] rhs = add(mul(mul(p.x, p.x), p.x), b(p.x.length));
    return isZero(sub(lhs, rhs));
  }

  static Point neg(Point p) {
    if (p == null) {
      return null;
    }
    BigInteger[] y = new BigInteger[p.y.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = p.y[i].negate().mod(Q);
    }
    return new Point(p.x, y);
  }

  static Point add(Point p, Point q) {
    if (p == null) {
      return q;
    }
    if (q == null) {
      return p;
    }
    BigInteger[] lambda;
    if (isZero(sub(p.x, q.x))) {
      if (!isZero(add(p.y, q.y))) {
        lambda = mul(scale(mul(p.x, p.x), 3), inverse(scale(p.y, 2))); // doubling
      } else {
        return null; // P + (-P)
      }
    } else {
      lambda = mul(sub(q.y, p.y), inverse(sub(q.x, p.x)));
    }
    BigInteger[] x3 = sub(sub(mul(lambda, lambda), p.x), q.x);
    BigInteger[] y3 = sub(mul(lambda, sub(p.x, x3)), p.y);
    return new Point(x3, y3);
  }

  /** k * P by double-and-add (k may be negative or at least r). */
  static Point mul(Point p, BigInteger k) {
    if (k.signum() < 0) {
      return mul(neg(p), k.negate());
    }
    Point acc = null;
    for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
      acc = add(acc, acc);
      if (k.testBit(bit)) {
        acc = add(acc, p);
      }
    }
    return acc;
  }

  /** The point in the project's layout: 8 longs (G1) or 16 longs (G2), zeros for infinity. */
  static long[] encode(Point p, int degree) {
    long[] z = new long[8 * degree];
    if (p != null) {
      for (int i = 0; i < degree; i++) {
        Bn254.FQ.fromBigInteger(z, 4 * i, p.x[i]);
        Bn254.FQ.fromBigInteger(z, 4 * degree + 4 * i, p.y[i]);
      }
    }
    return z;
  }

  static long[] encodeG1(Point p) {
    return encode(p, 1);
  }

  static long[] encodeG2(Point p) {
    return encode(p, 2);
  }

  /** Concatenates encoded points into one flat vector. */
  static long[] concat(long[]... points) {
    int n = 0;
    for (long[] p : points) {
      n += p.length;
    }
    long[] z = new long[n];
    int o = 0;
    for (long[] p : points) {
      System.arraycopy(p, 0, z, o, p.length);
      o += p.length;
    }
    return z;
  }

  /** The G1 (degree 1) or G2 (degree 2) point at a[off..], null for all zeros. */
  static Point decode(long[] a, int off, int degree) {
    BigInteger[] x = new BigInteger[degree], y = new BigInteger[degree];
    boolean zero = true;
    for (int i = 0; i < degree; i++) {
      x[i] = Bn254.FQ.toBigInteger(a, off + 4 * i);
      y[i] = Bn254.FQ.toBigInteger(a, off + 4 * degree + 4 * i);
      zero &= x[i].signum() == 0 && y[i].signum() == 0;
    }
    return zero ? null : new Point(x, y);
  }
}
