package org.zkml4j.math.msm;

import org.zkml4j.math.curve.G1;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * G1 window sums with affine additions batched so that one field inversion serves thousands of
 * them: about 6 multiplications per addition instead of the 11 of a mixed Jacobian addition.
 *
 * <p>The points of the window are first sorted by bucket (a counting sort that copies each point,
 * negated when its digit is, into a flat work array), so that every bucket is a contiguous
 * segment. Each segment is then summed as a binary tree, level by level across all segments at
 * once: at level k the element at offset i (a multiple of 2^(k+1)) absorbs the one at i + 2^k.
 * All additions of a level are independent, so no bucket is ever waited on, whatever the digit
 * distribution: a window where all points share one bucket (all scalars 1, say) costs exactly
 * one batched addition per point. The additions of a level are processed in batches: compute
 * every denominator x2 - x1 (or 2y for a doubling), invert them together (Montgomery's trick),
 * then finish each addition. Equal points (duplicate bases) become doublings, opposite points
 * give the point at infinity (all zeros in the work array), which later additions pass through.
 *
 * <p>The buckets are combined by the usual running sum in Jacobian coordinates.
 */
final class BatchAffineWindowSum implements WindowSum {
  /** Additions per shared inversion; one inversion costs about 380 multiplications. */
  static final int BATCH = 2048;
  /** From this many buckets on, splitting them into rows and columns beats the plain running sum. */
  private static final int SPLIT_FROM = 64;

  private static final PrimeField FQ = Bn254.FQ;
  private static final byte ADD = 0, DOUBLE = 1, KEEP_FIRST = 2, TAKE_SECOND = 3, CANCEL = 4;

  private final G1 g1 = new G1();
  private int[] digits = new int[0];
  private long[] work = new long[0];
  private int[] counts = new int[0], starts = new int[0], fillPointers = new int[0];
  private int[] groupCounts = new int[0], groupStarts = new int[0];
  private long[] groups = new long[0];

  private final int[] first = new int[BATCH], second = new int[BATCH];
  private final byte[] kind = new byte[BATCH];
  private final long[] den = new long[4 * BATCH], scratch = new long[4 * BATCH];
  private final long[] lambda = new long[4], x3 = new long[4];
  private int pending;
  private final long[] running = new long[12], total = new long[12], rowSum = new long[12];

  @Override
  public void sum(long[] bases, long[] scalars, int[] members, int from, int to, WindowPlan plan, int w,
      long[] out, int oo) {
    int m = to - from, nb = plan.buckets();
    if (digits.length < m) {
      digits = new int[m];
      work = new long[8 * m];
    }
    if (counts.length < nb) {
      counts = new int[nb];
      starts = new int[nb];
    }
    java.util.Arrays.fill(counts, 0, nb, 0);
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
    int[] fill = layOut(counts, starts, top);
    for (int j = from; j < to; j++) {
      int d = digits[j - from];
      if (d == 0) {
        continue;
      }
      int e = members[j], i = e >= 0 ? e : ~e;
      int p = 8 * fill[Math.abs(d) - 1]++;
      System.arraycopy(bases, 8 * i, work, p, 8);
      if (d < 0) {
        FQ.neg(work, p + 4, work, p + 4);
      }
    }
    sumSegments(work, starts, counts, top);
    if (top < SPLIT_FROM) {
      runningSum(work, starts, counts, 0, top, total);
    } else {
      splitSum(top, total);
    }
    System.arraycopy(total, 0, out, oo, 12);
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
          first[pending] = st + k;
          second[pending] = st + k + step;
          if (++pending == BATCH) {
            flush(pts);
          }
        }
      }
      flush(pts); // a level must be complete before the next reads its results
    }
  }

  /**
   * out = sum over s in [0, segments) of (s + 1) * S_(from+s), for the segment sums S_b (affine, at
   * pts[8*starts[b]], absent when counts[b] is 0), as a running sum from the top: one mixed and
   * one Jacobian addition per segment.
   */
  private void runningSum(long[] pts, int[] starts, int[] counts, int from, int segments, long[] out) {
    g1.setInfinity(running, 0);
    g1.setInfinity(out, 0);
    for (int b = from + segments - 1; b >= from; b--) {
      if (counts[b] > 0) {
        g1.addMixed(running, 0, running, 0, pts, 8 * starts[b]);
      }
      g1.add(out, 0, out, 0, running, 0);
    }
  }

  /**
   * out = sum of j * B_j over the bucket sums B_j, j = b + 1 in [1, top], with j split as
   * h * L + l (L a power of two near sqrt(top)): the sum is L * sum_h h * R_h + sum_l l * C_l for
   * the row sums R_h = sum_l B_(hL+l) and column sums C_l = sum_h B_(hL+l). Every bucket joins one
   * row and one column, and those sums are batched affine trees (about 14 multiplications per
   * bucket in all, against about 27 for the running sum over all buckets), leaving running sums
   * over only about 2 sqrt(top) rows and columns.
   */
  private void splitSum(int top, long[] out) {
    int k = (32 - Integer.numberOfLeadingZeros(top)) / 2, lanes = 1 << k, rows = (top >> k) + 1;
    int segments = rows + lanes, filled = 0;
    if (groupCounts.length < segments) {
      groupCounts = new int[segments];
      groupStarts = new int[segments];
    }
    java.util.Arrays.fill(groupCounts, 0, segments, 0);
    for (int b = 0; b < top; b++) {
      if (counts[b] > 0) {
        groupCounts[(b + 1) >> k]++;
        groupCounts[rows + ((b + 1) & (lanes - 1))]++;
        filled += 2;
      }
    }
    if (groups.length < 8 * filled) {
      groups = new long[8 * filled];
    }
    int[] fill = layOut(groupCounts, groupStarts, segments);
    for (int b = 0; b < top; b++) {
      if (counts[b] > 0) {
        System.arraycopy(work, 8 * starts[b], groups, 8 * fill[(b + 1) >> k]++, 8);
        System.arraycopy(work, 8 * starts[b], groups, 8 * fill[rows + ((b + 1) & (lanes - 1))]++, 8);
      }
    }
    sumSegments(groups, groupStarts, groupCounts, segments);
    // running sums weight their first segment by 1: start at row 1 and column 1 (row and column 0 weigh 0)
    runningSum(groups, groupStarts, groupCounts, 1, rows - 1, rowSum);
    for (int i = 0; i < k; i++) {
      g1.dbl(rowSum, 0, rowSum, 0);
    }
    runningSum(groups, groupStarts, groupCounts, rows + 1, lanes - 1, out);
    g1.add(out, 0, out, 0, rowSum, 0);
  }

  /** Performs the pending additions pts[first] += pts[second]. */
  private void flush(long[] pts) {
    for (int k = 0; k < pending; k++) {
      int a = 8 * first[k], b = 8 * second[k], dk = 4 * k;
      if (isInfinity(pts, a)) {
        kind[k] = TAKE_SECOND;
        FQ.setZero(den, dk);
      } else if (isInfinity(pts, b)) {
        kind[k] = KEEP_FIRST;
        FQ.setZero(den, dk);
      } else if (PrimeField.equal(pts, a, pts, b)) {
        if (PrimeField.equal(pts, a + 4, pts, b + 4)) {
          kind[k] = DOUBLE;
          FQ.dbl(den, dk, pts, a + 4); // 2y; never zero, as G1 has no point of order 2
        } else {
          kind[k] = CANCEL;
          FQ.setZero(den, dk);
        }
      } else {
        kind[k] = ADD;
        FQ.sub(den, dk, pts, b, pts, a);
      }
    }
    FQ.batchInverse(den, 0, pending, scratch); // zeros (the special cases) stay zero
    for (int k = 0; k < pending; k++) {
      int a = 8 * first[k], b = 8 * second[k];
      switch (kind[k]) {
        case ADD -> {
          FQ.sub(lambda, 0, pts, b + 4, pts, a + 4);
          FQ.mul(lambda, 0, lambda, 0, den, 4 * k);
          finish(pts, a, b);
        }
        case DOUBLE -> {
          FQ.square(lambda, 0, pts, a);
          FQ.dbl(x3, 0, lambda, 0);
          FQ.add(lambda, 0, lambda, 0, x3, 0);
          FQ.mul(lambda, 0, lambda, 0, den, 4 * k);
          finish(pts, a, b);
        }
        case TAKE_SECOND -> System.arraycopy(pts, b, pts, a, 8);
        case CANCEL -> java.util.Arrays.fill(pts, a, a + 8, 0L);
        default -> { } // KEEP_FIRST
      }
    }
    pending = 0;
  }

  /** With lambda set: x3 = lambda^2 - x1 - x2, y3 = lambda*(x1 - x3) - y1, written over point a. */
  private void finish(long[] pts, int a, int b) {
    FQ.square(x3, 0, lambda, 0);
    FQ.sub(x3, 0, x3, 0, pts, a);
    FQ.sub(x3, 0, x3, 0, pts, b);
    FQ.sub(pts, a, pts, a, x3, 0);
    FQ.mul(pts, a, pts, a, lambda, 0);
    FQ.sub(pts, a + 4, pts, a, pts, a + 4);
    PrimeField.copy(pts, a, x3, 0);
  }

  private static boolean isInfinity(long[] p, int o) {
    return (p[o] | p[o + 1] | p[o + 2] | p[o + 3] | p[o + 4] | p[o + 5] | p[o + 6] | p[o + 7]) == 0;
  }
}
