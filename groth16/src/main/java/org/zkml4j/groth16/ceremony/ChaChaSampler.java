package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.field.PrimeField;

/**
 * Field elements and curve points drawn from a {@link ChaCha} stream exactly as ffjavascript's
 * {@code fromRng} methods draw them, so that keys snarkjs derives from a seed (beacons, the G2
 * points of the proofs of knowledge) come out identical here.
 *
 * <p>ffjavascript's quirks, reproduced on purpose:
 * <ul>
 *   <li>a field element is four {@link ChaCha#nextLong()} words, least significant first, masked
 *       to the modulus's 254 bits and redrawn while not below the modulus; the integer v so drawn
 *       is then used <em>as the Montgomery representation</em>, so the element is v / 2^256 mod p.
 *       Our elements are stored in the same Montgomery form, so v's limbs are stored as they are;
 *   <li>a point draws x, then a sign bit, until x^3 + b is a square; y is the root whose
 *       "negativity" (greater than (p-1)/2, for Fq2 judged on c1 unless it is zero) equals the bit;
 *   <li>a G2 point is then multiplied by the twist's cofactor 2q - r to land in the order-r group.
 * </ul>
 */
final class ChaChaSampler {
  private static final PrimeField FQ = Bn254.FQ;
  private static final BigInteger HALF_Q = Bn254.Q_MODULUS.shiftRight(1);
  private static final BigInteger G2_COFACTOR = Bn254.Q_MODULUS.shiftLeft(1).subtract(Bn254.R_MODULUS);
  private static final BigInteger Q_MINUS_3_OVER_4 = Bn254.Q_MODULUS.subtract(BigInteger.valueOf(3)).shiftRight(2);
  private static final BigInteger Q_MINUS_1_OVER_2 = Bn254.Q_MODULUS.subtract(BigInteger.ONE).shiftRight(1);
  private static final long[] G1_B = FQ.element(3);

  private ChaChaSampler() {}

  /** An element of {@code field} (Fr or Fq, both of 254 bits) drawn as ffjavascript does; see the class comment. */
  static void element(ChaCha rng, PrimeField field, long[] z, int zo) {
    long[] v = new long[4];
    do {
      for (int i = 0; i < 4; i++) {
        v[i] = rng.nextLong();
      }
      v[3] &= (1L << 62) - 1; // 254 bits
    } while (!field.isCanonical(v, 0));
    System.arraycopy(v, 0, z, zo, 4);
  }

  /** A G1 point (affine, 8 longs). */
  static long[] g1(ChaCha rng) {
    long[] p = new long[8];
    long[] rhs = new long[4];
    boolean negative;
    do {
      element(rng, FQ, p, 0);
      negative = rng.nextBoolean();
      FQ.square(rhs, 0, p, 0);
      FQ.mul(rhs, 0, rhs, 0, p, 0);
      FQ.add(rhs, 0, rhs, 0, G1_B, 0);
    } while (FQ.legendre(rhs, 0) < 0);
    FQ.sqrt(p, 4, rhs, 0);
    if (isNegative(p, 4) != negative) {
      FQ.neg(p, 4, p, 4);
    }
    return p;
  }

  /** A point of G2's order-r subgroup (affine, 16 longs), the cofactor multiple of a random twist point. */
  static long[] g2(ChaCha rng) {
    Fq2 fq2 = new Fq2();
    G2 g2 = new G2();
    long[] b = g2Coefficient(fq2);
    long[] a = new long[16];
    long[] rhs = new long[8];
    boolean negative;
    do {
      element(rng, FQ, a, 0);
      element(rng, FQ, a, 4);
      negative = rng.nextBoolean();
      fq2.square(rhs, 0, a, 0);
      fq2.mul(rhs, 0, rhs, 0, a, 0);
      Fq2.add(rhs, 0, rhs, 0, b, 0);
    } while (!isSquareFq2(rhs));
    sqrtFq2(fq2, a, 8, rhs);
    boolean isNeg = FQ.isZero(a, 12) ? isNegative(a, 8) : isNegative(a, 12);
    if (isNeg != negative) {
      Fq2.neg(a, 8, a, 8);
    }
    long[] jac = new long[24];
    g2.fromAffine(jac, 0, a, 0);
    g2.scalarMul(jac, 0, jac, 0, G2_COFACTOR);
    g2.toAffine(a, 0, jac, 0);
    return a;
  }

  /** True when the plain value of the Fq element is above (q - 1) / 2. */
  private static boolean isNegative(long[] x, int xo) {
    return FQ.toBigInteger(x, xo).compareTo(HALF_Q) > 0;
  }

  /** Squares of Fq2 are the elements whose norm c0^2 + c1^2 is a square of Fq (zero included). */
  private static boolean isSquareFq2(long[] a) {
    long[] n = new long[8];
    FQ.square(n, 0, a, 0);
    FQ.square(n, 4, a, 4);
    FQ.add(n, 0, n, 0, n, 4);
    return FQ.legendre(n, 0) >= 0;
  }

  /**
   * A square root of the square a, by algorithm 9 of Adj and Rodriguez-Henriquez, "Square root
   * computation over even extension fields" (eprint 2012/685), for q = 3 mod 4. Which of the two
   * roots it returns does not matter: the caller fixes the sign.
   */
  private static void sqrtFq2(Fq2 fq2, long[] z, int zo, long[] a) {
    long[] a1 = new long[8];
    long[] alpha = new long[8];
    long[] x0 = new long[8];
    fq2.pow(a1, 0, a, 0, Q_MINUS_3_OVER_4);
    fq2.square(alpha, 0, a1, 0);
    fq2.mul(alpha, 0, alpha, 0, a, 0);
    fq2.mul(x0, 0, a1, 0, a, 0);
    long[] minusOne = new long[8];
    Fq2.setOne(minusOne, 0);
    Fq2.neg(minusOne, 0, minusOne, 0);
    if (Fq2.equal(alpha, 0, minusOne, 0)) { // x = u * x0
      long[] u = new long[8];
      FQ.setOne(u, 4);
      fq2.mul(z, zo, u, 0, x0, 0);
      return;
    }
    long[] b = new long[8];
    Fq2.setOne(b, 0);
    Fq2.add(b, 0, b, 0, alpha, 0);
    fq2.pow(b, 0, b, 0, Q_MINUS_1_OVER_2);
    fq2.mul(z, zo, b, 0, x0, 0);
  }

  private static long[] g2Coefficient(Fq2 fq2) {
    long[] xi = Fq2.element(BigInteger.valueOf(9), BigInteger.ONE);
    long[] b = new long[8];
    fq2.inverse(b, 0, xi, 0);
    fq2.mul(b, 0, b, 0, Fq2.element(BigInteger.valueOf(3), BigInteger.ZERO), 0);
    return b;
  }
}
