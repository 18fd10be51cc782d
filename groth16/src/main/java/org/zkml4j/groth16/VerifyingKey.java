package org.zkml4j.groth16;

import java.util.Arrays;
import org.zkml4j.math.parallel.Parallelism;

/**
 * A Groth16 verifying key over BN254: what {@code snarkjs zkey export verificationkey} writes to
 * {@code verification_key.json}, minus the derived e(alpha, beta). A proof with public signals
 * x_1..x_n is valid when e(A, B) = e(alpha1, beta2) e(IC_0 + sum x_i IC_i, gamma2) e(C, delta2).
 *
 * <p>Points are affine in the project layout (G1: 8 longs, G2: 16 longs, Montgomery form).
 * Immutable and validated: every point on its curve, the G1 header point and the G2 points finite
 * and the G2 points in the order-r subgroup. Accessors return copies.
 */
public final class VerifyingKey {
  private final int nPublic;
  private final long[] alpha1, beta2, gamma2, delta2;
  private final long[] ic;

  private VerifyingKey(int nPublic, long[] alpha1, long[] beta2, long[] gamma2, long[] delta2, long[] ic) {
    this.nPublic = nPublic;
    this.alpha1 = alpha1;
    this.beta2 = beta2;
    this.gamma2 = gamma2;
    this.delta2 = delta2;
    this.ic = ic;
  }

  /**
   * A verifying key from its points (copied).
   *
   * @param ic nPublic + 1 G1 points
   * @throws IllegalArgumentException naming the first point that is malformed, off its curve, at
   *     infinity (header points) or outside G2
   */
  public static VerifyingKey of(long[] alpha1, long[] beta2, long[] gamma2, long[] delta2, long[] ic) {
    KeyChecks.requireHeaderG1(alpha1, "vk_alpha_1");
    KeyChecks.requireHeaderG2(beta2, "vk_beta_2");
    KeyChecks.requireHeaderG2(gamma2, "vk_gamma_2");
    KeyChecks.requireHeaderG2(delta2, "vk_delta_2");
    if (ic == null || ic.length < 8 || ic.length % 8 != 0) {
      throw new IllegalArgumentException("IC must hold at least one G1 point (8 longs each)");
    }
    KeyChecks.requirePoints(ic, ic.length / 8, false, "IC", Parallelism.shared());
    return new VerifyingKey(ic.length / 8 - 1, alpha1.clone(), beta2.clone(), gamma2.clone(), delta2.clone(),
        ic.clone());
  }

  /** From a proving key's already validated points; copies only the small IC vector. */
  static VerifyingKey trusted(int nPublic, long[] alpha1, long[] beta2, long[] gamma2, long[] delta2, long[] ic) {
    return new VerifyingKey(nPublic, alpha1.clone(), beta2.clone(), gamma2.clone(), delta2.clone(), ic.clone());
  }

  /** The number of public signals a proof is checked against. */
  public int nPublic() {
    return nPublic;
  }

  public long[] alpha1() {
    return alpha1.clone();
  }

  public long[] beta2() {
    return beta2.clone();
  }

  public long[] gamma2() {
    return gamma2.clone();
  }

  public long[] delta2() {
    return delta2.clone();
  }

  /** The nPublic + 1 IC points, 8 longs each. */
  public long[] ic() {
    return ic.clone();
  }

  long[] rawAlpha1() {
    return alpha1;
  }

  long[] rawBeta2() {
    return beta2;
  }

  long[] rawGamma2() {
    return gamma2;
  }

  long[] rawDelta2() {
    return delta2;
  }

  long[] rawIc() {
    return ic;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifyingKey k && k.nPublic == nPublic && Arrays.equals(k.alpha1, alpha1)
        && Arrays.equals(k.beta2, beta2) && Arrays.equals(k.gamma2, gamma2) && Arrays.equals(k.delta2, delta2)
        && Arrays.equals(k.ic, ic);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(alpha1) * 31 + Arrays.hashCode(ic);
  }

  @Override
  public String toString() {
    return "VerifyingKey[nPublic=" + nPublic + "]";
  }
}
