/**
 * Groth16 over BN254 (J. Groth, "On the Size of Pairing-based Non-interactive Arguments",
 * EUROCRYPT 2016), interchangeable with snarkjs 0.7: the key and proof types
 * ({@link org.zkml4j.groth16.ProvingKey}, {@link org.zkml4j.groth16.VerifyingKey},
 * {@link org.zkml4j.groth16.Proof}) and the prover and verifier ({@link org.zkml4j.groth16.Groth16}).
 *
 * <p>A proving key holds what a snarkjs {@code .zkey} holds, so keys made by snarkjs's ceremony
 * prove here and keys made here prove in snarkjs; the prover computes the quotient polynomial's
 * scalars exactly as snarkjs does, because the key's H points are tied to that computation.
 * Points are affine in the project layout (G1: 8 longs, G2: 16 longs, Montgomery form, all zeros
 * for infinity). The file formats are in {@code org.zkml4j.groth16.format}.
 */
package org.zkml4j.groth16;
