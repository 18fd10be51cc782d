/**
 * Multi-scalar multiplication over BN254's G1 and G2 ({@link org.zkml4j.math.msm.Msm}): Pippenger's
 * bucket method with signed windows sized per call, scalars sorted by size so that the zeros, ones
 * and small values of ML witnesses cost little, and buckets summed with batched affine additions
 * (Montgomery's simultaneous inversion) in both groups, all on the shared executor.
 *
 * <p>The batched additions run over flat arrays of independent operations, the shape a vectorised
 * field multiplication can later take over.
 */
package org.zkml4j.math.msm;
