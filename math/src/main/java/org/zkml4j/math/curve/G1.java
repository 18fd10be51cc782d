package org.zkml4j.math.curve;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * BN254's G1: the curve y^2 = x^3 + 3 over Fq, of prime order r, generator (1, 2). Points are
 * affine (8 longs: x, y) or Jacobian (12 longs: X, Y, Z), coordinates in Montgomery form; see
 * {@link CurveGroup} for the operations. An instance holds scratch space: use one per thread.
 */
public final class G1 extends CurveGroup {
  /** Bytes of the EVM encoding: x then y, 32 bytes each, big-endian. */
  public static final int ENCODED_BYTES = 64;

  private static final PrimeField FQ = Bn254.FQ;
  private static final long[] B = FQ.element(3);
  private static final long[] GENERATOR = generatorPoint();

  public G1() {
    super(FqCoordinates.INSTANCE, B);
  }

  private static long[] generatorPoint() {
    long[] g = new long[8];
    FQ.fromLong(g, 0, 1);
    FQ.fromLong(g, 4, 2);
    return g;
  }

  @Override
  public long[] generator() {
    return GENERATOR.clone();
  }

  /** The curve's order is the prime r (cofactor 1), so every point on it is in the group. */
  @Override
  public boolean isInSubgroup(long[] a, int ao) {
    return isOnCurve(a, ao);
  }

  /** 64 bytes: x then y, big-endian, as the ecAdd/ecMul precompiles (EIP-196) take them. */
  @Override
  public byte[] encode(long[] a, int ao) {
    byte[] out = new byte[ENCODED_BYTES];
    System.arraycopy(FQ.toBytesBigEndian(a, ao), 0, out, 0, 32);
    System.arraycopy(FQ.toBytesBigEndian(a, ao + 4), 0, out, 32, 32);
    return out;
  }

  @Override
  public long[] decode(byte[] in, int off) {
    long[] a = new long[8];
    FQ.fromBytesBigEndian(a, 0, in, off);
    FQ.fromBytesBigEndian(a, 4, in, off + 32);
    if (!isOnCurve(a, 0)) {
      throw new IllegalArgumentException("(" + FQ.toBigInteger(a, 0) + ", " + FQ.toBigInteger(a, 4)
          + ") is not on the curve y^2 = x^3 + 3 (G1)");
    }
    return a;
  }
}
