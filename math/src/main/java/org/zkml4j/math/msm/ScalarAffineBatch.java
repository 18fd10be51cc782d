package org.zkml4j.math.msm;

import java.util.Arrays;
import org.zkml4j.math.curve.CoordinateField;
import org.zkml4j.math.curve.CurveGroup;

/**
 * Batched affine additions in the group's coordinate field ({@link CoordinateField}: Fq for G1,
 * Fq2 for G2, 4x64-bit Montgomery form), points stored in the group's affine layout. About 6
 * field multiplications per addition in G1 and 15 (Fq) in G2, plus one inversion per
 * {@link #BATCH}. Serves where the vector lanes cannot ({@link BucketArithmetic#SCALAR}) and as
 * the tests' second opinion on {@link LaneAffineBatch}.
 *
 * <p>Each queued pair is copied into the batch; the special cases are sorted out when it is
 * flushed: an operand at infinity, equal points (a doubling, whose denominator 2y joins the batch
 * inversion), opposite points (the sum is infinity, all zeros).
 */
final class ScalarAffineBatch implements AffineBatch {
  /** Additions per shared inversion; one inversion costs about 380 multiplications. */
  static final int BATCH = 2048;

  private static final byte ADD = 0, DOUBLE = 1, TAKE_FIRST = 2, TAKE_SECOND = 3, CANCEL = 4;

  private final CoordinateField f;
  /** Longs per coordinate (s) and per affine point (2s). */
  private final int s, a2;
  /** The queued operands, one point per pair in each, and the offsets of their sums in target. */
  private final long[] first, second;
  private final int[] dest = new int[BATCH];
  private final byte[] kind = new byte[BATCH];
  private final long[] den, scratch, lambda, x3;
  private long[] target;
  private int pending;

  /** Additions in the coordinate field of g, whose instance this keeps (and confines to its thread). */
  ScalarAffineBatch(CurveGroup g) {
    this.f = g.coordinates();
    this.s = f.size();
    this.a2 = 2 * s;
    this.first = new long[a2 * BATCH];
    this.second = new long[a2 * BATCH];
    this.den = new long[s * BATCH];
    this.scratch = new long[s * BATCH];
    this.lambda = new long[s];
    this.x3 = new long[s];
  }

  @Override
  public long[] newPoints(int n) {
    return new long[a2 * n];
  }

  @Override
  public void load(long[] pts, int slot, long[] bases, int entry) {
    int p = a2 * slot;
    System.arraycopy(bases, a2 * (entry >= 0 ? entry : ~entry), pts, p, a2);
    if (entry < 0) {
      f.neg(pts, p + s, pts, p + s);
    }
  }

  @Override
  public void copy(long[] dst, int to, long[] src, int from) {
    System.arraycopy(src, a2 * from, dst, a2 * to, a2);
  }

  @Override
  public void toAffine(long[] out, int oo, long[] pts, int slot) {
    System.arraycopy(pts, a2 * slot, out, oo, a2);
  }

  @Override
  public void add(long[] pts, int a, int b) {
    if (pts != target) {
      flush();
      target = pts;
    }
    System.arraycopy(pts, a2 * a, first, a2 * pending, a2);
    System.arraycopy(pts, a2 * b, second, a2 * pending, a2);
    queued(a);
  }

  @Override
  public void addBase(long[] pts, int a, long[] bases, int entry) {
    if (pts != target) {
      flush();
      target = pts;
    }
    System.arraycopy(pts, a2 * a, first, a2 * pending, a2);
    load(second, pending, bases, entry);
    queued(a);
  }

  /** Records the destination of the pair just copied in, and flushes a full batch. */
  private void queued(int a) {
    dest[pending] = a2 * a;
    if (++pending == BATCH) {
      flush();
    }
  }

  @Override
  public void flush() {
    // locals, not fields: the arithmetic calls are not inlined, so fields would be reloaded after each
    final CoordinateField f = this.f;
    final int s = this.s, a2 = this.a2, n = pending;
    final long[] p1 = this.first, p2 = this.second, out = this.target;
    final byte[] kind = this.kind;
    final long[] den = this.den, lambda = this.lambda, x3 = this.x3;
    for (int k = 0; k < n; k++) {
      int a = a2 * k, dk = s * k;
      if (isInfinity(f, p1, a, s)) {
        kind[k] = TAKE_SECOND;
        f.setZero(den, dk);
      } else if (isInfinity(f, p2, a, s)) {
        kind[k] = TAKE_FIRST;
        f.setZero(den, dk);
      } else if (f.equal(p1, a, p2, a)) {
        if (f.equal(p1, a + s, p2, a + s)) {
          kind[k] = DOUBLE;
          f.dbl(den, dk, p1, a + s); // 2y: never zero, as neither curve has a point of order 2
        } else {
          kind[k] = CANCEL;
          f.setZero(den, dk);
        }
      } else {
        kind[k] = ADD;
        f.sub(den, dk, p2, a, p1, a);
      }
    }
    f.batchInverse(den, 0, n, scratch); // zeros (the special cases) stay zero
    for (int k = 0; k < n; k++) {
      int a = a2 * k, d = dest[k];
      switch (kind[k]) {
        case ADD -> {
          f.sub(lambda, 0, p2, a + s, p1, a + s);
          f.mul(lambda, 0, lambda, 0, den, s * k);
        }
        case DOUBLE -> {
          f.square(lambda, 0, p1, a);
          f.dbl(x3, 0, lambda, 0);
          f.add(lambda, 0, lambda, 0, x3, 0);
          f.mul(lambda, 0, lambda, 0, den, s * k);
        }
        case TAKE_FIRST -> {
          System.arraycopy(p1, a, out, d, a2);
          continue;
        }
        case TAKE_SECOND -> {
          System.arraycopy(p2, a, out, d, a2);
          continue;
        }
        default -> { // CANCEL
          Arrays.fill(out, d, d + a2, 0L);
          continue;
        }
      }
      // x3 = lambda^2 - x1 - x2, y3 = lambda*(x1 - x3) - y1
      f.square(x3, 0, lambda, 0);
      f.sub(x3, 0, x3, 0, p1, a);
      f.sub(x3, 0, x3, 0, p2, a);
      f.sub(p1, a, p1, a, x3, 0);
      f.mul(p1, a, p1, a, lambda, 0);
      f.sub(out, d + s, p1, a, p1, a + s);
      f.copy(out, d, x3, 0);
    }
    pending = 0;
  }

  private static boolean isInfinity(CoordinateField f, long[] p, int o, int s) {
    return f.isZero(p, o) && f.isZero(p, o + s);
  }
}
