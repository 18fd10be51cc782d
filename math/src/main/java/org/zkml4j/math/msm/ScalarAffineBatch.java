package org.zkml4j.math.msm;

import java.util.Arrays;
import org.zkml4j.math.curve.CoordinateField;
import org.zkml4j.math.curve.CurveGroup;

/**
 * Batched affine additions in the group's coordinate field ({@link CoordinateField}: Fq for G1,
 * Fq2 for G2, 4x64-bit Montgomery form), points stored as the group's affine layout. About 6
 * field multiplications per addition in G1 and 15 (Fq) in G2, plus one inversion per
 * {@link #BATCH}. Serves where the vector lanes cannot ({@link BucketArithmetic#SCALAR}) and as
 * the tests' second opinion on {@link LaneAffineBatch}.
 *
 * <p>Special cases are sorted out per pair when the batch is flushed: an operand at infinity, equal
 * points (a doubling, whose denominator 2y joins the batch inversion), opposite points (the sum is
 * infinity, all zeros).
 */
final class ScalarAffineBatch implements AffineBatch {
  /** Additions per shared inversion; one inversion costs about 380 multiplications. */
  static final int BATCH = 2048;

  private static final byte ADD = 0, DOUBLE = 1, KEEP_FIRST = 2, TAKE_SECOND = 3, CANCEL = 4;

  private final CoordinateField f;
  /** Longs per coordinate (s) and per affine point (2s). */
  private final int s, a2;
  private final int[] first = new int[BATCH], second = new int[BATCH];
  private final byte[] kind = new byte[BATCH];
  private final long[] den, scratch, lambda, x3;
  private int pending;

  /** Additions in the coordinate field of g, whose instance this keeps (and confines to its thread). */
  ScalarAffineBatch(CurveGroup g) {
    this.f = g.coordinates();
    this.s = f.size();
    this.a2 = 2 * s;
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
  public void load(long[] pts, int slot, long[] bases, int i, boolean negate) {
    int p = a2 * slot;
    System.arraycopy(bases, a2 * i, pts, p, a2);
    if (negate) {
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
    first[pending] = a;
    second[pending] = b;
    if (++pending == BATCH) {
      flush(pts);
    }
  }

  @Override
  public void flush(long[] pts) {
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
          Arrays.fill(pts, a, a + a2, 0L);
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
