/**
 * Multi-scalar multiplication over BN254's G1 and G2 ({@link org.zkml4j.math.msm.Msm}): Pippenger's
 * bucket method with signed windows sized per call, scalars sorted by size so that the zeros, ones
 * and small values of ML witnesses cost little (and dropped where their base is at infinity, as
 * many of a proving key's are), and buckets summed with batched affine additions (Montgomery's
 * simultaneous inversion) in both groups, all on the shared executor; several MSMs can run as one
 * job ({@link org.zkml4j.math.msm.Msm#all}).
 *
 * <p>The batched additions run eight at a time in vector lanes ({@code LaneAffineBatch} over
 * {@link org.zkml4j.math.curve.LaneCoordinates}, points kept in lane form for the whole MSM) or in
 * scalar arithmetic ({@code ScalarAffineBatch}); {@link org.zkml4j.math.msm.BucketArithmetic}
 * chooses, and one scheduler ({@code BatchAffineWindowSum}) serves both.
 */
package org.zkml4j.math.msm;
