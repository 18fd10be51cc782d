package org.zkml4j.math.msm;

import org.zkml4j.math.curve.CoordinateField;
import org.zkml4j.math.curve.CurveGroup;

/**
 * Window sums with affine additions batched so that one field inversion serves thousands of them:
 * in G1 about 6 multiplications per addition instead of the 11 of a mixed Jacobian addition, in
 * G2 about 15 Fq multiplications instead of 29.
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
 * <p>The bucket sums are then combined by {@link #splitSum}, itself mostly batched affine sums.
 *
 * <p>The group's coordinate field does the arithmetic, so this one class serves G1 (Fq) and G2
 * (Fq2); each batch is a flat array of independent additions, the shape a vectorised field
 * multiplication can take over.
 */
final class BatchAffineWindowSum implements WindowSum {
  /** Additions per shared inversion; one inversion costs about 380 multiplications. */
  static final int BATCH = 2048;
  /** From this many buckets on, splitting them into rows and columns beats the plain running sum. */
  private static final int SPLIT_FROM = 64;

  private static final byte ADD = 0, DOUBLE = 1, KEEP_FIRST = 2, TAKE_SECOND = 3, CANCEL = 4;

  private final CurveGroup g;
  private final CoordinateField f;
  /** Longs per coordinate (s) and per affine point (2s). */
  private final int s, a2;
  private int[] digits = new int[0];
  private long[] work = new long[0];
  private int[] counts = new int[0], starts = new int[0], fillPointers = new int[0];
  private int[] groupCounts = new int[0], groupStarts = new int[0];
  private long[] groups = new long[0];

  private final int[] first = new int[BATCH], second = new int[BATCH];
  private final byte[] kind = new byte[BATCH];
  private final long[] den, scratch, lambda, x3;
  private int pending;
  private final long[] running, total, rowSum;

  /** A worker for the group g, whose instance it keeps (and so confines to its thread). */
  BatchAffineWindowSum(CurveGroup g) {
    this.g = g;
    this.f = g.coordinates();
    this.s = f.size();
    this.a2 = 2 * s;
    this.den = new long[s * BATCH];
    this.scratch = new long[s * BATCH];
    this.lambda = new long[s];
    this.x3 = new long[s];
    this.running = new long[g.jacobianSize()];
    this.total = new long[g.jacobianSize()];
    this.rowSum = new long[g.jacobianSize()];
  }

  @Override
  public void sum(long[] bases, long[] scalars, int[] members, int from, int to, WindowPlan plan, int w,
      long[] out, int oo) {
    int m = to - from, nb = plan.buckets();
    if (digits.length < m) {
      digits = new int[m];
      work = new long[a2 * m];
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
      int p = a2 * fill[Math.abs(d) - 1]++;
      System.arraycopy(bases, a2 * i, work, p, a2);
      if (d < 0) {
        f.neg(work, p + s, work, p + s);
      }
    }
    sumSegments(work, starts, counts, top);
    if (top < SPLIT_FROM) {
      runningSum(work, starts, counts, 0, top, total);
    } else {
      splitSum(top, total);
    }
    System.arraycopy(total, 0, out, oo, total.length);
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
   * out = sum over i in [0, segments) of (i + 1) * S_(from+i), for the segment sums S_b (affine,
   * first in segment b, absent when counts[b] is 0), as a running sum from the top: one mixed and
   * one Jacobian addition per segment.
   */
  private void runningSum(long[] pts, int[] starts, int[] counts, int from, int segments, long[] out) {
    g.setInfinity(running, 0);
    g.setInfinity(out, 0);
    for (int b = from + segments - 1; b >= from; b--) {
      if (counts[b] > 0) {
        g.addMixed(running, 0, running, 0, pts, a2 * starts[b]);
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
    java.util.Arrays.fill(groupCounts, 0, segments, 0);
    for (int b = 0; b < top; b++) {
      if (counts[b] > 0) {
        groupCounts[(b + 1) >> k]++;
        groupCounts[rows + ((b + 1) & (lanes - 1))]++;
        filled += 2;
      }
    }
    if (groups.length < a2 * filled) {
      groups = new long[a2 * filled];
    }
    int[] fill = layOut(groupCounts, groupStarts, segments);
    for (int b = 0; b < top; b++) {
      if (counts[b] > 0) {
        System.arraycopy(work, a2 * starts[b], groups, a2 * fill[(b + 1) >> k]++, a2);
        System.arraycopy(work, a2 * starts[b], groups, a2 * fill[rows + ((b + 1) & (lanes - 1))]++, a2);
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

  /** Performs the pending additions pts[first] += pts[second]. */
  private void flush(long[] pts) {
    // locals, not fields: the arithmetic calls are not inlined, so fields would be reloaded after each
    final CoordinateField f = this.f;
    final int s = this.s, a2 = this.a2, n = pending;
    final int[] first = this.first, second = this.second;
    final byte[] kind = this.kind;
    final long[] den = this.den, lambda = this.lambda, x3 = this.x3;
    for (int k = 0; k < n; k++) {
      int a = a2 * first[k], b = a2 * second[k], dk = s * k;
      if (isInfinity(f, pts, a, s)) {
        kind[k] = TAKE_SECOND;
        f.setZero(den, dk);
      } else if (isInfinity(f, pts, b, s)) {
        kind[k] = KEEP_FIRST;
        f.setZero(den, dk);
      } else if (f.equal(pts, a, pts, b)) {
        if (f.equal(pts, a + s, pts, b + s)) {
          kind[k] = DOUBLE;
          f.dbl(den, dk, pts, a + s); // 2y: never zero, as neither curve has a point of order 2
        } else {
          kind[k] = CANCEL;
          f.setZero(den, dk);
        }
      } else {
        kind[k] = ADD;
        f.sub(den, dk, pts, b, pts, a);
      }
    }
    f.batchInverse(den, 0, n, scratch); // zeros (the special cases) stay zero
    for (int k = 0; k < n; k++) {
      int a = a2 * first[k], b = a2 * second[k];
      switch (kind[k]) {
        case ADD -> {
          f.sub(lambda, 0, pts, b + s, pts, a + s);
          f.mul(lambda, 0, lambda, 0, den, s * k);
        }
        case DOUBLE -> {
          f.square(lambda, 0, pts, a);
          f.dbl(x3, 0, lambda, 0);
          f.add(lambda, 0, lambda, 0, x3, 0);
          f.mul(lambda, 0, lambda, 0, den, s * k);
        }
        case TAKE_SECOND -> {
          System.arraycopy(pts, b, pts, a, a2);
          continue;
        }
        case CANCEL -> {
          java.util.Arrays.fill(pts, a, a + a2, 0L);
          continue;
        }
        default -> {
          continue; // KEEP_FIRST
        }
      }
      // x3 = lambda^2 - x1 - x2, y3 = lambda*(x1 - x3) - y1, written over point a
      f.square(x3, 0, lambda, 0);
      f.sub(x3, 0, x3, 0, pts, a);
      f.sub(x3, 0, x3, 0, pts, b);
      f.sub(pts, a, pts, a, x3, 0);
      f.mul(pts, a, pts, a, lambda, 0);
      f.sub(pts, a + s, pts, a, pts, a + s);
      f.copy(pts, a, x3, 0);
    }
    pending = 0;
  }

  private static boolean isInfinity(CoordinateField f, long[] p, int o, int s) {
    return f.isZero(p, o) && f.isZero(p, o + s);
  }
}
