package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.math.curve.CoordinateField;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.field.PrimeField;

/**
 * Multiplies single points by Fr scalars (Montgomery form): the general path, for the few
 * multiplications outside the bulk work, the circuit setup's sums, and the jobs a {@link LaneBatch}
 * cannot do uniformly. Also the home of the scalar split both use: an efficient endomorphism
 * halves the doublings (Gallant, Lambert, Vanstone, CRYPTO 2001; Galbraith,
 * Lin, Scott, EUROCRYPT 2009):
 * <ul>
 *   <li>G1: phi(x, y) = (beta x, y) with beta a cube root of unity in Fq acts as multiplication by
 *       lambda, a cube root of unity mod r; k = k1 + k2 lambda with |k1|, |k2| about 2^127 by a
 *       short lattice basis;
 *   <li>G2: psi (untwist, Frobenius, twist) acts as multiplication by 6u^2 = q mod r, about 2^127,
 *       so k = k1 + k2 6u^2 is plain division with remainder.
 * </ul>
 * Both halves are recoded in width-5 NAF and processed together: 128 doublings and about 43
 * additions instead of 254 and 42. One instance per thread (it holds its group and scratch).
 */
final class ScalarMultiplier {
  private static final int TABLE = 8; // P, 3P, ..., 15P for width-5 NAF digits
  private static final PrimeField FQ = Bn254.FQ;
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final Glv GLV = Glv.compute();
  private static final BigInteger SIX_U_SQUARED = BigInteger.valueOf(4965661367192848881L).pow(2).multiply(BigInteger.valueOf(6));
  private static final long[] PSI_X, PSI_Y;
  /** Rows b_i with sum_j b_ij (6u^2)^j = 0 mod r (Galbraith and Scott's BN basis). */
  private static final BigInteger[][] GLS_BASIS;
  /** Row 0 of the basis's adjugate, and its determinant: (v, 0, 0, 0) = sum_i (v adj_i / det) b_i. */
  private static final BigInteger[] GLS_ADJUGATE;
  private static final BigInteger GLS_DETERMINANT;

  static {
    Fq2 fq2 = new Fq2();
    long[] xi = Fq2.element(BigInteger.valueOf(9), BigInteger.ONE);
    BigInteger qMinusOne = Bn254.Q_MODULUS.subtract(BigInteger.ONE);
    PSI_X = new long[8];
    fq2.pow(PSI_X, 0, xi, 0, qMinusOne.divide(BigInteger.valueOf(3)));
    PSI_Y = new long[8];
    fq2.pow(PSI_Y, 0, xi, 0, qMinusOne.shiftRight(1));
    BigInteger x = BigInteger.valueOf(4965661367192848881L);
    BigInteger one = BigInteger.ONE, two = BigInteger.TWO;
    GLS_BASIS = new BigInteger[][] {
      {x.add(one), x, x, x.multiply(two).negate()},
      {x.multiply(two).add(one), x.negate(), x.add(one).negate(), x.negate()},
      {x.multiply(two), x.multiply(two).add(one), x.multiply(two).add(one), x.multiply(two).add(one)},
      {x.subtract(one), x.multiply(BigInteger.valueOf(4)).add(two), x.multiply(two).negate().add(one), x.subtract(one)}
    };
    GLS_ADJUGATE = new BigInteger[4];
    for (int i = 0; i < 4; i++) { // adj(B)_{0,i} = (-1)^i minor(row i, column 0)
      GLS_ADJUGATE[i] = minor3(GLS_BASIS, i).multiply(i % 2 == 0 ? one : one.negate());
    }
    BigInteger det = BigInteger.ZERO;
    for (int i = 0; i < 4; i++) { // expansion along column 0
      det = det.add(GLS_BASIS[i][0].multiply(GLS_ADJUGATE[i]));
    }
    if (det.signum() < 0) { // keep the divisor positive for the rounding
      det = det.negate();
      for (int i = 0; i < 4; i++) {
        GLS_ADJUGATE[i] = GLS_ADJUGATE[i].negate();
      }
    }
    GLS_DETERMINANT = det;
  }

  /** The 3x3 determinant of b without row {@code row} and column 0. */
  private static BigInteger minor3(BigInteger[][] b, int row) {
    BigInteger[][] m = new BigInteger[3][];
    for (int i = 0, k = 0; i < 4; i++) {
      if (i != row) {
        m[k++] = new BigInteger[] {b[i][1], b[i][2], b[i][3]};
      }
    }
    return m[0][0].multiply(m[1][1].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][1])))
        .subtract(m[0][1].multiply(m[1][0].multiply(m[2][2]).subtract(m[1][2].multiply(m[2][0]))))
        .add(m[0][2].multiply(m[1][0].multiply(m[2][1]).subtract(m[1][1].multiply(m[2][0]))));
  }

  private final CurveGroup group;
  private final CoordinateField f;
  private final boolean g2;
  private final int s;
  private final int js;
  private final long[] table1, table2, acc, negated;
  private final byte[] digits1 = new byte[140], digits2 = new byte[140];

  private ScalarMultiplier(CurveGroup group) {
    this.group = group;
    this.f = group.coordinates();
    this.g2 = group instanceof G2;
    this.s = f.size();
    this.js = 3 * s;
    this.table1 = new long[TABLE * js];
    this.table2 = new long[TABLE * js];
    this.acc = new long[js];
    this.negated = new long[js];
  }

  static ScalarMultiplier of(CurveGroup group) {
    return new ScalarMultiplier(group);
  }

  /** r (Jacobian) = a (affine) * k (Fr, Montgomery form). */
  void multiplyAffine(long[] r, int ro, long[] a, int ao, long[] k, int ko) {
    group.fromAffine(acc, 0, a, ao);
    multiply(r, ro, acc, 0, k, ko);
  }

  /** r = p * k, both Jacobian (they may alias), k an Fr element in Montgomery form. */
  void multiply(long[] r, int ro, long[] p, int po, long[] k, int ko) {
    BigInteger[] halves = split(plain(k, ko), g2);
    BigInteger k1 = halves[0], k2 = halves[1];
    Arrays.fill(digits1, (byte) 0);
    Arrays.fill(digits2, (byte) 0);
    int top1 = Recoding.naf(k1.abs(), digits1, 0);
    int top2 = Recoding.naf(k2.abs(), digits2, 0);
    // odd multiples P, 3P, ..., 15P, and their endomorphism images
    System.arraycopy(p, po, table1, 0, js);
    group.dbl(acc, 0, p, po);
    for (int i = 1; i < TABLE; i++) {
      group.add(table1, i * js, table1, (i - 1) * js, acc, 0);
    }
    if (top2 >= 0) {
      for (int i = 0; i < TABLE; i++) {
        endomorphism(table2, i * js, table1, i * js);
      }
    }
    if (k1.signum() < 0) {
      negateAll(table1);
    }
    if (k2.signum() < 0 && top2 >= 0) {
      negateAll(table2);
    }
    group.setInfinity(acc, 0);
    for (int i = Math.max(top1, top2); i >= 0; i--) {
      group.dbl(acc, 0, acc, 0);
      addDigit(digits1[i], table1);
      addDigit(digits2[i], table2);
    }
    System.arraycopy(acc, 0, r, ro, js);
  }

  /** The plain value of an Fr element in Montgomery form. */
  static BigInteger plain(long[] k, int ko) {
    long[] limbs = new long[4];
    Bn254.FR.fromMontgomery(limbs, 0, k, ko);
    return unsigned(limbs);
  }

  /**
   * {k1, k2} with v = k1 + k2 * e mod r for the group's endomorphism eigenvalue e (lambda on G1,
   * 6u^2 on G2), both below 2^128 in absolute value. Short values (and short negatives) are not
   * split: {v or v - r, 0}.
   */
  static BigInteger[] split(BigInteger v, boolean g2) {
    if (v.bitLength() <= 128) {
      return new BigInteger[] {v, BigInteger.ZERO};
    }
    if (R.subtract(v).bitLength() <= 128) {
      return new BigInteger[] {v.subtract(R), BigInteger.ZERO};
    }
    if (g2) {
      BigInteger[] qr = v.divideAndRemainder(SIX_U_SQUARED);
      return new BigInteger[] {qr[1], qr[0]};
    }
    return GLV.decompose(v);
  }

  /**
   * {k0, k1, k2, k3} with v = sum k_i (6u^2)^i mod r, each about 2^64 in absolute value, for G2's
   * psi: the lattice basis of Galbraith and Scott ("Exponentiation in pairing-friendly groups
   * using homomorphisms", Pairing 2008, BN example) and Babai rounding. Short values (and short
   * negatives) are not split.
   */
  static BigInteger[] split4(BigInteger v) {
    if (v.bitLength() <= 64) {
      return new BigInteger[] {v, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    }
    if (R.subtract(v).bitLength() <= 64) {
      return new BigInteger[] {v.subtract(R), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    }
    BigInteger[] k = {v, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    for (int i = 0; i < 4; i++) {
      BigInteger c = Glv.roundDiv(v.multiply(GLS_ADJUGATE[i]), GLS_DETERMINANT);
      for (int j = 0; j < 4; j++) {
        k[j] = k[j].subtract(c.multiply(GLS_BASIS[i][j]));
      }
    }
    return k;
  }

  /** psi's coefficient (9 + u)^((q-1)/3) on G2's x (Fq2, Montgomery form). */
  static long[] psiX() {
    return PSI_X.clone();
  }

  /** psi's coefficient (9 + u)^((q-1)/2) on G2's y. */
  static long[] psiY() {
    return PSI_Y.clone();
  }

  /** The coefficient beta (Fq, Montgomery form) of phi(x, y) = (beta x, y) on G1. */
  static long[] beta() {
    return GLV.beta.clone();
  }

  private void addDigit(int d, long[] table) {
    if (d > 0) {
      group.add(acc, 0, acc, 0, table, (d >>> 1) * js);
    } else if (d < 0) {
      group.neg(negated, 0, table, ((-d) >>> 1) * js);
      group.add(acc, 0, acc, 0, negated, 0);
    }
  }

  private void negateAll(long[] table) {
    for (int i = 0; i < TABLE; i++) {
      group.neg(table, i * js, table, i * js);
    }
  }

  /** phi or psi on a Jacobian point. */
  private void endomorphism(long[] z, int zo, long[] p, int po) {
    if (!g2) {
      FQ.mul(z, zo, p, po, GLV.beta, 0);
      PrimeField.copy(z, zo + 4, p, po + 4);
      PrimeField.copy(z, zo + 8, p, po + 8);
    } else {
      Fq2.conjugate(z, zo, p, po);
      f.mul(z, zo, z, zo, PSI_X, 0);
      Fq2.conjugate(z, zo + 8, p, po + 8);
      f.mul(z, zo + 8, z, zo + 8, PSI_Y, 0);
      Fq2.conjugate(z, zo + 16, p, po + 16);
    }
  }

  private static BigInteger unsigned(long[] limbs) {
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = (byte) (limbs[i >>> 3] >>> ((i & 7) * 8));
    }
    return new BigInteger(be);
  }

  /**
   * G1's GLV data: beta in Fq and lambda in Fr, cube roots of unity paired so that
   * phi(P) = (beta x, y) = lambda P, and a reduced basis (a1, b1), (a2, b2) of the lattice
   * {(x, y) : x + y lambda = 0 mod r}, all derived here (Guide to Elliptic Curve Cryptography,
   * algorithm 3.74).
   */
  private record Glv(long[] beta, BigInteger a1, BigInteger b1, BigInteger a2, BigInteger b2) {
    static Glv compute() {
      BigInteger q = Bn254.Q_MODULUS;
      BigInteger beta = cubeRoot(q);
      BigInteger lambda = cubeRoot(R);
      long[] betaM = FQ.element(beta);
      G1 g1 = new G1();
      long[] gen = g1.generator();
      long[] image = gen.clone();
      FQ.mul(image, 0, gen, 0, betaM, 0);
      long[] lg = new long[12];
      g1.fromAffine(lg, 0, gen, 0);
      g1.scalarMul(lg, 0, lg, 0, lambda);
      long[] lga = new long[8];
      g1.toAffine(lga, 0, lg, 0);
      if (!Arrays.equals(lga, image)) {
        lambda = lambda.multiply(lambda).mod(R); // the other primitive cube root
      }
      // extended Euclid on (r, lambda): r_i = s_i r + t_i lambda
      BigInteger sqrtR = R.sqrt();
      BigInteger r0 = R, r1 = lambda, t0 = BigInteger.ZERO, t1 = BigInteger.ONE;
      BigInteger rl = null, tl = null, rl1 = null, tl1 = null, rl2 = null, tl2 = null;
      while (true) {
        BigInteger[] qr = r0.divideAndRemainder(r1);
        BigInteger r2 = qr[1];
        BigInteger t2 = t0.subtract(qr[0].multiply(t1));
        if (rl == null && r1.compareTo(sqrtR) >= 0 && r2.compareTo(sqrtR) < 0) {
          rl = r1;
          tl = t1;
          rl1 = r2;
          tl1 = t2;
        } else if (rl != null) {
          rl2 = r2;
          tl2 = t2;
          break;
        }
        r0 = r1;
        r1 = r2;
        t0 = t1;
        t1 = t2;
      }
      BigInteger a1 = rl1, b1 = tl1.negate();
      BigInteger a2, b2;
      if (rl.pow(2).add(tl.pow(2)).compareTo(rl2.pow(2).add(tl2.pow(2))) <= 0) {
        a2 = rl;
        b2 = tl.negate();
      } else {
        a2 = rl2;
        b2 = tl2.negate();
      }
      return new Glv(betaM, a1, b1, a2, b2);
    }

    /** {k1, k2} with k = k1 + k2 lambda mod r, both about sqrt(r) in absolute value. */
    BigInteger[] decompose(BigInteger k) {
      BigInteger c1 = roundDiv(b2.multiply(k), R);
      BigInteger c2 = roundDiv(b1.negate().multiply(k), R);
      BigInteger k1 = k.subtract(c1.multiply(a1)).subtract(c2.multiply(a2));
      BigInteger k2 = c1.multiply(b1).add(c2.multiply(b2)).negate();
      return new BigInteger[] {k1, k2};
    }

    static BigInteger roundDiv(BigInteger x, BigInteger d) {
      BigInteger twice = x.shiftLeft(1).add(d);
      BigInteger twoD = d.shiftLeft(1);
      return twice.signum() >= 0 ? twice.divide(twoD) : twice.subtract(twoD).add(BigInteger.ONE).divide(twoD);
    }

    /** A primitive cube root of unity modulo a prime p = 1 mod 3. */
    private static BigInteger cubeRoot(BigInteger p) {
      BigInteger e = p.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
      for (int g = 2; ; g++) {
        BigInteger c = BigInteger.valueOf(g).modPow(e, p);
        if (!c.equals(BigInteger.ONE)) {
          return c;
        }
      }
    }
  }
}
