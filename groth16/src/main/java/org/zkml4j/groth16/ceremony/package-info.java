/**
 * The Groth16 trusted setup as a two-phase ceremony, compatible with snarkjs 0.7's
 * {@code powersoftau} and {@code zkey} commands (the "multi-party computation" of Bowe, Gabizon
 * and Miers, "Scalable Multi-party Computation for zk-SNARK Parameters in the Random Beacon
 * Model", eprint 2017/1050, as snarkjs implements it).
 *
 * <ul>
 *   <li>{@link org.zkml4j.groth16.ceremony.PowersOfTau}: the universal phase. An
 *       {@link org.zkml4j.groth16.ceremony.Accumulator} of powers of a secret tau (and alpha, beta)
 *       in G1 and G2, extended by contributions and a final beacon, each recorded as a
 *       {@link org.zkml4j.groth16.ceremony.PtauContribution} with a proof of knowledge and a
 *       BLAKE2b hash chain; then prepared for phase 2 by computing its
 *       {@link org.zkml4j.groth16.ceremony.LagrangeBases} with an inverse FFT over curve points.
 *   <li>{@link org.zkml4j.groth16.ceremony.Phase2}: the circuit-specific phase. Setup of a proving
 *       key from an R1CS and a prepared accumulator (byte for byte snarkjs's {@code groth16 setup}),
 *       contributions to delta, and verification against the circuit and the accumulator.
 *   <li>Both verifications return a {@link org.zkml4j.groth16.ceremony.VerificationReport}; long
 *       steps report to a {@link org.zkml4j.groth16.ceremony.Progress}.
 * </ul>
 *
 * <p>Everything snarkjs derives from randomness is reproduced exactly (ffjavascript's ChaCha and
 * its {@code fromRng} sampling, snarkjs's hash-to-G2, beacons by iterated SHA-256), so beacons and
 * proofs of knowledge verify across the two implementations. The bulk work (multiplying every
 * point of a section by a scalar, the group FFT) runs as eight-lane batches of scalar
 * multiplications on the Vector API ({@code org.zkml4j.math.field.LaneField}), split across the
 * shared executor, with endomorphism-split scalars (Gallant-Lambert-Vanstone on G1, the psi map on
 * G2) and batched inversions. Circuit setup's per-signal sums, whose coefficients are mostly short
 * integers (1, -1, quantized weights), are evaluated many at once by Horner's rule over the
 * coefficients' non-adjacent forms, in affine lanes with shared inversions.
 */
package org.zkml4j.groth16.ceremony;
