package org.zkml4j.math.pairing;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq12;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.field.PrimeField;

/**
 * The optimal ate Miller loop of BN254 for several pairs at once, sharing the squarings of the
 * accumulator: f = prod_i f_{6x+2,Q_i}(P_i) * l_{T_i,pi(Q_i)}(P_i) * l_{T_i',-pi^2(Q_i)}(P_i).
 *
 * <p>The G2 points run in homogeneous projective coordinates on the twist E': y^2 = x^3 + b' with
 * b' = 3/xi, so no step inverts. Each line is scaled by an Fq2 factor (which the final
 * exponentiation removes) so that it is a polynomial in the coordinates, and is evaluated at P by
 * untwisting (x', y') -> (x' w^2, y' w^3): a line with slope lambda' through (x', y') becomes
 * y_P - lambda' x_P w + (lambda' x' - y') w^3, a sparse Fq12 element (see {@link Fq12#mulByLine}).
 *
 * <p>Preconditions (not checked here): points are on their curves and in the order-r subgroups.
 * Pairs with a point at infinity (all-zero affine coordinates) are skipped, so they contribute 1.
 * An instance holds scratch space; use one per thread.
 */
final class MillerLoop {
  private static final PrimeField FQ = Bn254.FQ;
  private static final int F2 = Fq2.SIZE;
  /** BN254's curve parameter x (the "u" or "z" of the literature). */
  static final long X = 4965661367192848881L;
  /** The signed binary (NAF) digits of 6x+2, least significant first. */
  private static final byte[] LOOP_NAF =
      Naf.of(BigInteger.valueOf(X).multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));

  /** 3b' = 9/xi, the only curve constant the doubling formulas need. */
  private static final long[] THREE_B;
  /** pi(Q) = (conj(x) * FROB_X1, conj(y) * FROB_Y1) with FROB_X1 = xi^((q-1)/3), FROB_Y1 = xi^((q-1)/2). */
  private static final long[] FROB_X1;
  private static final long[] FROB_Y1;
  /** pi^2(Q) = (x * FROB_X2, y * FROB_Y2) with the exponents (q^2-1)/3 and (q^2-1)/2. */
  private static final long[] FROB_X2;
  private static final long[] FROB_Y2;

  static {
    Fq2 f = new Fq2();
    long[] xi = Fq2.element(BigInteger.valueOf(9), BigInteger.ONE);
    THREE_B = new long[F2];
    f.inverse(THREE_B, 0, xi, 0);
    Fq2.mulByFq(THREE_B, 0, THREE_B, 0, FQ.element(9), 0);
    BigInteger q = Bn254.Q_MODULUS, q2 = q.multiply(q);
    FROB_X1 = xiPow(f, xi, q.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    FROB_Y1 = xiPow(f, xi, q.subtract(BigInteger.ONE).shiftRight(1));
    FROB_X2 = xiPow(f, xi, q2.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));
    FROB_Y2 = xiPow(f, xi, q2.subtract(BigInteger.ONE).shiftRight(1));
  }

  private static long[] xiPow(Fq2 f, long[] xi, BigInteger e) {
    long[] z = new long[F2];
    f.pow(z, 0, xi, 0, e);
    return z;
  }

  // Per-pair layout in the flat state arrays (pair j at j * stride).
  private static final int P_STRIDE = 16; // -x_P, -3x_P, y_P, 2y_P
  private static final int P_NEG_X = 0, P_NEG_3X = 4, P_Y = 8, P_2Y = 12;
  private static final int Q_STRIDE = 3 * F2; // x, y, -y
  private static final int T_STRIDE = 3 * F2; // X, Y, Z

  private final Fq2 fq2 = new Fq2();
  private final Fq12 fq12 = new Fq12();
  private final long[] line = new long[3 * F2];
  private final long[] s = new long[10 * F2];

  /**
   * Writes into f (48 longs at fo) the product of the Miller loop values of n pairs: G1 affine
   * points (8 longs each) at g1[g1o + 8i] and G2 affine points (16 longs each) at g2[g2o + 16i].
   * With no pair left after skipping infinities, f is one.
   */
  void run(long[] f, int fo, long[] g1, int g1o, long[] g2, int g2o, int n) {
    int m = 0;
    long[] p = new long[P_STRIDE * n];
    long[] q = new long[Q_STRIDE * n];
    long[] t = new long[T_STRIDE * n];
    for (int i = 0; i < n; i++) {
      int a = g1o + 8 * i, b = g2o + 16 * i;
      if (isZero(g1, a, 8) || isZero(g2, b, 16)) {
        continue;
      }
      int po = P_STRIDE * m, qo = Q_STRIDE * m, to = T_STRIDE * m;
      FQ.neg(p, po + P_NEG_X, g1, a);
      FQ.dbl(p, po + P_NEG_3X, p, po + P_NEG_X);
      FQ.add(p, po + P_NEG_3X, p, po + P_NEG_3X, p, po + P_NEG_X);
      PrimeField.copy(p, po + P_Y, g1, a + 4);
      FQ.dbl(p, po + P_2Y, g1, a + 4);
      System.arraycopy(g2, b, q, qo, 2 * F2);
      Fq2.neg(q, qo + 2 * F2, g2, b + F2);
      System.arraycopy(g2, b, t, to, 2 * F2);
      Fq2.setOne(t, to + 2 * F2);
      m++;
    }
    Fq12.setOne(f, fo);
    if (m == 0) {
      return;
    }
    for (int i = LOOP_NAF.length - 2; i >= 0; i--) {
      if (i != LOOP_NAF.length - 2) {
        fq12.square(f, fo, f, fo);
      }
      for (int j = 0; j < m; j++) {
        doubleStep(t, T_STRIDE * j, p, P_STRIDE * j);
        fq12.mulByLine(f, fo, f, fo, line, 0);
      }
      int digit = LOOP_NAF[i];
      if (digit != 0) {
        for (int j = 0; j < m; j++) {
          int qo = Q_STRIDE * j;
          addStep(t, T_STRIDE * j, q, qo, q, digit > 0 ? qo + F2 : qo + 2 * F2, p, P_STRIDE * j, true);
          fq12.mulByLine(f, fo, f, fo, line, 0);
        }
      }
    }
    long[] r = new long[2 * F2];
    for (int j = 0; j < m; j++) {
      int qo = Q_STRIDE * j;
      // T += pi(Q)
      Fq2.conjugate(r, 0, q, qo);
      fq2.mul(r, 0, r, 0, FROB_X1, 0);
      Fq2.conjugate(r, F2, q, qo + F2);
      fq2.mul(r, F2, r, F2, FROB_Y1, 0);
      addStep(t, T_STRIDE * j, r, 0, r, F2, p, P_STRIDE * j, true);
      fq12.mulByLine(f, fo, f, fo, line, 0);
      // the line through T and -pi^2(Q); the sum itself is not needed
      fq2.mul(r, 0, q, qo, FROB_X2, 0);
      fq2.mul(r, F2, q, qo + F2, FROB_Y2, 0);
      Fq2.neg(r, F2, r, F2);
      addStep(t, T_STRIDE * j, r, 0, r, F2, p, P_STRIDE * j, false);
      fq12.mulByLine(f, fo, f, fo, line, 0);
    }
  }

  /**
   * T = 2T and line = 2YZ y_P - 3X^2 x_P w + (Y^2 - 3b'Z^2) w^3, the tangent at T scaled by 2YZ
   * (using Y^2 Z = X^3 + b'Z^3 to clear the denominator). The doubled point, scaled by 4:
   * X' = 2XY(Y^2 - 9b'Z^2), Y' = (Y^2 + 9b'Z^2)^2 - 108 b'^2 Z^4, Z' = 8 Y^3 Z.
   */
  private void doubleStep(long[] t, int to, long[] p, int po) {
    final int x = to, y = to + F2, z = to + 2 * F2;
    final int a = 0, yy = 8, b = 16, e = 24, xy = 32, yz = 40, g = 48, h = 56;
    fq2.square(s, a, t, x);
    fq2.square(s, yy, t, y);
    fq2.square(s, b, t, z);
    fq2.mul(s, b, s, b, THREE_B, 0); // B = 3b'Z^2
    Fq2.dbl(s, e, s, b);
    Fq2.add(s, e, s, e, s, b); // E = 9b'Z^2
    fq2.mul(s, xy, t, x, t, y);
    fq2.mul(s, yz, t, y, t, z);
    // line
    Fq2.mulByFq(line, 0, s, yz, p, po + P_2Y);
    Fq2.mulByFq(line, F2, s, a, p, po + P_NEG_3X);
    Fq2.sub(line, 2 * F2, s, yy, s, b);
    // X' = 2 XY (Y^2 - E)
    Fq2.sub(s, g, s, yy, s, e);
    fq2.mul(t, x, s, xy, s, g);
    Fq2.dbl(t, x, t, x);
    // Y' = (Y^2 + E)^2 - 12 B^2
    Fq2.add(s, g, s, yy, s, e);
    fq2.square(s, g, s, g);
    fq2.square(s, h, s, b);
    Fq2.dbl(s, b, s, h);
    Fq2.add(s, b, s, b, s, h);
    Fq2.dbl(s, b, s, b);
    Fq2.dbl(s, b, s, b);
    Fq2.sub(t, y, s, g, s, b);
    // Z' = 8 Y^2 * YZ
    fq2.mul(t, z, s, yy, s, yz);
    Fq2.dbl(t, z, t, z);
    Fq2.dbl(t, z, t, z);
    Fq2.dbl(t, z, t, z);
  }

  /**
   * line = D y_P - theta x_P w + (theta x2 - D y2) w^3 for the chord through T and the affine
   * point (x2, y2), where theta = Y - y2 Z and D = X - x2 Z (the slope is theta/D; the line is
   * scaled by D). When update is set, also T = T + (x2, y2):
   * X' = D H, Y' = theta (X D^2 - H) - Y D^3, Z' = Z D^3 with H = Z theta^2 + D^3 - 2 X D^2.
   * Requires T != +-(x2, y2), which holds for points of order r inside the loop.
   */
  private void addStep(long[] t, int to, long[] qx, int qxo, long[] qy, int qyo, long[] p, int po, boolean update) {
    final int x = to, y = to + F2, z = to + 2 * F2;
    final int th = 0, d = 8, c = 16, e = 24, fx = 32, g = 40, h = 48;
    fq2.mul(s, th, qy, qyo, t, z);
    Fq2.sub(s, th, t, y, s, th);
    fq2.mul(s, d, qx, qxo, t, z);
    Fq2.sub(s, d, t, x, s, d);
    Fq2.mulByFq(line, 0, s, d, p, po + P_Y);
    Fq2.mulByFq(line, F2, s, th, p, po + P_NEG_X);
    fq2.mul(s, c, s, th, qx, qxo);
    fq2.mul(s, e, s, d, qy, qyo);
    Fq2.sub(line, 2 * F2, s, c, s, e);
    if (!update) {
      return;
    }
    fq2.square(s, c, s, d); // D^2
    fq2.mul(s, e, s, d, s, c); // D^3
    fq2.mul(s, fx, t, x, s, c); // X D^2
    fq2.square(s, g, s, th);
    fq2.mul(s, h, t, z, s, g);
    Fq2.add(s, h, s, h, s, e);
    Fq2.sub(s, h, s, h, s, fx);
    Fq2.sub(s, h, s, h, s, fx);
    fq2.mul(t, x, s, d, s, h);
    Fq2.sub(s, fx, s, fx, s, h);
    fq2.mul(s, fx, s, th, s, fx);
    fq2.mul(s, g, t, y, s, e);
    Fq2.sub(t, y, s, fx, s, g);
    fq2.mul(t, z, t, z, s, e);
  }

  private static boolean isZero(long[] a, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
