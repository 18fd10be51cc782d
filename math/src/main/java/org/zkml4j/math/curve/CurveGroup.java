package org.zkml4j.math.curve;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;

/**
 * Point arithmetic on a BN254 group (y^2 = x^3 + b, a = 0) over flat {@code long[]} arrays, shared
 * by {@link G1} (coordinates in Fq) and {@link G2} (coordinates in Fq2).
 *
 * <p>Layouts, with s = 4 longs per Fq coordinate or 8 per Fq2 coordinate, all in Montgomery form:
 * <ul>
 *   <li>affine: x then y ({@link #affineSize()} = 2s longs); the point at infinity is all zeros,
 *       which cannot clash with a curve point because (0, 0) fails the equation (b is non-zero);
 *   <li>Jacobian: X, Y, Z standing for (X/Z^2, Y/Z^3) ({@link #jacobianSize()} = 3s longs); any
 *       point with Z = 0 is the point at infinity.
 * </ul>
 *
 * <p>Every operation writes its result in place at an offset; results may alias inputs. Formulas
 * are the a = 0 ones of the Explicit-Formulas Database: dbl-2009-l (2M + 5S), add-2007-bl
 * (11M + 5S) and madd-2007-bl (7M + 4S), with the special cases (an operand at infinity, P + P,
 * P + (-P)) detected and handled. An instance holds scratch space: use one per thread.
 */
public abstract sealed class CurveGroup permits G1, G2 {
  /** Width of the signed-digit (wNAF) recoding used by scalar multiplication. */
  private static final int WNAF_WIDTH = 5;
  private static final int TABLE_SIZE = 1 << (WNAF_WIDTH - 2);

  final CoordinateField f;
  /** Longs per coordinate. */
  final int s;
  private final long[] b;
  /** Scratch coordinates t(0), t(1), ... at offsets s*i. */
  private final long[] t;
  /** Odd multiples P, 3P, ..., (2*TABLE_SIZE-1)P for scalar multiplication. */
  private final long[] table;
  private final long[] acc;

  CurveGroup(CoordinateField f, long[] b) {
    this.f = f;
    this.s = f.size();
    this.b = b;
    this.t = new long[16 * s];
    this.table = new long[TABLE_SIZE * 3 * s];
    this.acc = new long[3 * s];
  }

  /** The coordinate field's arithmetic, sharing this instance's thread confinement. */
  public final CoordinateField coordinates() {
    return f;
  }

  /** Longs per affine point. */
  public final int affineSize() {
    return 2 * s;
  }

  /** Longs per Jacobian point. */
  public final int jacobianSize() {
    return 3 * s;
  }

  /** A new array holding the group's standard generator in affine form. */
  public abstract long[] generator();

  /**
   * True when the affine point is in the prime-order subgroup (order r) of the curve, which the
   * caller should already know to be on the curve ({@link #isOnCurve}). Infinity is.
   */
  public abstract boolean isInSubgroup(long[] a, int ao);

  /** The EVM precompile encoding (EIP-196/197) of an affine point; infinity is all zeros. */
  public abstract byte[] encode(long[] a, int ao);

  /**
   * Reads an affine point in the EVM precompile encoding and checks it fully: coordinates below
   * q, on the curve, and in the order-r subgroup. All zeros is the point at infinity.
   *
   * @throws IllegalArgumentException naming the failed check, when any fails
   */
  public abstract long[] decode(byte[] in, int off);

  // ------------------------------------------------------------------ predicates and conversions

  public final boolean isInfinity(long[] p, int po) {
    return f.isZero(p, po + 2 * s);
  }

  public final boolean isInfinityAffine(long[] a, int ao) {
    return f.isZero(a, ao) && f.isZero(a, ao + s);
  }

  public final void setInfinity(long[] p, int po) {
    f.setOne(p, po);
    f.setOne(p, po + s);
    f.setZero(p, po + 2 * s);
  }

  /** True when the affine point satisfies y^2 = x^3 + b, or is the point at infinity. */
  public final boolean isOnCurve(long[] a, int ao) {
    if (isInfinityAffine(a, ao)) {
      return true;
    }
    int lhs = 0, rhs = s;
    f.square(t, lhs, a, ao + s);
    f.square(t, rhs, a, ao);
    f.mul(t, rhs, t, rhs, a, ao);
    f.add(t, rhs, t, rhs, b, 0);
    return f.equal(t, lhs, t, rhs);
  }

  /** Two Jacobian points are equal when they stand for the same affine point. */
  public final boolean equal(long[] p, int po, long[] q, int qo) {
    boolean pInf = isInfinity(p, po), qInf = isInfinity(q, qo);
    if (pInf || qInf) {
      return pInf && qInf;
    }
    int z1z1 = 0, z2z2 = s, u1 = 2 * s, u2 = 3 * s;
    f.square(t, z1z1, p, po + 2 * s);
    f.square(t, z2z2, q, qo + 2 * s);
    f.mul(t, u1, p, po, t, z2z2);
    f.mul(t, u2, q, qo, t, z1z1);
    if (!f.equal(t, u1, t, u2)) {
      return false;
    }
    f.mul(t, z1z1, t, z1z1, p, po + 2 * s); // Z1^3
    f.mul(t, z2z2, t, z2z2, q, qo + 2 * s); // Z2^3
    f.mul(t, u1, p, po + s, t, z2z2);
    f.mul(t, u2, q, qo + s, t, z1z1);
    return f.equal(t, u1, t, u2);
  }

  public final void fromAffine(long[] p, int po, long[] a, int ao) {
    if (isInfinityAffine(a, ao)) {
      setInfinity(p, po);
      return;
    }
    f.copy(p, po, a, ao);
    f.copy(p, po + s, a, ao + s);
    f.setOne(p, po + 2 * s);
  }

  /** Affine form of a Jacobian point: one field inversion. */
  public final void toAffine(long[] a, int ao, long[] p, int po) {
    if (isInfinity(p, po)) {
      f.setZero(a, ao);
      f.setZero(a, ao + s);
      return;
    }
    int zi = 0, zi2 = s;
    f.inverse(t, zi, p, po + 2 * s);
    f.square(t, zi2, t, zi);
    f.mul(a, ao + s, p, po + s, t, zi2);
    f.mul(a, ao + s, a, ao + s, t, zi);
    f.mul(a, ao, p, po, t, zi2);
  }

  /**
   * Affine forms of n consecutive Jacobian points with a single field inversion in all (Montgomery's
   * trick). The two arrays must not overlap.
   */
  public final void batchToAffine(long[] a, int ao, long[] p, int po, int n) {
    long[] zs = new long[s * n];
    for (int i = 0; i < n; i++) {
      f.copy(zs, s * i, p, po + 3 * s * i + 2 * s);
    }
    f.batchInverse(zs, 0, n, new long[s * n]);
    int zi2 = 0;
    for (int i = 0; i < n; i++) {
      int src = po + 3 * s * i, dst = ao + 2 * s * i;
      // a point at infinity has Z = 0, whose "inverse" stays 0, giving the all-zero encoding
      f.square(t, zi2, zs, s * i);
      f.mul(a, dst, p, src, t, zi2);
      f.mul(a, dst + s, p, src + s, t, zi2);
      f.mul(a, dst + s, a, dst + s, zs, s * i);
    }
  }

  // ------------------------------------------------------------------ group law

  public final void neg(long[] r, int ro, long[] p, int po) {
    if (r != p || ro != po) {
      f.copy(r, ro, p, po);
      f.copy(r, ro + 2 * s, p, po + 2 * s);
    }
    f.neg(r, ro + s, p, po + s);
  }

  public final void negAffine(long[] r, int ro, long[] a, int ao) {
    if (r != a || ro != ao) {
      f.copy(r, ro, a, ao);
    }
    f.neg(r, ro + s, a, ao + s);
  }

  /** r = 2p (Jacobian). */
  public final void dbl(long[] r, int ro, long[] p, int po) {
    if (isInfinity(p, po)) {
      setInfinity(r, ro);
      return;
    }
    int a = 0, bb = s, c = 2 * s, d = 3 * s, e = 4 * s, z3 = 5 * s;
    f.mul(t, z3, p, po + s, p, po + 2 * s);
    f.dbl(t, z3, t, z3); // Z3 = 2*Y1*Z1
    f.square(t, a, p, po); // A = X1^2
    f.square(t, bb, p, po + s); // B = Y1^2
    f.square(t, c, t, bb); // C = B^2
    f.add(t, d, p, po, t, bb);
    f.square(t, d, t, d);
    f.sub(t, d, t, d, t, a);
    f.sub(t, d, t, d, t, c);
    f.dbl(t, d, t, d); // D = 2*((X1+B)^2 - A - C)
    f.dbl(t, e, t, a);
    f.add(t, e, t, e, t, a); // E = 3*A
    f.square(t, a, t, e); // F = E^2 (reuses A's slot)
    f.dbl(t, bb, t, d);
    f.sub(r, ro, t, a, t, bb); // X3 = F - 2*D
    f.sub(t, d, t, d, r, ro);
    f.mul(t, d, t, d, t, e);
    f.dbl(t, c, t, c);
    f.dbl(t, c, t, c);
    f.dbl(t, c, t, c); // 8*C
    f.sub(r, ro + s, t, d, t, c); // Y3 = E*(D - X3) - 8*C
    f.copy(r, ro + 2 * s, t, z3);
  }

  /** r = p + q (both Jacobian). */
  public final void add(long[] r, int ro, long[] p, int po, long[] q, int qo) {
    if (isInfinity(p, po)) {
      copyJacobian(r, ro, q, qo);
      return;
    }
    if (isInfinity(q, qo)) {
      copyJacobian(r, ro, p, po);
      return;
    }
    int z1z1 = 0, z2z2 = s, u1 = 2 * s, u2 = 3 * s, s1 = 4 * s, s2 = 5 * s, h = 6 * s, i = 7 * s;
    int j = 8 * s, rr = 9 * s, v = 10 * s, z3 = 11 * s;
    f.square(t, z1z1, p, po + 2 * s);
    f.square(t, z2z2, q, qo + 2 * s);
    f.mul(t, u1, p, po, t, z2z2);
    f.mul(t, u2, q, qo, t, z1z1);
    f.mul(t, s1, p, po + s, q, qo + 2 * s);
    f.mul(t, s1, t, s1, t, z2z2); // S1 = Y1*Z2^3
    f.mul(t, s2, q, qo + s, p, po + 2 * s);
    f.mul(t, s2, t, s2, t, z1z1); // S2 = Y2*Z1^3
    f.sub(t, h, t, u2, t, u1);
    f.sub(t, rr, t, s2, t, s1);
    if (f.isZero(t, h)) {
      if (f.isZero(t, rr)) {
        dbl(r, ro, p, po);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    f.dbl(t, rr, t, rr); // r = 2*(S2 - S1)
    f.add(t, z3, p, po + 2 * s, q, qo + 2 * s);
    f.square(t, z3, t, z3);
    f.sub(t, z3, t, z3, t, z1z1);
    f.sub(t, z3, t, z3, t, z2z2);
    f.mul(t, z3, t, z3, t, h); // Z3 = ((Z1+Z2)^2 - Z1Z1 - Z2Z2)*H
    f.dbl(t, i, t, h);
    f.square(t, i, t, i); // I = (2H)^2
    f.mul(t, j, t, h, t, i); // J = H*I
    f.mul(t, v, t, u1, t, i); // V = U1*I
    finishAddition(r, ro, rr, j, v, s1, z3);
  }

  /** r = p + a where p is Jacobian and a affine: the cheaper "mixed" addition. */
  public final void addMixed(long[] r, int ro, long[] p, int po, long[] a, int ao) {
    if (isInfinityAffine(a, ao)) {
      copyJacobian(r, ro, p, po);
      return;
    }
    if (isInfinity(p, po)) {
      fromAffine(r, ro, a, ao);
      return;
    }
    int z1z1 = 0, u2 = s, s2 = 2 * s, h = 3 * s, hh = 4 * s, i = 5 * s, j = 6 * s, rr = 7 * s;
    int v = 8 * s, y1 = 9 * s, z3 = 10 * s;
    f.square(t, z1z1, p, po + 2 * s);
    f.mul(t, u2, a, ao, t, z1z1); // U2 = X2*Z1Z1
    f.mul(t, s2, a, ao + s, p, po + 2 * s);
    f.mul(t, s2, t, s2, t, z1z1); // S2 = Y2*Z1^3
    f.sub(t, h, t, u2, p, po); // H = U2 - X1
    f.sub(t, rr, t, s2, p, po + s);
    if (f.isZero(t, h)) {
      if (f.isZero(t, rr)) {
        dbl(r, ro, p, po);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    f.dbl(t, rr, t, rr); // r = 2*(S2 - Y1)
    f.square(t, hh, t, h);
    f.add(t, z3, p, po + 2 * s, t, h);
    f.square(t, z3, t, z3);
    f.sub(t, z3, t, z3, t, z1z1);
    f.sub(t, z3, t, z3, t, hh); // Z3 = (Z1+H)^2 - Z1Z1 - HH
    f.dbl(t, i, t, hh);
    f.dbl(t, i, t, i); // I = 4*HH
    f.mul(t, j, t, h, t, i); // J = H*I
    f.mul(t, v, p, po, t, i); // V = X1*I
    f.copy(t, y1, p, po + s);
    finishAddition(r, ro, rr, j, v, y1, z3);
  }

  /** X3 = r^2 - J - 2V, Y3 = r*(V - X3) - 2*S1*J, Z3 from scratch; all inputs are scratch slots. */
  private void finishAddition(long[] r, int ro, int rr, int j, int v, int s1, int z3) {
    int tmp = 12 * s;
    f.square(t, tmp, t, rr);
    f.sub(t, tmp, t, tmp, t, j);
    f.sub(t, tmp, t, tmp, t, v);
    f.sub(r, ro, t, tmp, t, v);
    f.sub(t, v, t, v, r, ro);
    f.mul(t, v, t, v, t, rr);
    f.mul(t, s1, t, s1, t, j);
    f.dbl(t, s1, t, s1);
    f.sub(r, ro + s, t, v, t, s1);
    f.copy(r, ro + 2 * s, t, z3);
  }

  private void copyJacobian(long[] r, int ro, long[] p, int po) {
    if (r != p || ro != po) {
      System.arraycopy(p, po, r, ro, 3 * s);
    }
  }

  // ------------------------------------------------------------------ scalar multiplication

  /** r = k*p for any integer k (p and r Jacobian); k is not reduced modulo the group order. */
  public final void scalarMul(long[] r, int ro, long[] p, int po, BigInteger k) {
    BigInteger m = k.abs();
    long[] limbs = new long[(m.bitLength() + 63) / 64 + 1];
    for (int i = 0; i < limbs.length; i++) {
      limbs[i] = m.shiftRight(64 * i).longValue();
    }
    scalarMulLimbs(r, ro, p, po, limbs);
    if (k.signum() < 0) {
      neg(r, ro, r, ro);
    }
  }

  /** r = k*p for a scalar k given as an Fr element in Montgomery form (4 longs at ko). */
  public final void scalarMulFr(long[] r, int ro, long[] p, int po, long[] k, int ko) {
    long[] limbs = new long[5];
    Bn254.FR.fromMontgomery(limbs, 0, k, ko);
    scalarMulLimbs(r, ro, p, po, limbs);
  }

  /**
   * Left-to-right signed-window (wNAF) multiplication by a non-negative integer given as
   * little-endian limbs whose top limb is zero (so the recoding's carry has room).
   */
  private void scalarMulLimbs(long[] r, int ro, long[] p, int po, long[] k) {
    byte[] naf = Wnaf.digits(k, WNAF_WIDTH);
    int js = 3 * s;
    copyJacobian(table, 0, p, po);
    dbl(acc, 0, p, po); // 2P, used to step through the odd multiples
    for (int i = 1; i < TABLE_SIZE; i++) {
      add(table, i * js, table, (i - 1) * js, acc, 0);
    }
    setInfinity(acc, 0);
    int top = naf.length - 1;
    while (top >= 0 && naf[top] == 0) {
      top--;
    }
    long[] negated = t; // slots 13..15 are free during add
    int no = 13 * s;
    for (int i = top; i >= 0; i--) {
      dbl(acc, 0, acc, 0);
      int d = naf[i];
      if (d > 0) {
        add(acc, 0, acc, 0, table, (d >>> 1) * js);
      } else if (d < 0) {
        neg(negated, no, table, ((-d) >>> 1) * js);
        add(acc, 0, acc, 0, negated, no);
      }
    }
    copyJacobian(r, ro, acc, 0);
  }
}
