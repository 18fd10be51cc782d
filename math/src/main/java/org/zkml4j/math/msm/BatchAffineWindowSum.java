package org.zkml4j.math.msm;

import java.util.Arrays;
import org.zkml4j.math.curve.CurveGroup;

/**
 * Window sums whose bucket additions are batched affine additions ({@link AffineBatch}), so that
 * one field inversion serves thousands of them: in G1 about 6 field multiplications per addition
 * instead of the 11 of a mixed Jacobian addition, in G2 about 15 Fq multiplications instead of 29.
 *
 * <p>Windows of many buckets ({@link #DIRECT_FROM} on) add each point straight into its bucket's
 * accumulator ({@link #accumulate}), sorting only the few points that find their bucket busy;
 * on a Poseidon-chain proof's H query (2^17 random scalars) that took about 15% less CPU time
 * than sorting every point. Otherwise the points of the window are first sorted by bucket (a
 * counting sort that copies each point, negated when its digit is, into a flat work array), so
 * that every bucket is a contiguous segment. Each segment is then summed as a binary tree, level by level across all segments at
 * once: at level k the point at slot i (a multiple of 2^(k+1)) absorbs the one at i + 2^k. All
 * additions of a level are independent, so no bucket is ever waited on, whatever the digit
 * distribution: a window where all points share one bucket (all scalars 1, say) costs exactly one
 * batched addition per point. The batch sorts out the special cases: equal points (duplicate
 * bases) double, opposite points give the point at infinity, which later additions pass through.
 *
 * <p>The bucket sums are then combined by {@link #splitSum}, itself mostly batched affine sums;
 * only the final running sums leave the batch's representation, in the group's Jacobian form.
 */
final class BatchAffineWindowSum implements WindowSum {
  /** From this many buckets on, splitting them into rows and columns beats the plain running sum. */
  private static final int SPLIT_FROM = 64;
  /**
   * From this many buckets on, points are added straight into per-bucket accumulators
   * ({@link #accumulate}); below, batches of a quarter of the buckets would be too small to
   * share an inversion well, and the points are sorted into segments.
   */
  static final int DIRECT_FROM = 1024;
  /** Largest batch the accumulation queues before flushing: the batches' capacity. */
  private static final int BATCH = LaneAffineBatch.BATCH;

  private final CurveGroup g;
  private final AffineBatch batch;
  private final int directFrom;
  /** The points the bucket reduction reads: the work array or the accumulators. */
  private long[] bucketSums;
  private long[] accumulators = new long[0];
  private int accumulatorCount;
  /** Per bucket, the batch generation it was last queued in. */
  private int[] queuedIn = new int[0];
  private long[] waiting = new long[0], retrying = new long[0], left = new long[0];
  private int waitingCount, leftCount, queued, generation, batchSize;
  /** The bases of the window being accumulated. */
  private long[] bases;
  private int[] digits = new int[0];
  private long[] work = new long[0];
  private int workSize;
  private int[] counts = new int[0], starts = new int[0], fillPointers = new int[0];
  private int[] groupCounts = new int[0], groupStarts = new int[0];
  private long[] groups = new long[0];
  private int groupsSize;
  private final long[] affine, running, total, rowSum;

  /** A worker for the group g whose points batch holds; both are confined to the worker's thread. */
  BatchAffineWindowSum(CurveGroup g, AffineBatch batch) {
    this(g, batch, DIRECT_FROM);
  }

  /** As above, accumulating straight into buckets from {@code directFrom} buckets on (tests use small values). */
  BatchAffineWindowSum(CurveGroup g, AffineBatch batch, int directFrom) {
    this.g = g;
    this.batch = batch;
    this.directFrom = directFrom;
    this.affine = new long[g.affineSize()];
    this.running = new long[g.jacobianSize()];
    this.total = new long[g.jacobianSize()];
    this.rowSum = new long[g.jacobianSize()];
  }

  @Override
  public void sum(long[] bases, long[] scalars, int[] members, int from, int to, WindowPlan plan, int w,
      long[] out, int oo) {
    int top = countDigits(scalars, members, from, to, plan, w);
    if (top >= directFrom) {
      accumulate(bases, members, from, to, top);
    } else {
      sortByBucket(bases, members, from, to, top);
      sumSegments(work, starts, counts, top);
      bucketSums = work;
    }
    if (top < SPLIT_FROM) {
      runningSum(bucketSums, starts, counts, 0, top, total);
    } else {
      splitSum(top, total);
    }
    System.arraycopy(total, 0, out, oo, total.length);
  }

  /**
   * Sums the points with non-zero digits into one accumulator per bucket, adding each base
   * straight into its bucket ({@link AffineBatch#addBase}), and leaves bucket b's sum as the
   * one-point segment [starts[b], starts[b] + counts[b]) of {@code accumulators}.
   *
   * <p>A bucket may take only one addition per batch, as the batch reads it when queued and
   * writes it when flushed; a point whose bucket is already queued waits in a list that is
   * retried once after the batch is flushed every {@link #batchFor} additions. Points that have
   * waited twice (buckets hit far more often than the others) are sorted into segments behind
   * their buckets' accumulators and summed as trees ({@link #sumSegments}), so that no digit
   * distribution costs more than the sorting method. With random digits almost all points go
   * straight into their buckets: no sorting copy, and the buckets stay in the cache.
   */
  private void accumulate(long[] bases, int[] members, int from, int to, int top) {
    if (accumulatorCount < top) {
      accumulatorCount = top;
      accumulators = batch.newPoints(top);
      queuedIn = new int[top];
    }
    if (waiting.length < to - from) {
      waiting = new long[to - from];
      retrying = new long[to - from];
    }
    Arrays.fill(counts, 0, top, 0); // from here on: 1 once a bucket's accumulator holds a point
    Arrays.fill(queuedIn, 0, top, -1);
    batchSize = batchFor(top);
    generation = 0;
    queued = 0;
    waitingCount = 0;
    leftCount = 0;
    this.bases = bases;
    for (int j = from; j < to; j++) {
      int d = digits[j - from];
      if (d != 0) {
        int e = members[j], i = e >= 0 ? e : ~e;
        place(Math.abs(d) - 1, d > 0 ? i : ~i, true);
      }
    }
    flushAndRetry();
    batch.flush();
    if (leftCount > 0) {
      sortBehindAccumulators(top);
    } else {
      for (int b = 0; b < top; b++) {
        starts[b] = b;
      }
      bucketSums = accumulators;
    }
    this.bases = null;
  }

  /**
   * Adds base entry into bucket b's accumulator, or when that bucket is queued in the current
   * batch, makes the point wait: on its first try in the waiting list, on its retry in the list
   * left for sorting. The entries of the lists are bucket and base entry, packed into one long.
   */
  private void place(int b, int entry, boolean firstTry) {
    if (counts[b] == 0) {
      batch.load(accumulators, b, bases, entry);
      counts[b] = 1;
    } else if (queuedIn[b] == generation) {
      long packed = (long) b << 32 | (entry & 0xFFFFFFFFL);
      if (firstTry) {
        waiting[waitingCount++] = packed;
      } else {
        if (left.length == leftCount) {
          left = Arrays.copyOf(left, Math.max(16, 2 * leftCount));
        }
        left[leftCount++] = packed;
      }
    } else {
      queuedIn[b] = generation;
      batch.addBase(accumulators, b, bases, entry);
      if (++queued == batchSize) {
        flushAndRetry();
      }
    }
  }

  /** Flushes the batch and retries the points that waited for it. */
  private void flushAndRetry() {
    batch.flush();
    generation++;
    queued = 0;
    int n = waitingCount;
    long[] retry = retrying;
    System.arraycopy(waiting, 0, retry, 0, n);
    waitingCount = 0;
    for (int k = 0; k < n; k++) {
      long packed = retry[k];
      place((int) (packed >>> 32), (int) packed, false);
    }
  }

  /**
   * Additions per batch for top buckets: with q additions queued, a random point finds its bucket
   * queued with probability q / top, so batches are kept to a quarter of the buckets (about one
   * point in eight waits), within the batch's capacity.
   */
  static int batchFor(int top) {
    return Math.max(1, Math.min(BATCH, top / 4));
  }

  /**
   * Lays out, bucket by bucket, each bucket's accumulator followed by the points left for it, in
   * the work array, and sums the segments; starts and counts then describe the work array.
   */
  private void sortBehindAccumulators(int top) {
    int total = leftCount;
    for (int b = 0; b < top; b++) {
      total += counts[b];
    }
    for (int k = 0; k < leftCount; k++) {
      counts[(int) (left[k] >>> 32)]++; // a point waits only for a bucket that holds one already
    }
    if (workSize < total) {
      workSize = total;
      work = batch.newPoints(workSize);
    }
    int[] fill = layOut(counts, starts, top);
    for (int b = 0; b < top; b++) {
      if (counts[b] > 0) {
        batch.copy(work, fill[b]++, accumulators, b);
      }
    }
    for (int k = 0; k < leftCount; k++) {
      long packed = left[k];
      batch.load(work, fill[(int) (packed >>> 32)]++, bases, (int) packed);
    }
    sumSegments(work, starts, counts, top);
    bucketSums = work;
  }

  /**
   * Computes the signed digits of members [from, to) into digits (negated for negated members)
   * and how many land in each bucket into counts; returns one past the highest bucket used.
   */
  private int countDigits(long[] scalars, int[] members, int from, int to, WindowPlan plan, int w) {
    int m = to - from, nb = plan.buckets();
    if (digits.length < m) {
      digits = new int[m];
    }
    if (counts.length < nb) {
      counts = new int[nb];
      starts = new int[nb];
    }
    Arrays.fill(counts, 0, nb, 0);
    int top = 0;
    for (int j = from; j < to; j++) {
      int e = members[j];
      int d = plan.digit(scalars, e >= 0 ? e : ~e, w);
      d = e >= 0 ? d : -d;
      digits[j - from] = d;
      if (d != 0) {
        int b = Math.abs(d) - 1;
        counts[b]++;
        top = Math.max(top, b + 1);
      }
    }
    return top;
  }

  /**
   * Copies the points with non-zero digits into the work array, bucket by bucket (bucket b's
   * segment starts at starts[b]), negated where their digits are negative. The bases are read in
   * order and the writes scatter: on the test machine scattered writes of whole points cost about
   * 30 ns each against 70 for scattered reads, as many writes are in flight at once; reading the
   * bases in bucket order, or pairing points up on the fly in a per-bucket slot, measured slower.
   */
  private void sortByBucket(long[] bases, int[] members, int from, int to, int top) {
    if (workSize < to - from) {
      workSize = to - from;
      work = batch.newPoints(workSize);
    }
    int[] fill = layOut(counts, starts, top);
    for (int j = from; j < to; j++) {
      int d = digits[j - from];
      if (d != 0) {
        int e = members[j], i = e >= 0 ? e : ~e;
        batch.load(work, fill[Math.abs(d) - 1]++, bases, d > 0 ? i : ~i);
      }
    }
  }

  /**
   * Sets starts to the prefix sums of counts[0..segments) and returns a copy of them (the fill
   * pointers of a counting sort).
   */
  private int[] layOut(int[] counts, int[] starts, int segments) {
    if (fillPointers.length < segments) {
      fillPointers = new int[segments];
    }
    for (int b = 0, pos = 0; b < segments; b++) {
      starts[b] = pos;
      fillPointers[b] = pos;
      pos += counts[b];
    }
    return fillPointers;
  }

  /**
   * Sums each segment [starts[b], starts[b] + counts[b]) of pts into its first point, as binary
   * trees advanced one level at a time across all segments.
   */
  private void sumSegments(long[] pts, int[] starts, int[] counts, int segments) {
    int longest = 0;
    for (int b = 0; b < segments; b++) {
      longest = Math.max(longest, counts[b]);
    }
    for (int step = 1; step < longest; step <<= 1) {
      for (int b = 0; b < segments; b++) {
        int len = counts[b], st = starts[b];
        for (int k = 0; k + step < len; k += 2 * step) {
          batch.add(pts, st + k, st + k + step);
        }
      }
      batch.flush(); // a level must be complete before the next reads its results
    }
  }

  /**
   * out = sum over i in [0, segments) of (i + 1) * S_(from+i), for the segment sums S_b (first in
   * segment b, absent when counts[b] is 0), as a running sum from the top: one mixed and one
   * Jacobian addition per segment.
   */
  private void runningSum(long[] pts, int[] starts, int[] counts, int from, int segments, long[] out) {
    g.setInfinity(running, 0);
    g.setInfinity(out, 0);
    for (int b = from + segments - 1; b >= from; b--) {
      if (counts[b] > 0) {
        batch.toAffine(affine, 0, pts, starts[b]);
        g.addMixed(running, 0, running, 0, affine, 0);
      }
      g.add(out, 0, out, 0, running, 0);
    }
  }

  /**
   * out = sum of j * B_j over the bucket sums B_j, j = b + 1 in [1, top], with j split as
   * h * L + l (L a power of two near sqrt(top)): the sum is L * sum_h h * R_h + sum_l l * C_l for
   * the row sums R_h = sum_l B_(hL+l) and column sums C_l = sum_h B_(hL+l). Every bucket joins one
   * row and one column, and those sums are batched affine trees (two batched additions per
   * bucket, against a mixed and a Jacobian addition for the running sum over all buckets: in G1
   * about 14 multiplications against 27), leaving running sums over about 2 sqrt(top) rows and
   * columns.
   */
  private void splitSum(int top, long[] out) {
    int k = (32 - Integer.numberOfLeadingZeros(top)) / 2, lanes = 1 << k, rows = (top >> k) + 1;
    int segments = rows + lanes, filled = 0;
    if (groupCounts.length < segments) {
      groupCounts = new int[segments];
      groupStarts = new int[segments];
    }
    Arrays.fill(groupCounts, 0, segments, 0);
    for (int b = 0; b < top; b++) {
      if (counts[b] > 0) {
        groupCounts[(b + 1) >> k]++;
        groupCounts[rows + ((b + 1) & (lanes - 1))]++;
        filled += 2;
      }
    }
    if (groupsSize < filled) {
      groups = batch.newPoints(filled);
      groupsSize = filled;
    }
    int[] fill = layOut(groupCounts, groupStarts, segments);
    for (int b = 0; b < top; b++) {
      if (counts[b] > 0) {
        batch.copy(groups, fill[(b + 1) >> k]++, bucketSums, starts[b]);
        batch.copy(groups, fill[rows + ((b + 1) & (lanes - 1))]++, bucketSums, starts[b]);
      }
    }
    sumSegments(groups, groupStarts, groupCounts, segments);
    // running sums weight their first segment by 1: start at row 1 and column 1 (row and column 0 weigh 0)
    runningSum(groups, groupStarts, groupCounts, 1, rows - 1, rowSum);
    for (int i = 0; i < k; i++) {
      g.dbl(rowSum, 0, rowSum, 0);
    }
    runningSum(groups, groupStarts, groupCounts, rows + 1, lanes - 1, out);
    g.add(out, 0, out, 0, rowSum, 0);
  }
}
