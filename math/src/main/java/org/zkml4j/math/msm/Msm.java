package org.zkml4j.math.msm;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.zkml4j.math.curve.CurveGroup;
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
 * batch of independent additions), in vector lanes or scalar arithmetic ({@link BucketArithmetic}):
 * a G1 MSM of 2^20 random scalars takes about 4 s of CPU time in lanes against 12 s in scalar
 * arithmetic (Zen 4, 2 threads). Work runs on the given executor.
 *
 * <p>Without an explicit arithmetic, an MSM runs in lanes where the JVM offers them
 * ({@link BucketArithmetic#fastest()}), except for a JVM's first MSMs: until they add up to about
 * four million bucket additions (a G1 MSM of 2^18 random scalars has as many) they run in scalar
 * arithmetic, as the lanes' one-off JIT warm-up (about 2 s of CPU time) would cost a small first
 * MSM more than the lanes save it. The choice only affects speed: both give the same point.
 */
public final class Msm {
  /**
   * Bucket additions (in G1 terms) a JVM's MSMs must add up to before the lanes run by default:
   * about the number whose scalar cost exceeds the lanes' cost plus their JIT warm-up.
   */
  private static final long LANE_WARM_UP = 4_000_000;

  /**
   * Relative costs (in scalar Fq multiplications) of a bucket addition and of reducing one bucket.
   * Only their ratio steers the window width; in lanes, where a point's sorting copy weighs more
   * against its cheaper addition, the ratio comes out close enough to pick the same windows.
   */
  private static final double G1_ADD = 7, G1_REDUCE = 15, G2_ADD = 17, G2_REDUCE = 36;

  /** Bucket additions (in G1 terms) planned by this JVM's MSMs that chose their arithmetic. */
  private static final AtomicLong PLANNED = new AtomicLong();

  private Msm() {}

  /** G1 MSM on the given executor, with the given bucket arithmetic. */
  public static long[] g1(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par,
      BucketArithmetic arithmetic) {
    return run(new G1(), G1_ADD, G1_REDUCE, bases, scalars, n, form, par, checked(arithmetic));
  }

  /** G1 MSM on the given executor, with the bucket arithmetic chosen as described above. */
  public static long[] g1(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par) {
    return run(new G1(), G1_ADD, G1_REDUCE, bases, scalars, n, form, par, null);
  }

  /** G1 MSM with scalars in Montgomery form, on the shared executor. */
  public static long[] g1(long[] bases, long[] scalars, int n) {
    return g1(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared());
  }

  /** G2 MSM on the given executor, with the given bucket arithmetic. */
  public static long[] g2(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par,
      BucketArithmetic arithmetic) {
    return run(new G2(), G2_ADD, G2_REDUCE, bases, scalars, n, form, par, checked(arithmetic));
  }

  /** G2 MSM on the given executor, with the bucket arithmetic chosen as described above. */
  public static long[] g2(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par) {
    return run(new G2(), G2_ADD, G2_REDUCE, bases, scalars, n, form, par, null);
  }

  /** G2 MSM with scalars in Montgomery form, on the shared executor. */
  public static long[] g2(long[] bases, long[] scalars, int n) {
    return g2(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared());
  }

  /** An MSM in group g (a fresh instance) with the given arithmetic, or the automatic choice for null. */
  private static long[] run(CurveGroup g, double addCost, double reduceCost, long[] bases, long[] scalars, int n,
      ScalarForm form, Parallelism par, BucketArithmetic arithmetic) {
    Pippenger pippenger = new Pippenger(g, addCost, reduceCost);
    Pippenger.Schedule schedule = pippenger.schedule(scalars, n, form, bases, par);
    if (arithmetic == null) {
      arithmetic = automatic((long) (schedule.bucketAdditions() * addCost / G1_ADD));
    }
    boolean g1 = g instanceof G1;
    Supplier<WindowSum> windowSums = switch (arithmetic) {
      case LANES -> () -> new BatchAffineWindowSum(g1 ? new G1() : new G2(),
          g1 ? LaneAffineBatch.g1() : LaneAffineBatch.g2());
      case SCALAR -> () -> {
        CurveGroup worker = g1 ? new G1() : new G2();
        return new BatchAffineWindowSum(worker, new ScalarAffineBatch(worker));
      };
    };
    BaseForm baseForm = arithmetic == BucketArithmetic.LANES ? LaneAffineBatch.baseForm(g1 ? 1 : 2) : BaseForm.AS_IS;
    return pippenger.run(schedule, bases, baseForm, windowSums, par);
  }

  /** The arithmetic for an MSM of the given work, in G1 bucket additions, and counts the work. */
  private static BucketArithmetic automatic(long work) {
    return automatic(BucketArithmetic.fastest(), PLANNED.getAndAdd(work), work);
  }

  /**
   * Rent before buying: scalar arithmetic while the work so far, this MSM's included, is below
   * what the lanes' warm-up costs, then the best arithmetic for good. The warm-up is then paid at
   * most once, and only after work of its own size has been done.
   */
  static BucketArithmetic automatic(BucketArithmetic best, long plannedBefore, long work) {
    return best == BucketArithmetic.LANES && plannedBefore + work < LANE_WARM_UP ? BucketArithmetic.SCALAR : best;
  }

  private static BucketArithmetic checked(BucketArithmetic arithmetic) {
    if (!arithmetic.isAvailable()) {
      throw new IllegalStateException(
          arithmetic + " bucket arithmetic needs the Vector API: run with --add-modules jdk.incubator.vector");
    }
    return arithmetic;
  }
}
