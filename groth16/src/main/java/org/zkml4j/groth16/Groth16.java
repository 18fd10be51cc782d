package org.zkml4j.groth16;

import java.math.BigInteger;
import java.util.List;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Groth16 proving and verification over BN254, interchangeable with snarkjs: proofs made here
 * verify in snarkjs (and its Solidity verifier) with the same key, and proofs made by snarkjs
 * verify here. Keys come from snarkjs's .zkey files ({@code org.zkml4j.groth16.format}) or from
 * zkml4j's own setup.
 *
 * <p>Both operations are thread-safe; the bulk work (QAP evaluation, FFTs, MSMs) runs on the
 * given executor, or on {@link Parallelism#shared()}.
 */
public final class Groth16 {
  private Groth16() {}

  /**
   * Verifies a proof of the given public signals (outputs, then public inputs, as in
   * public.json).
   *
   * @return valid, or the reason it is not: a wrong number of signals, a signal not in [0, r), a
   *     point off its curve or outside G2, or a failed pairing check
   */
  public static VerificationResult verify(VerifyingKey vk, List<BigInteger> publicSignals, Proof proof) {
    return verify(vk, publicSignals, proof, Parallelism.shared());
  }

  public static VerificationResult verify(VerifyingKey vk, List<BigInteger> publicSignals, Proof proof,
      Parallelism parallelism) {
    return Verifier.verify(vk, publicSignals, proof, parallelism);
  }
}
