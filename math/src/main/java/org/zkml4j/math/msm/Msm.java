package org.zkml4j.math.msm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    return run(true, bases, scalars, n, form, par, checked(arithmetic));
  }

  /** G1 MSM on the given executor, with the bucket arithmetic chosen as described above. */
  public static long[] g1(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par) {
    return run(true, bases, scalars, n, form, par, null);
  }

  /** G1 MSM with scalars in Montgomery form, on the shared executor. */
  public static long[] g1(long[] bases, long[] scalars, int n) {
    return g1(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared());
  }

  /** G2 MSM on the given executor, with the given bucket arithmetic. */
  public static long[] g2(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par,
      BucketArithmetic arithmetic) {
    return run(false, bases, scalars, n, form, par, checked(arithmetic));
  }

  /** G2 MSM on the given executor, with the bucket arithmetic chosen as described above. */
  public static long[] g2(long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par) {
    return run(false, bases, scalars, n, form, par, null);
  }

  /** G2 MSM with scalars in Montgomery form, on the shared executor. */
  public static long[] g2(long[] bases, long[] scalars, int n) {
    return g2(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared());
  }

  /**
   * One MSM of {@link #all}: n scalars in the given form and n affine bases of G1 or G2, under
   * the same rules as the single MSMs ({@link #g1(long[], long[], int, ScalarForm, Parallelism)}).
   */
  public record Input(boolean inG2, long[] bases, long[] scalars, int n, ScalarForm form) {
    /** Checks that the arrays and the form are given. */
    public Input {
      if (bases == null || scalars == null || form == null) {
        throw new NullPointerException("an MSM input needs bases, scalars and their form");
      }
    }

    /** A G1 MSM. */
    public static Input g1(long[] bases, long[] scalars, int n, ScalarForm form) {
      return new Input(false, bases, scalars, n, form);
    }

    /** A G2 MSM. */
    public static Input g2(long[] bases, long[] scalars, int n, ScalarForm form) {
      return new Input(true, bases, scalars, n, form);
    }
  }

  /**
   * Several MSMs computed as one job: the same points as one by one, in the order given, but
   * their window sums form one list of tasks for the executor's threads, so that no thread idles
   * at the tail of one MSM while another MSM waits (a Groth16 proof has five, with 20 or so window
   * sums each). Scalars and bases are classified and converted first, MSM by MSM.
   *
   * @param arithmetic the bucket arithmetic of all the MSMs, or null for the automatic choice
   *     described above, made per MSM
   * @throws IllegalArgumentException as the single MSMs do, for the first input at fault
   * @throws IllegalStateException if the arithmetic needs the Vector API and the JVM lacks it
   */
  public static List<long[]> all(List<Input> msms, Parallelism par, BucketArithmetic arithmetic) {
    if (arithmetic != null) {
      checked(arithmetic);
    }
    Map<String, Supplier<WindowSum>> suppliers = new HashMap<>();
    List<Pippenger.Job> jobs = new ArrayList<>();
    for (Input msm : msms) {
      boolean g1 = !msm.inG2();
      double addCost = g1 ? G1_ADD : G2_ADD;
      Pippenger pippenger = new Pippenger(g1 ? new G1() : new G2(), addCost, g1 ? G1_REDUCE : G2_REDUCE);
      Pippenger.Schedule schedule = pippenger.schedule(msm.scalars(), msm.n(), msm.form(), msm.bases(), par);
      BucketArithmetic chosen = arithmetic != null ? arithmetic
          : automatic((long) (schedule.bucketAdditions() * addCost / G1_ADD));
      Supplier<WindowSum> windowSums = suppliers.computeIfAbsent(chosen + (g1 ? " G1" : " G2"),
          key -> windowSums(g1, chosen));
      BaseForm baseForm = chosen == BucketArithmetic.LANES ? LaneAffineBatch.baseForm(g1 ? 1 : 2) : BaseForm.AS_IS;
      jobs.add(pippenger.job(schedule, msm.bases(), baseForm, windowSums, par));
    }
    Pippenger.runAll(jobs, par);
    List<long[]> results = new ArrayList<>(jobs.size());
    for (Pippenger.Job job : jobs) {
      results.add(job.result());
    }
    return results;
  }

  /** An MSM in one group with the given arithmetic, or the automatic choice for null. */
  private static long[] run(boolean g1, long[] bases, long[] scalars, int n, ScalarForm form, Parallelism par,
      BucketArithmetic arithmetic) {
    Input input = g1 ? Input.g1(bases, scalars, n, form) : Input.g2(bases, scalars, n, form);
    return all(List.of(input), par, arithmetic).get(0);
  }

  /** Makes a window-sum worker, with its own group instance and batch, per call. */
  private static Supplier<WindowSum> windowSums(boolean g1, BucketArithmetic arithmetic) {
    return switch (arithmetic) {
      case LANES -> () -> new BatchAffineWindowSum(g1 ? new G1() : new G2(),
          g1 ? LaneAffineBatch.g1() : LaneAffineBatch.g2());
      case SCALAR -> () -> {
        CurveGroup worker = g1 ? new G1() : new G2();
        return new BatchAffineWindowSum(worker, new ScalarAffineBatch(worker));
      };
    };
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
