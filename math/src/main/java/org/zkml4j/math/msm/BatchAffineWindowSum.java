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

  private static final PrimeField FQ = Bn254.FQ;
  private static final byte ADD = 0, DOUBLE = 1, KEEP_FIRST = 2, TAKE_SECOND = 3, CANCEL = 4;

  private final G1 g1 = new G1();
  private int[] digits = new int[0];
  private long[] work = new long[0];
  private int[] counts = new int[0], starts = new int[0], fill = new int[0];

  private final int[] first = new int[BATCH], second = new int[BATCH];
  private final byte[] kind = new byte[BATCH];
  private final long[] den = new long[4 * BATCH], scratch = new long[4 * BATCH];
  private final long[] lambda = new long[4], x3 = new long[4];
  private int pending;
  private final long[] running = new long[12], total = new long[12];

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
      fill = new int[nb];
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
    int longest = 0;
    for (int b = 0, pos = 0; b < top; b++) {
      starts[b] = pos;
      fill[b] = pos;
      pos += counts[b];
      longest = Math.max(longest, counts[b]);
    }
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
    for (int step = 1; step < longest; step <<= 1) {
      for (int b = 0; b < top; b++) {
        int len = counts[b], st = starts[b];
        for (int k = 0; k + step < len; k += 2 * step) {
          first[pending] = st + k;
          second[pending] = st + k + step;
          if (++pending == BATCH) {
            flush();
          }
        }
      }
      flush(); // a level must be complete before the next reads its results
    }
    g1.setInfinity(running, 0);
    g1.setInfinity(total, 0);
    for (int b = top - 1; b >= 0; b--) {
      if (counts[b] > 0) {
        g1.addMixed(running, 0, running, 0, work, 8 * starts[b]);
      }
      g1.add(total, 0, total, 0, running, 0);
    }
    System.arraycopy(total, 0, out, oo, 12);
  }

  /** Performs the pending additions work[first] += work[second]. */
  private void flush() {
    long[] pts = work;
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
