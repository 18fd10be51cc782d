package org.zkml4j.math.ntt;

/**
 * One radix-2 butterfly over BN254 Fr in Montgomery form (4 limbs, R = 2^256), fused: the sum
 * and the difference share their operand loads, and r's limbs are constants. Inputs and outputs
 * are canonical (&lt; r).
 *
 * <p>Why not three calls to {@code PrimeField}: a butterfly is one product and two additions, and
 * separate calls reload the operands and the modulus for each. The product is the same "no-carry" CIOS Montgomery
 * multiplication as {@code PrimeField.mul}, valid because r's top limb is below 2^62.
 */
final class FrButterfly {
  private static final long R0 = 0x43e1f593f0000001L;
  private static final long R1 = 0x2833e84879b97091L;
  private static final long R2 = 0xb85045b68181585dL;
  private static final long R3 = 0x30644e72e131a029L;
  /** -r^-1 mod 2^64. */
  private static final long R_INV = 0xc2e1f593efffffffL;

  private FrButterfly() {}

  /**
   * Decimation in time: with t = w&middot;x[b], writes x[a] + t and x[a] - t, to a and b, or to b and
   * a when {@code swap} (which is the butterfly with twiddle -w).
   */
  static void dit(long[] x, int a, int b, long[] w, int wo, boolean swap) {
    mulInto(x, b, x[b], x[b + 1], x[b + 2], x[b + 3], w, wo);
    sumAndDifference(x, a, b, swap ? b : a, swap ? a : b);
  }

  /** Twiddle 1, in either direction: writes x[a] + x[b] to a and x[a] - x[b] to b. */
  static void plusMinus(long[] x, int a, int b) {
    sumAndDifference(x, a, b, a, b);
  }

  /**
   * Decimation in frequency: writes x[a] + x[b] to a and (x[a] - x[b])&middot;w to b, or
   * (x[b] - x[a])&middot;w when {@code negate} (which is the butterfly with twiddle -w).
   */
  static void dif(long[] x, int a, int b, long[] w, int wo, boolean negate) {
    final long a0 = x[a], a1 = x[a + 1], a2 = x[a + 2], a3 = x[a + 3];
    final long b0 = x[b], b1 = x[b + 1], b2 = x[b + 2], b3 = x[b + 3];
    // sum, reduced once
    long s0 = a0 + b0;
    long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
    long s1 = a1 + b1 + c;
    c = (Long.compareUnsigned(s1, a1) < 0 || (s1 == a1 && c != 0)) ? 1 : 0;
    long s2 = a2 + b2 + c;
    c = (Long.compareUnsigned(s2, a2) < 0 || (s2 == a2 && c != 0)) ? 1 : 0;
    long s3 = a3 + b3 + c; // no overflow: both below 2^254
    storeReduced(x, a, s0, s1, s2, s3);
    // difference, in the requested order
    long p0 = negate ? b0 : a0, p1 = negate ? b1 : a1, p2 = negate ? b2 : a2, p3 = negate ? b3 : a3;
    long q0 = negate ? a0 : b0, q1 = negate ? a1 : b1, q2 = negate ? a2 : b2, q3 = negate ? a3 : b3;
    long d0 = p0 - q0;
    long br = Long.compareUnsigned(p0, q0) < 0 ? 1 : 0;
    long d1 = p1 - q1 - br;
    br = (Long.compareUnsigned(p1, q1) < 0 || (p1 == q1 && br != 0)) ? 1 : 0;
    long d2 = p2 - q2 - br;
    br = (Long.compareUnsigned(p2, q2) < 0 || (p2 == q2 && br != 0)) ? 1 : 0;
    long d3 = p3 - q3 - br;
    br = (Long.compareUnsigned(p3, q3) < 0 || (p3 == q3 && br != 0)) ? 1 : 0;
    if (br != 0) { // add r back
      long e0 = d0 + R0;
      c = Long.compareUnsigned(e0, d0) < 0 ? 1 : 0;
      long e1 = d1 + R1 + c;
      c = (Long.compareUnsigned(e1, d1) < 0 || (e1 == d1 && c != 0)) ? 1 : 0;
      long e2 = d2 + R2 + c;
      c = (Long.compareUnsigned(e2, d2) < 0 || (e2 == d2 && c != 0)) ? 1 : 0;
      d3 = d3 + R3 + c;
      d0 = e0;
      d1 = e1;
      d2 = e2;
    }
    mulInto(x, b, d0, d1, d2, d3, w, wo);
  }

  /** x[at] = (y0..y3) &middot; w[wo] (Montgomery), canonical. */
  private static void mulInto(long[] x, int at, long y0, long y1, long y2, long y3, long[] w, int wo) {
    long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (int i = 0; i < 4; i++) {
      final long m = w[wo + i];
      long lo, hi, s, u, carryA, carryC, q;
      lo = y0 * m;
      hi = Math.unsignedMultiplyHigh(y0, m);
      s = t0 + lo;
      carryA = hi + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
      q = s * R_INV;
      carryC = Math.unsignedMultiplyHigh(q, R0) + (s != 0 ? 1 : 0);
      lo = y1 * m;
      hi = Math.unsignedMultiplyHigh(y1, m);
      s = t1 + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      u = s + carryA;
      hi += Long.compareUnsigned(u, carryA) < 0 ? 1 : 0;
      carryA = hi;
      lo = q * R1;
      hi = Math.unsignedMultiplyHigh(q, R1);
      s = u + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      t0 = s + carryC;
      hi += Long.compareUnsigned(t0, carryC) < 0 ? 1 : 0;
      carryC = hi;
      lo = y2 * m;
      hi = Math.unsignedMultiplyHigh(y2, m);
      s = t2 + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      u = s + carryA;
      hi += Long.compareUnsigned(u, carryA) < 0 ? 1 : 0;
      carryA = hi;
      lo = q * R2;
      hi = Math.unsignedMultiplyHigh(q, R2);
      s = u + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      t1 = s + carryC;
      hi += Long.compareUnsigned(t1, carryC) < 0 ? 1 : 0;
      carryC = hi;
      lo = y3 * m;
      hi = Math.unsignedMultiplyHigh(y3, m);
      s = t3 + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      u = s + carryA;
      hi += Long.compareUnsigned(u, carryA) < 0 ? 1 : 0;
      carryA = hi;
      lo = q * R3;
      hi = Math.unsignedMultiplyHigh(q, R3);
      s = u + lo;
      hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      t2 = s + carryC;
      hi += Long.compareUnsigned(t2, carryC) < 0 ? 1 : 0;
      carryC = hi;
      t3 = carryC + carryA;
    }
    storeReduced(x, at, t0, t1, t2, t3);
  }

  /** With t = x[b]: writes x[a] + t to {@code sumAt} and x[a] - t to {@code diffAt}, reading both first. */
  private static void sumAndDifference(long[] x, int a, int b, int sumAt, int diffAt) {
    final long a0 = x[a], a1 = x[a + 1], a2 = x[a + 2], a3 = x[a + 3];
    final long t0 = x[b], t1 = x[b + 1], t2 = x[b + 2], t3 = x[b + 3];
    long d0 = a0 - t0;
    long br = Long.compareUnsigned(a0, t0) < 0 ? 1 : 0;
    long d1 = a1 - t1 - br;
    br = (Long.compareUnsigned(a1, t1) < 0 || (a1 == t1 && br != 0)) ? 1 : 0;
    long d2 = a2 - t2 - br;
    br = (Long.compareUnsigned(a2, t2) < 0 || (a2 == t2 && br != 0)) ? 1 : 0;
    long d3 = a3 - t3 - br;
    br = (Long.compareUnsigned(a3, t3) < 0 || (a3 == t3 && br != 0)) ? 1 : 0;
    if (br != 0) { // add r back
      long e0 = d0 + R0;
      long c = Long.compareUnsigned(e0, d0) < 0 ? 1 : 0;
      long e1 = d1 + R1 + c;
      c = (Long.compareUnsigned(e1, d1) < 0 || (e1 == d1 && c != 0)) ? 1 : 0;
      long e2 = d2 + R2 + c;
      c = (Long.compareUnsigned(e2, d2) < 0 || (e2 == d2 && c != 0)) ? 1 : 0;
      d3 = d3 + R3 + c;
      d0 = e0;
      d1 = e1;
      d2 = e2;
    }
    long s0 = a0 + t0;
    long c = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
    long s1 = a1 + t1 + c;
    c = (Long.compareUnsigned(s1, a1) < 0 || (s1 == a1 && c != 0)) ? 1 : 0;
    long s2 = a2 + t2 + c;
    c = (Long.compareUnsigned(s2, a2) < 0 || (s2 == a2 && c != 0)) ? 1 : 0;
    long s3 = a3 + t3 + c; // no overflow: both below 2^254
    storeReduced(x, sumAt, s0, s1, s2, s3);
    x[diffAt] = d0;
    x[diffAt + 1] = d1;
    x[diffAt + 2] = d2;
    x[diffAt + 3] = d3;
  }

  /** Stores s - r if s &ge; r, else s; requires s &lt; 2r. */
  private static void storeReduced(long[] x, int at, long s0, long s1, long s2, long s3) {
    long d0 = s0 - R0;
    long br = Long.compareUnsigned(s0, R0) < 0 ? 1 : 0;
    long d1 = s1 - R1 - br;
    br = (Long.compareUnsigned(s1, R1) < 0 || (s1 == R1 && br != 0)) ? 1 : 0;
    long d2 = s2 - R2 - br;
    br = (Long.compareUnsigned(s2, R2) < 0 || (s2 == R2 && br != 0)) ? 1 : 0;
    long d3 = s3 - R3 - br;
    br = (Long.compareUnsigned(s3, R3) < 0 || (s3 == R3 && br != 0)) ? 1 : 0;
    if (br == 0) {
      x[at] = d0;
      x[at + 1] = d1;
      x[at + 2] = d2;
      x[at + 3] = d3;
    } else {
      x[at] = s0;
      x[at + 1] = s1;
      x[at + 2] = s2;
      x[at + 3] = s3;
    }
  }
}
