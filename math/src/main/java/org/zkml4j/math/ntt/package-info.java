/**
 * Number-theoretic transforms over BN254 Fr: {@link org.zkml4j.math.ntt.EvaluationDomain} moves a
 * polynomial between its coefficients and its values on a subgroup of 2^k roots of unity, or on a
 * coset of it, with snarkjs's choice of roots so that a Groth16 prover can reproduce snarkjs's h.
 *
 * <p>The transforms are iterative radix-2 (Cooley-Tukey decimation in time, Gentleman-Sande
 * decimation in frequency) run on {@link org.zkml4j.math.field.LaneField}, eight butterflies per
 * vector kernel call, in two cache-sized phases of the six-step kind: eight rows at a time, one
 * per lane, then strips of eight columns, one per lane. Conversions to and from lane form, the
 * bit-reversal permutation and scaling by powers are fused into the phases' reads and writes.
 * Moving values from the subgroup to a coset pairs a decimation-in-frequency inverse with a
 * decimation-in-time forward transform, so the bit-reversal permutation cancels and is skipped.
 */
package org.zkml4j.math.ntt;
