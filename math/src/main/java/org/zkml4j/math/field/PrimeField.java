package org.zkml4j.math.field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Arithmetic modulo a prime p &lt; 2^254 whose elements are four 64-bit limbs in Montgomery form
 * (a is stored as a*2^256 mod p, least significant limb first).
 *
 * <p>Elements live in caller-owned flat {@code long[]} arrays: element i of a vector sits at
 * offset {@code 4*i}. Every operation takes (array, offset) pairs and writes its result in place,
 * so hot loops allocate nothing. Outputs may alias inputs. All inputs must be canonical (&lt; p);
 * all outputs are.
 *
 * <p>Multiplication is the coarsely integrated operand scanning (CIOS) Montgomery product without
 * the final carry word: valid because the modulus's top limb is below 2^62, so intermediate sums
 * never overflow five words (the "no-carry" observation used by gnark-crypto).
 */
public final class PrimeField {
  /** Number of 64-bit limbs per element. */
  public static final int LIMBS = 4;

  private final BigInteger modulus;
  private final long q0, q1, q2, q3;
  /** -p^-1 mod 2^64. */
  private final long qInv;
  private final long[] rSquared;
  private final long[] one;
  private final long[] minusOne;
  private final long[] pMinus2;
  /** R^3 mod p: turns the plain inverse of a Montgomery form aR, a^-1 R^-1, back into a^-1 R. */
  private final long[] rCubed;

  public PrimeField(BigInteger modulus) {
    if (modulus.signum() <= 0 || modulus.bitLength() > 254 || !modulus.testBit(0)) {
      throw new IllegalArgumentException("modulus must be odd and below 2^254");
    }
    this.modulus = modulus;
    long[] q = limbsOf(modulus);
    q0 = q[0];
    q1 = q[1];
    q2 = q[2];
    q3 = q[3];
    long inv = 1; // Newton iteration for q0^-1 mod 2^64; each step doubles the correct bits.
    for (int i = 0; i < 6; i++) {
      inv *= 2 - q0 * inv;
    }
    qInv = -inv;
    BigInteger r = BigInteger.ONE.shiftLeft(256);
    rSquared = limbsOf(r.multiply(r).mod(modulus));
    one = limbsOf(r.mod(modulus));
    minusOne = new long[LIMBS];
    neg(minusOne, 0, one, 0);
    pMinus2 = limbsOf(modulus.subtract(BigInteger.TWO));
    rCubed = limbsOf(r.pow(3).mod(modulus));
  }

  public BigInteger modulus() {
    return modulus;
  }

  /** A new zeroed vector of n elements. */
  public long[] newVector(int n) {
    return new long[LIMBS * n];
  }

  // ---------------------------------------------------------------- constants and conversions

  public void setZero(long[] z, int zo) {
    z[zo] = 0;
    z[zo + 1] = 0;
    z[zo + 2] = 0;
    z[zo + 3] = 0;
  }

  public void setOne(long[] z, int zo) {
    copy(z, zo, one, 0);
  }

  public static void copy(long[] z, int zo, long[] x, int xo) {
    z[zo] = x[xo];
    z[zo + 1] = x[xo + 1];
    z[zo + 2] = x[xo + 2];
    z[zo + 3] = x[xo + 3];
  }

  public boolean isZero(long[] x, int xo) {
    return (x[xo] | x[xo + 1] | x[xo + 2] | x[xo + 3]) == 0;
  }

  public boolean isOne(long[] x, int xo) {
    return equal(x, xo, one, 0);
  }

  public static boolean equal(long[] x, int xo, long[] y, int yo) {
    return x[xo] == y[yo] && x[xo + 1] == y[yo + 1] && x[xo + 2] == y[yo + 2] && x[xo + 3] == y[yo + 3];
  }

  /** Writes v mod p (v may be negative or at least p) in Montgomery form. */
  public void fromBigInteger(long[] z, int zo, BigInteger v) {
    long[] raw = limbsOf(v.mod(modulus));
    mul(z, zo, raw, 0, rSquared, 0);
  }

  /** Writes the small integer v (any sign) in Montgomery form. */
  public void fromLong(long[] z, int zo, long v) {
    long[] raw = {Math.abs(v), 0, 0, 0};
    if (v == Long.MIN_VALUE) {
      fromBigInteger(z, zo, BigInteger.valueOf(v));
      return;
    }
    mul(z, zo, raw, 0, rSquared, 0);
    if (v < 0) {
      neg(z, zo, z, zo);
    }
  }

  public BigInteger toBigInteger(long[] x, int xo) {
    long[] raw = new long[LIMBS];
    fromMontgomery(raw, 0, x, xo);
    return bigOf(raw, 0);
  }

  /** A new one-element array holding v in Montgomery form. */
  public long[] element(BigInteger v) {
    long[] z = new long[LIMBS];
    fromBigInteger(z, 0, v);
    return z;
  }

  public long[] element(long v) {
    long[] z = new long[LIMBS];
    fromLong(z, 0, v);
    return z;
  }

  /** Converts Montgomery form to the plain integer's limbs (multiplies by 2^-256). */
  public void fromMontgomery(long[] z, int zo, long[] x, int xo) {
    long[] unit = {1, 0, 0, 0};
    mul(z, zo, x, xo, unit, 0);
  }

  /** Converts the plain integer's limbs (which must be &lt; p) to Montgomery form. */
  public void toMontgomery(long[] z, int zo, long[] x, int xo) {
    mul(z, zo, x, xo, rSquared, 0);
  }

  /** True when the raw limbs at xo are a canonical plain integer, i.e. &lt; p. */
  public boolean isCanonical(long[] x, int xo) {
    return lessThanModulus(x[xo], x[xo + 1], x[xo + 2], x[xo + 3]);
  }

  /** 32 bytes, big-endian, of the element's plain value. */
  public byte[] toBytesBigEndian(long[] x, int xo) {
    long[] raw = new long[LIMBS];
    fromMontgomery(raw, 0, x, xo);
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[31 - i] = (byte) (raw[i >>> 3] >>> ((i & 7) * 8));
    }
    return out;
  }

  /** 32 bytes, little-endian, of the element's plain value. */
  public byte[] toBytesLittleEndian(long[] x, int xo) {
    long[] raw = new long[LIMBS];
    fromMontgomery(raw, 0, x, xo);
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (raw[i >>> 3] >>> ((i & 7) * 8));
    }
    return out;
  }

  /**
   * Reads 32 big-endian bytes as a plain value.
   *
   * @throws IllegalArgumentException if the value is not below p
   */
  public void fromBytesBigEndian(long[] z, int zo, byte[] in, int off) {
    long[] raw = new long[LIMBS];
    for (int i = 0; i < 32; i++) {
      raw[i >>> 3] |= (in[off + 31 - i] & 0xFFL) << ((i & 7) * 8);
    }
    checkedToMontgomery(z, zo, raw);
  }

  /**
   * Reads 32 little-endian bytes as a plain value.
   *
   * @throws IllegalArgumentException if the value is not below p
   */
  public void fromBytesLittleEndian(long[] z, int zo, byte[] in, int off) {
    long[] raw = new long[LIMBS];
    for (int i = 0; i < 32; i++) {
      raw[i >>> 3] |= (in[off + i] & 0xFFL) << ((i & 7) * 8);
    }
    checkedToMontgomery(z, zo, raw);
  }

  private void checkedToMontgomery(long[] z, int zo, long[] raw) {
    if (!isCanonical(raw, 0)) {
      throw new IllegalArgumentException("value " + bigOf(raw, 0) + " is not below the modulus " + modulus);
    }
    toMontgomery(z, zo, raw, 0);
  }

  // ---------------------------------------------------------------- arithmetic

  public void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long s0 = a0 + y[yo];
    long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
    long t = a1 + c;
    long s1 = t + y[yo + 1];
    c = (Long.compareUnsigned(t, a1) < 0 ? 1 : 0) | (Long.compareUnsigned(s1, t) < 0 ? 1 : 0);
    t = a2 + c;
    long s2 = t + y[yo + 2];
    c = (Long.compareUnsigned(t, a2) < 0 ? 1 : 0) | (Long.compareUnsigned(s2, t) < 0 ? 1 : 0);
    long s3 = a3 + c + y[yo + 3]; // no overflow: both operands < 2^254
    reduceOnce(z, zo, s0, s1, s2, s3);
  }

  public void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long b0 = y[yo], b1 = y[yo + 1], b2 = y[yo + 2], b3 = y[yo + 3];
    long d0 = a0 - b0;
    long br = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
    long t = a1 - b1;
    long br1 = Long.compareUnsigned(a1, b1) < 0 ? 1 : 0;
    long d1 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    t = a2 - b2;
    br1 = Long.compareUnsigned(a2, b2) < 0 ? 1 : 0;
    long d2 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    t = a3 - b3;
    br1 = Long.compareUnsigned(a3, b3) < 0 ? 1 : 0;
    long d3 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    if (br != 0) { // went negative: add p back
      long s0 = d0 + q0;
      long c = Long.compareUnsigned(s0, d0) < 0 ? 1 : 0;
      long u = d1 + c;
      long s1 = u + q1;
      c = (Long.compareUnsigned(u, d1) < 0 ? 1 : 0) | (Long.compareUnsigned(s1, u) < 0 ? 1 : 0);
      u = d2 + c;
      long s2 = u + q2;
      c = (Long.compareUnsigned(u, d2) < 0 ? 1 : 0) | (Long.compareUnsigned(s2, u) < 0 ? 1 : 0);
      d3 = d3 + c + q3;
      d0 = s0;
      d1 = s1;
      d2 = s2;
    }
    z[zo] = d0;
    z[zo + 1] = d1;
    z[zo + 2] = d2;
    z[zo + 3] = d3;
  }

  public void neg(long[] z, int zo, long[] x, int xo) {
    if (isZero(x, xo)) {
      setZero(z, zo);
      return;
    }
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long d0 = q0 - a0;
    long br = Long.compareUnsigned(q0, a0) < 0 ? 1 : 0;
    long t = q1 - a1;
    long br1 = Long.compareUnsigned(q1, a1) < 0 ? 1 : 0;
    long d1 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    t = q2 - a2;
    br1 = Long.compareUnsigned(q2, a2) < 0 ? 1 : 0;
    long d2 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    long d3 = q3 - a3 - br;
    z[zo] = d0;
    z[zo + 1] = d1;
    z[zo + 2] = d2;
    z[zo + 3] = d3;
  }

  public void dbl(long[] z, int zo, long[] x, int xo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    reduceOnce(z, zo, a0 << 1, (a1 << 1) | (a0 >>> 63), (a2 << 1) | (a1 >>> 63), (a3 << 1) | (a2 >>> 63));
  }

  /** z = x * y (Montgomery product x*y*2^-256 of the stored forms). */
  public void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    final long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    final long p0 = q0, p1 = q1, p2 = q2, p3 = q3, k = qInv;
    long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (int i = 0; i < LIMBS; i++) {
      final long b = y[yo + i];
      long lo, hi, s, u, carryA, carryC, m;
      // (A, t0) = t0 + a0*b
      lo = a0 * b;
      hi = Math.unsignedMultiplyHigh(a0, b);
      s = t0 + lo;
      carryA = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
      m = s * k;
      // low word of s + m*p0 is zero by the choice of m; it carries out exactly when s != 0
      carryC = Math.unsignedMultiplyHigh(m, p0) + (s != 0 ? 1 : 0);
      // j = 1: (A, t1) = t1 + a1*b + A; (C, t0) = t1 + m*p1 + C
      lo = a1 * b;
      hi = Math.unsignedMultiplyHigh(a1, b);
      s = t1 + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      u = s + carryA;
      hi += Long.compareUnsigned(u, carryA) < 0 ? 1 : 0;
      carryA = hi;
      lo = m * p1;
      hi = Math.unsignedMultiplyHigh(m, p1);
      s = u + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      t0 = s + carryC;
      hi += Long.compareUnsigned(t0, carryC) < 0 ? 1 : 0;
      carryC = hi;
      // j = 2
      lo = a2 * b;
      hi = Math.unsignedMultiplyHigh(a2, b);
      s = t2 + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      u = s + carryA;
      hi += Long.compareUnsigned(u, carryA) < 0 ? 1 : 0;
      carryA = hi;
      lo = m * p2;
      hi = Math.unsignedMultiplyHigh(m, p2);
      s = u + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      t1 = s + carryC;
      hi += Long.compareUnsigned(t1, carryC) < 0 ? 1 : 0;
      carryC = hi;
      // j = 3
      lo = a3 * b;
      hi = Math.unsignedMultiplyHigh(a3, b);
      s = t3 + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      u = s + carryA;
      hi += Long.compareUnsigned(u, carryA) < 0 ? 1 : 0;
      carryA = hi;
      lo = m * p3;
      hi = Math.unsignedMultiplyHigh(m, p3);
      s = u + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      t2 = s + carryC;
      hi += Long.compareUnsigned(t2, carryC) < 0 ? 1 : 0;
      carryC = hi;
      t3 = carryC + carryA;
    }
    // t < 2p: subtract p unless that borrows. Written out here rather than calling reduceOnce (which
    // C1 does not inline), and selected with masks: whether t >= p is data-dependent, and a
    // mispredicted branch costs more than the selection (about 1.5% of a product, measured).
    long d0 = t0 - p0;
    long br = Long.compareUnsigned(t0, p0) < 0 ? 1 : 0;
    long u = t1 - p1;
    long br1 = Long.compareUnsigned(t1, p1) < 0 ? 1 : 0;
    long d1 = u - br;
    br = br1 | (Long.compareUnsigned(u, br) < 0 ? 1 : 0);
    u = t2 - p2;
    br1 = Long.compareUnsigned(t2, p2) < 0 ? 1 : 0;
    long d2 = u - br;
    br = br1 | (Long.compareUnsigned(u, br) < 0 ? 1 : 0);
    long d3 = t3 - p3 - br; // t3 < 2^63 and p3 < 2^62: the sign of d3 is the borrow out
    long keep = d3 >> 63; // all ones when t < p
    z[zo] = d0 ^ ((d0 ^ t0) & keep);
    z[zo + 1] = d1 ^ ((d1 ^ t1) & keep);
    z[zo + 2] = d2 ^ ((d2 ^ t2) & keep);
    z[zo + 3] = d3 ^ ((d3 ^ t3) & keep);
  }

  public void square(long[] z, int zo, long[] x, int xo) {
    mul(z, zo, x, xo, x, xo);
  }

  /** z = x^e for a non-negative exponent given as plain little-endian limbs. */
  public void pow(long[] z, int zo, long[] x, int xo, long[] exponent) {
    long[] acc = one.clone();
    long[] base = new long[LIMBS];
    copy(base, 0, x, xo);
    int top = exponent.length * 64 - 1;
    while (top >= 0 && ((exponent[top >>> 6] >>> (top & 63)) & 1) == 0) {
      top--;
    }
    for (int bit = top; bit >= 0; bit--) {
      square(acc, 0, acc, 0);
      if (((exponent[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        mul(acc, 0, acc, 0, base, 0);
      }
    }
    copy(z, zo, acc, 0);
  }

  public void pow(long[] z, int zo, long[] x, int xo, BigInteger exponent) {
    if (exponent.signum() < 0) {
      throw new IllegalArgumentException("negative exponent");
    }
    long[] e = new long[Math.max(1, (exponent.bitLength() + 63) / 64)];
    for (int i = 0; i < e.length; i++) {
      e[i] = exponent.shiftRight(64 * i).longValue();
    }
    pow(z, zo, x, xo, e);
  }

  /**
   * z = 1/x, by Fermat's little theorem (x^(p-2)).
   *
   * @throws ArithmeticException if x is zero
   */
  public void inverse(long[] z, int zo, long[] x, int xo) {
    if (isZero(x, xo)) {
      throw new ArithmeticException("inverse of zero");
    }
    pow(z, zo, x, xo, pMinus2);
  }

  /**
   * z = 1/x like {@link #inverse}, about four times faster, but in time that depends on x: for
   * public values only (curve points of a ceremony, MSM buckets), never for secrets. Binary
   * extended Euclid (Guide to Elliptic Curve Cryptography, algorithm 2.22) on the Montgomery
   * form, then one multiplication by R^3.
   *
   * @throws ArithmeticException if x is zero
   */
  public void inverseVartime(long[] z, int zo, long[] x, int xo) {
    if (isZero(x, xo)) {
      throw new ArithmeticException("inverse of zero");
    }
    // invariants: a1 * x = u and a2 * x = v (mod p), with u, v, a1, a2 below 2^254
    long u0 = x[xo], u1 = x[xo + 1], u2 = x[xo + 2], u3 = x[xo + 3];
    long v0 = q0, v1 = q1, v2 = q2, v3 = q3;
    long a0 = 1, a1 = 0, a2 = 0, a3 = 0; // for u
    long b0 = 0, b1 = 0, b2 = 0, b3 = 0; // for v
    long[] d = new long[LIMBS];
    while (!(u0 == 1 && (u1 | u2 | u3) == 0) && !(v0 == 1 && (v1 | v2 | v3) == 0)) {
      while ((u0 & 1) == 0) { // u / 2, a / 2 mod p (a + p when a is odd: below 2^255, no carry out)
        u0 = u0 >>> 1 | u1 << 63;
        u1 = u1 >>> 1 | u2 << 63;
        u2 = u2 >>> 1 | u3 << 63;
        u3 >>>= 1;
        long odd = -(a0 & 1);
        long s0 = a0 + (q0 & odd);
        long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
        long t1 = a1 + c;
        c = t1 == 0 && c == 1 ? 1 : 0;
        long s1 = t1 + (q1 & odd);
        c += Long.compareUnsigned(s1, t1) < 0 ? 1 : 0;
        long t2 = a2 + c;
        c = t2 == 0 && c == 1 ? 1 : 0;
        long s2 = t2 + (q2 & odd);
        c += Long.compareUnsigned(s2, t2) < 0 ? 1 : 0;
        long s3 = a3 + c + (q3 & odd);
        a0 = s0 >>> 1 | s1 << 63;
        a1 = s1 >>> 1 | s2 << 63;
        a2 = s2 >>> 1 | s3 << 63;
        a3 = s3 >>> 1;
      }
      while ((v0 & 1) == 0) {
        v0 = v0 >>> 1 | v1 << 63;
        v1 = v1 >>> 1 | v2 << 63;
        v2 = v2 >>> 1 | v3 << 63;
        v3 >>>= 1;
        long odd = -(b0 & 1);
        long s0 = b0 + (q0 & odd);
        long c = Long.compareUnsigned(s0, b0) < 0 ? 1 : 0;
        long t1 = b1 + c;
        c = t1 == 0 && c == 1 ? 1 : 0;
        long s1 = t1 + (q1 & odd);
        c += Long.compareUnsigned(s1, t1) < 0 ? 1 : 0;
        long t2 = b2 + c;
        c = t2 == 0 && c == 1 ? 1 : 0;
        long s2 = t2 + (q2 & odd);
        c += Long.compareUnsigned(s2, t2) < 0 ? 1 : 0;
        long s3 = b3 + c + (q3 & odd);
        b0 = s0 >>> 1 | s1 << 63;
        b1 = s1 >>> 1 | s2 << 63;
        b2 = s2 >>> 1 | s3 << 63;
        b3 = s3 >>> 1;
      }
      boolean uAtLeastV = u3 != v3 ? Long.compareUnsigned(u3, v3) > 0
          : u2 != v2 ? Long.compareUnsigned(u2, v2) > 0
          : u1 != v1 ? Long.compareUnsigned(u1, v1) > 0
          : Long.compareUnsigned(u0, v0) >= 0;
      if (uAtLeastV) { // u -= v, a1 -= a2 mod p
        long w = u0 - v0;
        long br = Long.compareUnsigned(u0, v0) < 0 ? 1 : 0;
        long w1 = u1 - v1 - br;
        br = Long.compareUnsigned(u1, v1) < 0 || (u1 == v1 && br == 1) ? 1 : 0;
        long w2 = u2 - v2 - br;
        br = Long.compareUnsigned(u2, v2) < 0 || (u2 == v2 && br == 1) ? 1 : 0;
        u3 = u3 - v3 - br;
        u0 = w;
        u1 = w1;
        u2 = w2;
        if ((u0 | u1 | u2 | u3) == 0) { // only if x was p or another multiple: not a canonical element
          throw new ArithmeticException("inverse of a non-canonical zero");
        }
        subMod(d, a0, a1, a2, a3, b0, b1, b2, b3);
        a0 = d[0];
        a1 = d[1];
        a2 = d[2];
        a3 = d[3];
      } else { // v -= u, a2 -= a1 mod p
        long w = v0 - u0;
        long br = Long.compareUnsigned(v0, u0) < 0 ? 1 : 0;
        long w1 = v1 - u1 - br;
        br = Long.compareUnsigned(v1, u1) < 0 || (v1 == u1 && br == 1) ? 1 : 0;
        long w2 = v2 - u2 - br;
        br = Long.compareUnsigned(v2, u2) < 0 || (v2 == u2 && br == 1) ? 1 : 0;
        v3 = v3 - u3 - br;
        v0 = w;
        v1 = w1;
        v2 = w2;
        subMod(d, b0, b1, b2, b3, a0, a1, a2, a3);
        b0 = d[0];
        b1 = d[1];
        b2 = d[2];
        b3 = d[3];
      }
    }
    boolean uIsOne = u0 == 1 && (u1 | u2 | u3) == 0;
    long[] inv = uIsOne ? new long[] {a0, a1, a2, a3} : new long[] {b0, b1, b2, b3};
    mul(z, zo, inv, 0, rCubed, 0);
  }

  /** d = (a - b) mod p for a, b in [0, p). */
  private void subMod(long[] d, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    long w0 = a0 - b0;
    long br = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
    long w1 = a1 - b1 - br;
    br = Long.compareUnsigned(a1, b1) < 0 || (a1 == b1 && br == 1) ? 1 : 0;
    long w2 = a2 - b2 - br;
    br = Long.compareUnsigned(a2, b2) < 0 || (a2 == b2 && br == 1) ? 1 : 0;
    long w3 = a3 - b3 - br;
    br = Long.compareUnsigned(a3, b3) < 0 || (a3 == b3 && br == 1) ? 1 : 0;
    if (br != 0) { // add p back; the carry out cancels the borrow
      long s0 = w0 + q0;
      long c = Long.compareUnsigned(s0, w0) < 0 ? 1 : 0;
      long t1 = w1 + c;
      c = t1 == 0 && c == 1 ? 1 : 0;
      long s1 = t1 + q1;
      c += Long.compareUnsigned(s1, t1) < 0 ? 1 : 0;
      long t2 = w2 + c;
      c = t2 == 0 && c == 1 ? 1 : 0;
      long s2 = t2 + q2;
      c += Long.compareUnsigned(s2, t2) < 0 ? 1 : 0;
      w3 = w3 + c + q3;
      w0 = s0;
      w1 = s1;
      w2 = s2;
    }
    d[0] = w0;
    d[1] = w1;
    d[2] = w2;
    d[3] = w3;
  }

  /**
   * Inverts n elements of a vector in place with one inversion and 3(n-1) multiplications
   * (Montgomery's trick). Zero elements are left as zero.
   *
   * @param scratch at least 4*n longs; its contents are overwritten
   */
  public void batchInverse(long[] v, int offset, int n, long[] scratch) {
    batchInverse(v, offset, n, scratch, false);
  }

  /** {@link #batchInverse} with {@link #inverseVartime}: for public values only. */
  public void batchInverseVartime(long[] v, int offset, int n, long[] scratch) {
    batchInverse(v, offset, n, scratch, true);
  }

  private void batchInverse(long[] v, int offset, int n, long[] scratch, boolean vartime) {
    long[] acc = one.clone();
    for (int i = 0; i < n; i++) {
      int o = offset + LIMBS * i;
      copy(scratch, LIMBS * i, acc, 0);
      if (!isZero(v, o)) {
        mul(acc, 0, acc, 0, v, o);
      }
    }
    if (isZero(acc, 0)) {
      return;
    }
    if (vartime) {
      inverseVartime(acc, 0, acc, 0);
    } else {
      inverse(acc, 0, acc, 0);
    }
    long[] tmp = new long[LIMBS];
    for (int i = n - 1; i >= 0; i--) {
      int o = offset + LIMBS * i;
      if (isZero(v, o)) {
        continue;
      }
      mul(tmp, 0, acc, 0, scratch, LIMBS * i); // 1/v_i = (v_0..v_{i-1}) / (v_0..v_i)
      mul(acc, 0, acc, 0, v, o);
      copy(v, o, tmp, 0);
    }
  }

  /** Legendre symbol of x: 0 for zero, 1 for a non-zero square, -1 otherwise. */
  public int legendre(long[] x, int xo) {
    if (isZero(x, xo)) {
      return 0;
    }
    long[] t = new long[LIMBS];
    pow(t, 0, x, xo, modulus.shiftRight(1));
    return isOne(t, 0) ? 1 : -1;
  }

  /**
   * A square root of x, when p = 3 mod 4 (true for the BN254 base field).
   *
   * @return false (and z untouched) when x is not a square
   * @throws UnsupportedOperationException when p is not 3 mod 4
   */
  public boolean sqrt(long[] z, int zo, long[] x, int xo) {
    if (!modulus.testBit(1)) {
      throw new UnsupportedOperationException("sqrt is implemented for p = 3 mod 4 only");
    }
    long[] root = new long[LIMBS];
    pow(root, 0, x, xo, modulus.add(BigInteger.ONE).shiftRight(2));
    long[] check = new long[LIMBS];
    square(check, 0, root, 0);
    if (!equal(check, 0, x, xo)) {
      return false;
    }
    copy(z, zo, root, 0);
    return true;
  }

  /** The element -1 (read-only). */
  long[] minusOne() {
    return minusOne;
  }

  // ---------------------------------------------------------------- internals

  private boolean lessThanModulus(long a0, long a1, long a2, long a3) {
    if (a3 != q3) {
      return Long.compareUnsigned(a3, q3) < 0;
    }
    if (a2 != q2) {
      return Long.compareUnsigned(a2, q2) < 0;
    }
    if (a1 != q1) {
      return Long.compareUnsigned(a1, q1) < 0;
    }
    return Long.compareUnsigned(a0, q0) < 0;
  }

  /** Stores a - p if a &gt;= p, else a; requires a &lt; 2p. */
  private void reduceOnce(long[] z, int zo, long a0, long a1, long a2, long a3) {
    long d0 = a0 - q0;
    long br = Long.compareUnsigned(a0, q0) < 0 ? 1 : 0;
    long t = a1 - q1;
    long br1 = Long.compareUnsigned(a1, q1) < 0 ? 1 : 0;
    long d1 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    t = a2 - q2;
    br1 = Long.compareUnsigned(a2, q2) < 0 ? 1 : 0;
    long d2 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    t = a3 - q3;
    br1 = Long.compareUnsigned(a3, q3) < 0 ? 1 : 0;
    long d3 = t - br;
    br = br1 | (Long.compareUnsigned(t, br) < 0 ? 1 : 0);
    if (br == 0) {
      z[zo] = d0;
      z[zo + 1] = d1;
      z[zo + 2] = d2;
      z[zo + 3] = d3;
    } else {
      z[zo] = a0;
      z[zo + 1] = a1;
      z[zo + 2] = a2;
      z[zo + 3] = a3;
    }
  }

  static long[] limbsOf(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("not a 256-bit unsigned value: " + v);
    }
    long[] limbs = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      limbs[i] = v.shiftRight(64 * i).longValue();
    }
    return limbs;
  }

  static BigInteger bigOf(long[] limbs, int off) {
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = (byte) (limbs[off + (i >>> 3)] >>> ((i & 7) * 8));
    }
    return new BigInteger(be);
  }

  @Override
  public String toString() {
    return "PrimeField(" + modulus + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrimeField f && f.modulus.equals(modulus);
  }

  @Override
  public int hashCode() {
    return modulus.hashCode() ^ Arrays.hashCode(one);
  }
}
