/**
 * BN254's groups G1 (over Fq) and G2 (over Fq2, on the sextic twist) as point arithmetic on flat
 * {@code long[]} arrays: affine and Jacobian coordinates, the group law with its special cases,
 * batch conversion to affine, scalar multiplication, curve and subgroup checks, and the EVM
 * precompile encodings (EIP-196, EIP-197).
 *
 * <p>One copy of the formulas ({@link org.zkml4j.math.curve.CurveGroup}) serves both groups through
 * a small view of the coordinate field ({@link org.zkml4j.math.curve.CoordinateField}).
 * {@link org.zkml4j.math.curve.LaneCoordinates} is the same field eight elements at a time in
 * vector lanes, for batched point formulas: the MSM's bucket additions and the ceremony's scalar
 * multiplications share it. Bulk sums of many points belong to {@code org.zkml4j.math.msm}.
 */
package org.zkml4j.math.curve;
