package org.zkml4j.math.curve;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.field.PrimeField;

/**
 * BN254's G2: the order-r subgroup of the sextic twist y^2 = x^3 + 3/(9+u) over Fq2, with the
 * generator of EIP-197. Points are affine (16 longs: x, y in Fq2) or Jacobian (24 longs), each Fq2
 * coordinate c0 then c1 in Montgomery form; see {@link CurveGroup} for the operations. Unlike G1,
 * the twist has a large cofactor, so points from outside must pass {@link #isInSubgroup}. An
 * instance holds scratch space: use one per thread.
 */
public final class G2 extends CurveGroup {
  /** Bytes of the EVM encoding: x.c1, x.c0, y.c1, y.c0, 32 bytes each, big-endian. */
  public static final int ENCODED_BYTES = 128;

  private static final PrimeField FQ = Bn254.FQ;
  /** The BN parameter u (often x or z) from which q and r are derived. */
  static final BigInteger BN_U = new BigInteger("4965661367192848881");
  /** q = r + 6u^2, so on G2 the endomorphism psi (which acts as q) acts as 6u^2. */
  static final BigInteger SIX_U_SQUARED = BN_U.multiply(BN_U).multiply(BigInteger.valueOf(6));
  private static final long[] B;
  /** psi multiplies the conjugated coordinates by xi^((q-1)/3) and xi^((q-1)/2), xi = 9 + u. */
  private static final long[] PSI_X;
  private static final long[] PSI_Y;
  private static final long[] GENERATOR = new long[16];

  static {
    Fq2 fq2 = new Fq2();
    long[] xi = Fq2.element(BigInteger.valueOf(9), BigInteger.ONE);
    B = new long[8];
    fq2.inverse(B, 0, xi, 0);
    fq2.mul(B, 0, B, 0, Fq2.element(BigInteger.valueOf(3), BigInteger.ZERO), 0);
    BigInteger qMinusOne = Bn254.Q_MODULUS.subtract(BigInteger.ONE);
    PSI_X = new long[8];
    fq2.pow(PSI_X, 0, xi, 0, qMinusOne.divide(BigInteger.valueOf(3)));
    PSI_Y = new long[8];
    fq2.pow(PSI_Y, 0, xi, 0, qMinusOne.shiftRight(1));
    Fq2.copy(GENERATOR, 0, Fq2.element(
        new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
        new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")), 0);
    Fq2.copy(GENERATOR, 8, Fq2.element(
        new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
        new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")), 0);
  }

  public G2() {
    super(new Fq2Coordinates(), B);
  }

  @Override
  public long[] generator() {
    return GENERATOR.clone();
  }

  /**
   * Membership in the order-r subgroup by the endomorphism test psi(P) == [6u^2]P, a 127-bit
   * scalar multiplication instead of the 254-bit [r]P == 0. On G2, psi acts as multiplication by
   * q = 6u^2 mod r. Conversely, the twist has order r*h with h = 2q - r the product of four
   * distinct primes, so its group is cyclic; psi - [6u^2] is an endomorphism whose kernel
   * contains G2, and it is exactly G2 because no point of order dividing h is in the kernel (the
   * test suite checks a point of each prime order dividing h; see also El Housni, Guillevic and
   * Piellard, "Co-factor clearing and subgroup membership testing on pairing-friendly curves",
   * AFRICACRYPT 2022).
   */
  @Override
  public boolean isInSubgroup(long[] a, int ao) {
    if (isInfinityAffine(a, ao)) {
      return true;
    }
    long[] p = new long[24];
    long[] image = new long[24];
    fromAffine(p, 0, a, ao);
    scalarMul(p, 0, p, 0, SIX_U_SQUARED);
    long[] psi = new long[16];
    psi(psi, 0, a, ao);
    fromAffine(image, 0, psi, 0);
    return equal(p, 0, image, 0);
  }

  /** The untwist-Frobenius-twist endomorphism psi(x, y) = (conj(x) * xi^((q-1)/3), conj(y) * xi^((q-1)/2)). */
  void psi(long[] z, int zo, long[] a, int ao) {
    Fq2.conjugate(z, zo, a, ao);
    f.mul(z, zo, z, zo, PSI_X, 0);
    Fq2.conjugate(z, zo + 8, a, ao + 8);
    f.mul(z, zo + 8, z, zo + 8, PSI_Y, 0);
  }

  /** 128 bytes: x.c1, x.c0, y.c1, y.c0 (imaginary part first), big-endian, as in EIP-197. */
  @Override
  public byte[] encode(long[] a, int ao) {
    byte[] out = new byte[ENCODED_BYTES];
    int[] order = {4, 0, 12, 8};
    for (int i = 0; i < 4; i++) {
      System.arraycopy(FQ.toBytesBigEndian(a, ao + order[i]), 0, out, 32 * i, 32);
    }
    return out;
  }

  @Override
  public long[] decode(byte[] in, int off) {
    long[] a = new long[16];
    int[] order = {4, 0, 12, 8};
    for (int i = 0; i < 4; i++) {
      FQ.fromBytesBigEndian(a, order[i], in, off + 32 * i);
    }
    if (!isOnCurve(a, 0)) {
      throw new IllegalArgumentException(describe(a) + " is not on the twist y^2 = x^3 + 3/(9+u) (G2)");
    }
    if (!isInSubgroup(a, 0)) {
      throw new IllegalArgumentException(describe(a) + " is on the twist but not in the order-r subgroup G2");
    }
    return a;
  }

  private static String describe(long[] a) {
    return "(" + Arrays.toString(Fq2.toBigIntegers(a, 0)) + ", " + Arrays.toString(Fq2.toBigIntegers(a, 8)) + ")";
  }
}
