/**
 * Number-theoretic transforms over BN254 Fr: {@link org.zkml4j.math.ntt.EvaluationDomain} moves a
 * polynomial between its coefficients and its values on a subgroup of 2^k roots of unity, or on a
 * coset of it, with snarkjs's choice of roots so that a Groth16 prover can reproduce snarkjs's h.
 *
 * <p>The transforms are iterative radix-2 (Cooley-Tukey decimation in time, Gentleman-Sande
 * decimation in frequency) over flat Montgomery-form vectors. The lower layers run block by block
 * so that each block stays in cache; the upper layers run as parallel passes over the vector.
 * Moving values from the subgroup to a coset pairs a decimation-in-frequency inverse with a
 * decimation-in-time forward transform, so the bit-reversal permutation cancels and is skipped.
 */
package org.zkml4j.math.ntt;
