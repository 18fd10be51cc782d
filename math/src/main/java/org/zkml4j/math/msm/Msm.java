package org.zkml4j.math.msm;

import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Multi-scalar multiplication: the sum of s_i * P_i over n affine points of G1 or G2, the bulk of
 * a Groth16 prover's work.
 *
 * <p>Inputs: {@code bases} holds n affine points in the flat layout of {@link G1} (8 longs each)
 * or {@link G2} (16 longs each), which must be on the curve (all zeros for infinity; they are not
 * checked here, as they usually come from a checked proving key). {@code scalars} holds n Fr
 * values of 4 longs each, in the given {@link ScalarForm}, each below r (checked). The arrays may
 * be longer than needed. The result is a new affine point.
 *
 * <p>Method: Pippenger's buckets with signed-digit windows whose width is chosen per call from
 * the number of scalars and their sizes; scalars are first sorted by size so that 0 costs
 * nothing, 1 costs one addition, and small values get narrow windows (ML witnesses are mostly
 * bits and small integers). Buckets are filled with batched affine additions (one inversion per
 * batch of independent additions), by default in vector lanes ({@link BucketArithmetic#fastest()}),
 * where a G1 MSM of 2^20 random scalars takes about 4 s of CPU time against 12 s in scalar
 * arithmetic (Zen 4, 2 threads, after JIT warm-up). Work runs on the given executor.
 *
 * @see BucketArithmetic for the JVM flags the lanes need and the first call's warm-up
 */
public final class Msm {
  /**
   * Relative costs (in scalar Fq multiplications) of a bucket addition and of reducing one bucket.
   * Only their ratio steers the window width; in lanes, where a point's sorting copy weighs more
   * against its cheaper addition, the ratio comes out close enough to pick the same windows.
   */
  private static final double G1_ADD = 7, G1_REDUCE = 15, G2_ADD = 17, G2_REDUCE = 36;

  private Msm() {}

  /** G1 MSM on the given executor, with the given bucket arithmetic. */
  public static long[] g1(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par,
      BucketArithmetic arithmetic) {
    Pippenger pippenger = switch (checked(arithmetic)) {
      case LANES -> new Pippenger(new G1(), LaneAffineBatch.baseForm(1),
          () -> new BatchAffineWindowSum(new G1(), LaneAffineBatch.g1()), G1_ADD, G1_REDUCE);
      case SCALAR -> new Pippenger(new G1(), BaseForm.AS_IS,
          () -> {
            G1 g = new G1();
            return new BatchAffineWindowSum(g, new ScalarAffineBatch(g));
          }, G1_ADD, G1_REDUCE);
    };
    return pippenger.run(bases, scalars, n, form, par);
  }

  /** G1 MSM on the given executor, with the fastest bucket arithmetic this JVM offers. */
  public static long[] g1(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par) {
    return g1(bases, scalars, n, form, par, BucketArithmetic.fastest());
  }

  /** G1 MSM with scalars in Montgomery form, on the shared executor. */
  public static long[] g1(long[] bases, long[] scalars, int n) {
    return g1(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared());
  }

  /** G2 MSM on the given executor, with the given bucket arithmetic. */
  public static long[] g2(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par,
      BucketArithmetic arithmetic) {
    Pippenger pippenger = switch (checked(arithmetic)) {
      case LANES -> new Pippenger(new G2(), LaneAffineBatch.baseForm(2),
          () -> new BatchAffineWindowSum(new G2(), LaneAffineBatch.g2()), G2_ADD, G2_REDUCE);
      case SCALAR -> new Pippenger(new G2(), BaseForm.AS_IS,
          () -> {
            G2 g = new G2();
            return new BatchAffineWindowSum(g, new ScalarAffineBatch(g));
          }, G2_ADD, G2_REDUCE);
    };
    return pippenger.run(bases, scalars, n, form, par);
  }

  /** G2 MSM on the given executor, with the fastest bucket arithmetic this JVM offers. */
  public static long[] g2(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par) {
    return g2(bases, scalars, n, form, par, BucketArithmetic.fastest());
  }

  /** G2 MSM with scalars in Montgomery form, on the shared executor. */
  public static long[] g2(long[] bases, long[] scalars, int n) {
    return g2(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared());
  }

  private static BucketArithmetic checked(BucketArithmetic arithmetic) {
    if (!arithmetic.isAvailable()) {
      throw new IllegalStateException(
          arithmetic + " bucket arithmetic needs the Vector API: run with --add-modules jdk.incubator.vector");
    }
    return arithmetic;
  }
}
