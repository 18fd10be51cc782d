package org.zkml4j.groth16;

/**
 * The verifier's answer: valid, or invalid with the reason, so that a caller can tell a malformed
 * submission (wrong number of signals, a signal out of range, points off the curve) from a
 * well-formed proof that does not check.
 *
 * @param reason {@link Reason#VALID} or why not
 * @param message the reason in words, naming the signal or point at fault
 */
public record VerificationResult(Reason reason, String message) {
  /** Why a proof was accepted or rejected. */
  public enum Reason {
    VALID,
    /** The number of public signals differs from the key's nPublic. */
    WRONG_PUBLIC_SIGNAL_COUNT,
    /** A public signal is negative or not below r (it would alias another value mod r). */
    PUBLIC_SIGNAL_OUT_OF_RANGE,
    /** A or C is not on G1, or B not on the twist. */
    POINT_NOT_ON_CURVE,
    /** B is on the twist but outside the order-r subgroup G2. */
    POINT_NOT_IN_SUBGROUP,
    /** The points are well-formed but e(A, B) != e(alpha, beta) e(IC(x), gamma) e(C, delta). */
    PAIRING_CHECK_FAILED
  }

  static final VerificationResult VALID = new VerificationResult(Reason.VALID, "valid");

  public boolean isValid() {
    return reason == Reason.VALID;
  }
}
