package org.zkml4j.groth16;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;
import org.zkml4j.circuit.Witness;
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
   * Proves that the witness satisfies the key's circuit, with r and s from a new
   * {@link SecureRandom}.
   *
   * @param witness all nVars wire values in Fr Montgomery form (4 longs each), wire 0 = 1, as
   *     {@code Witness.toArray()} gives them
   * @throws IllegalArgumentException if the witness has the wrong length, a value not below r, or
   *     wire 0 is not 1. A witness that does not satisfy the constraints gives a proof that does
   *     not verify; check it with the circuit's R1CS checker first for a helpful message.
   */
  public static ProverOutput prove(ProvingKey pk, long[] witness) {
    return prove(pk, witness, new SecureRandom(), Parallelism.shared());
  }

  public static ProverOutput prove(ProvingKey pk, Witness witness) {
    return prove(pk, witness.toArray());
  }

  /**
   * Proves with the given randomness and executor.
   *
   * @param random the source of the blinding scalars r and s; must be cryptographically strong
   *     for zero knowledge (a seeded generator is for reproducible tests only)
   */
  public static ProverOutput prove(ProvingKey pk, long[] witness, RandomGenerator random, Parallelism parallelism) {
    return Prover.prove(pk, witness, random, parallelism);
  }

  /**
   * Starts, once per JVM and on a background thread, a warm-up of the vector kernels the prover's
   * NTTs and MSMs run on, so that a fresh JVM has them compiled by the time it proves; returns at
   * once, and does nothing after the first call. Worth calling as soon as a proof is in sight,
   * before reading its files: {@code ZkeyReader} calls it. A warm JVM loses nothing by it.
   */
  public static void warmUp() {
    ProverWarmUp.startOnce();
  }

  /**
   * Whether this JVM's {@link #warmUp} has seen the vector kernels run at compiled speed: until
   * then code with a scalar path (a setup's few ceremony checks) is faster on it.
   */
  public static boolean lanesCompiled() {
    return ProverWarmUp.compiled();
  }

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
