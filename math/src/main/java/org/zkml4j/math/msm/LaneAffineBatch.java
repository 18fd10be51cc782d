package org.zkml4j.math.msm;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.math.curve.LaneCoordinates;
import org.zkml4j.math.field.LaneField;

/**
 * Batched affine additions on {@link LaneField}'s eight-lane vector arithmetic, through the shared
 * {@link LaneCoordinates} (Fq or Fq2 in lanes): for G1 about 6 Fq
 * products per addition at roughly an eighth of the scalar cost each, for G2 about 15.
 *
 * <p>Points stay in lane form (5 x 51-bit limbs, R = 2^255) for a whole MSM: the bases are
 * converted once ({@link #baseForm}), every bucket and partial sum lives in lane form, and only the
 * few sums that leave the batched part are converted back ({@link #toAffine}). A point array holds
 * each point's limbs together, {@code 5e} longs per point for its e = 2c components (c = 1 per
 * coordinate for Fq, 2 for Fq2; x's components, then y's; five limbs each, least significant
 * first), so that the scattered writes of bucket sorting touch two or three cache lines per point
 * rather than one line per limb. Stored coordinates are always canonical (in [0, p)), so equal
 * coordinates have equal limbs, and infinity is all zeros.
 *
 * <p>{@link #add} sorts out the special cases at once, in scalar code, while it copies the two
 * points into the batch's SoA vectors: an operand at infinity (copy or keep), opposite points
 * (infinity), equal points (staged as a doubling). The ordinary additions fill the vectors from
 * element 0, the doublings from element {@link #BATCH}; {@link #flush} moves the doublings down
 * to the first block boundary after the additions, so one batch inversion covers the
 * denominators x2 - x1 and 2y of both, and one pass computes x3 and y3 from each lambda. Lanes
 * past the last pair in a block compute on stale values and are never read back.
 */
final class LaneAffineBatch implements AffineBatch {
  /** Additions per shared inversion: the inversion (about 20 microseconds) costs about 10 ns each. */
  static final int BATCH = 2048;
  /** Doublings staged per batch; duplicate bases are rare, so a doubling-heavy input just flushes more often. */
  static final int DOUBLINGS = 256;

  private static final LaneField FQ = LaneField.FQ;
  private static final int BLOCK = LaneField.BLOCK;
  private static final int LIMBS = LaneField.LIMBS;
  private static final int BLOCK_LONGS = LIMBS * BLOCK;
  private static final long MASK = (1L << LaneField.LIMB_BITS) - 1;
  /** The limbs of q, to negate coordinates. */
  private static final long[] Q = limbsOfModulus();

  private final LaneCoordinates f;
  /** Components per coordinate (c), per point (e = 2c), longs per point, longs per component of a batch array. */
  private final int c, e, pointLongs, componentLongs;
  private final long[] x1, y1, x2, y2, den, t;
  /** One point, for the base of {@link #addBase}. */
  private final long[] loaded;
  /** A point's components as a LaneField vector, for conversions. */
  private final long[] soa = FQ.newVector(BLOCK);
  /** Per batch element: the offset of its destination point. */
  private final int[] dest = new int[BATCH + DOUBLINGS];
  /** The array the queued sums go to. */
  private long[] target;
  private int adds, doublings;

  private LaneAffineBatch(LaneCoordinates f) {
    this.f = f;
    this.c = f.components();
    this.e = 2 * c;
    this.pointLongs = LIMBS * e;
    this.componentLongs = LIMBS * f.capacity();
    this.x1 = f.newBatch();
    this.y1 = f.newBatch();
    this.x2 = f.newBatch();
    this.y2 = f.newBatch();
    this.den = f.newBatch();
    this.t = f.newBatch();
    this.loaded = new long[pointLongs];
  }

  /** Additions in G1 (coordinates in Fq). */
  static LaneAffineBatch g1() {
    return new LaneAffineBatch(LaneCoordinates.fq(BATCH + DOUBLINGS));
  }

  /** Additions in G2 (coordinates in Fq2). */
  static LaneAffineBatch g2() {
    return new LaneAffineBatch(LaneCoordinates.fq2(BATCH + DOUBLINGS));
  }

  /**
   * The conversion of affine bases with c Fq components per coordinate to this class's point
   * arrays, component by component in the same order. Exact, and canonical as
   * {@link LaneField#fromPrimeField} is.
   */
  static BaseForm baseForm(int c) {
    int e = 2 * c;
    return (bases, n, par) -> {
      long[] lanes = new long[LIMBS * e * n];
      par.forRange(n, 4096, (from, to) -> {
        long[] soa = FQ.newVector(BLOCK);
        for (int i = e * from; i < e * to; i += BLOCK) {
          int count = Math.min(BLOCK, e * to - i);
          FQ.fromPrimeField(soa, 0, bases, 4 * i, count);
          for (int k = 0; k < count; k++) {
            for (int l = 0; l < LIMBS; l++) {
              lanes[LIMBS * (i + k) + l] = soa[k + BLOCK * l];
            }
          }
        }
      });
      return lanes;
    };
  }

  @Override
  public long[] newPoints(int n) {
    return new long[pointLongs * n];
  }

  @Override
  public void load(long[] pts, int slot, long[] bases, int entry) {
    int to = pointLongs * slot, from = pointLongs * (entry >= 0 ? entry : ~entry), y = LIMBS * c;
    for (int i = 0; i < y; i++) {
      pts[to + i] = bases[from + i];
    }
    long negate = entry >> 31; // all ones to negate: no branch, as signs are random
    for (int j = y; j < pointLongs; j += LIMBS) {
      negate(pts, to + j, bases, from + j, negate);
    }
  }

  @Override
  public void copy(long[] dst, int to, long[] src, int from) {
    System.arraycopy(src, pointLongs * from, dst, pointLongs * to, pointLongs);
  }

  @Override
  public void toAffine(long[] out, int oo, long[] pts, int slot) {
    int p = pointLongs * slot;
    for (int k = 0; k < e; k++) {
      for (int l = 0; l < LIMBS; l++) {
        soa[k + BLOCK * l] = pts[p + LIMBS * k + l];
      }
    }
    FQ.toPrimeField(out, oo, soa, 0, e);
  }

  @Override
  public void add(long[] pts, int a, int b) {
    queue(pts, pointLongs * a, pts, pointLongs * b);
  }

  @Override
  public void addBase(long[] pts, int a, long[] bases, int entry) {
    if (entry >= 0) { // read in place; only a negated base needs a copy
      queue(pts, pointLongs * a, bases, pointLongs * entry);
    } else {
      load(loaded, 0, bases, entry);
      queue(pts, pointLongs * a, loaded, 0);
    }
  }

  /** Queues the point of pts at pa plus the point of src at pb, the sum to go to pts at pa. */
  private void queue(long[] pts, int pa, long[] src, int pb) {
    if (pts != target) {
      flush();
      target = pts;
    }
    if (isInfinity(pts, pa)) {
      System.arraycopy(src, pb, pts, pa, pointLongs);
    } else if (isInfinity(src, pb)) {
      return;
    } else if (!equal(pts, pa, src, pb, 0)) {
      gather(pts, pa, src, pb, adds);
      dest[adds] = pa;
      if (++adds == BATCH) {
        flush();
      }
    } else if (equal(pts, pa, src, pb, c)) {
      gather(pts, pa, src, pb, BATCH + doublings);
      dest[BATCH + doublings] = pa;
      if (++doublings == DOUBLINGS) {
        flush();
      }
    } else {
      Arrays.fill(pts, pa, pa + pointLongs, 0L); // P + (-P)
    }
  }

  @Override
  public void flush() {
    if (adds + doublings == 0) {
      return;
    }
    final LaneCoordinates f = this.f;
    final long[] pts = this.target, x1 = this.x1, y1 = this.y1, x2 = this.x2, y2 = this.y2, den = this.den, t = this.t;
    int a = roundUp(adds), d = roundUp(doublings), n = a + d;
    if (d > 0 && a < BATCH) { // doublings to [a, a + d), right after the additions
      for (int j = 0; j < c; j++) {
        int base = j * componentLongs, len = LIMBS * d;
        System.arraycopy(x1, base + LIMBS * BATCH, x1, base + LIMBS * a, len);
        System.arraycopy(y1, base + LIMBS * BATCH, y1, base + LIMBS * a, len);
        System.arraycopy(x2, base + LIMBS * BATCH, x2, base + LIMBS * a, len);
      }
    }
    f.sub(den, x2, x1, 0, a); // x2 - x1
    f.add(den, y1, y1, a, d); // 2y, never zero: neither curve has a point of order 2
    for (int k = adds; k < a; k++) { // the unused lanes must not be zero either
      f.setOne(den, k);
    }
    for (int k = a + doublings; k < n; k++) {
      f.setOne(den, k);
    }
    f.batchInverse(den, 0, n, t);
    f.sub(y2, y2, y1, 0, a);
    f.mul(y2, y2, den, 0, a); // lambda = (y2 - y1) / (x2 - x1)
    f.square(t, x1, a, d);
    f.add(y2, t, t, a, d);
    f.add(y2, y2, t, a, d);
    f.mul(y2, y2, den, a, d); // lambda = 3 x^2 / (2y)
    f.square(den, y2, 0, n);
    f.sub(den, den, x1, 0, n);
    f.sub(den, den, x2, 0, n); // x3 = lambda^2 - x1 - x2
    f.sub(x2, x1, den, 0, n);
    f.mul(x2, x2, y2, 0, n);
    f.sub(x2, x2, y1, 0, n); // y3 = lambda (x1 - x3) - y1
    f.canonicalize(den, den, 0, n);
    f.canonicalize(x2, x2, 0, n);
    for (int k = 0; k < adds; k++) {
      scatter(pts, dest[k], k);
    }
    for (int k = 0; k < doublings; k++) {
      scatter(pts, dest[BATCH + k], a + k);
    }
    adds = 0;
    doublings = 0;
  }

  // ---------------------------------------------------------------- per-point scalar code

  /** Index of limb 0 of lane element i of a batch array. */
  private static int at(int i) {
    return (i >>> 3) * BLOCK_LONGS + (i & (BLOCK - 1));
  }

  private static int roundUp(int n) {
    return (n + BLOCK - 1) & -BLOCK;
  }

  /** Copies the points of pts at pa and src at pb to batch element k as (x1, y1) and (x2, y2). */
  private void gather(long[] pts, int pa, long[] src, int pb, int k) {
    final long[] x1 = this.x1, y1 = this.y1, x2 = this.x2, y2 = this.y2;
    int o = at(k), ya = pa + LIMBS * c, yb = pb + LIMBS * c;
    for (int j = 0; j < c; j++, o += componentLongs, pa += LIMBS, pb += LIMBS, ya += LIMBS, yb += LIMBS) {
      for (int l = 0; l < LIMBS; l++) {
        x1[o + BLOCK * l] = pts[pa + l];
        y1[o + BLOCK * l] = pts[ya + l];
        x2[o + BLOCK * l] = src[pb + l];
        y2[o + BLOCK * l] = src[yb + l];
      }
    }
  }

  /** Writes the result of batch element k (x3 in den, y3 in x2, both canonical) to pts at p. */
  private void scatter(long[] pts, int p, int k) {
    final long[] x3 = this.den, y3 = this.x2;
    int q = at(k), py = p + LIMBS * c;
    for (int j = 0; j < c; j++, q += componentLongs, p += LIMBS, py += LIMBS) {
      for (int l = 0; l < LIMBS; l++) {
        pts[p + l] = x3[q + BLOCK * l];
        pts[py + l] = y3[q + BLOCK * l];
      }
    }
  }

  private boolean isInfinity(long[] pts, int p) {
    long any = 0;
    for (int i = p; i < p + pointLongs; i++) {
      any |= pts[i];
    }
    return any == 0;
  }

  /** True when coordinate x (off = 0) or y (off = c) of the points of pts at pa and src at pb are equal. */
  private boolean equal(long[] pts, int pa, long[] src, int pb, int off) {
    for (int i = LIMBS * off; i < LIMBS * (off + c); i++) {
      if (pts[pa + i] != src[pb + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes to z[zo..zo+4] the canonical component at x[xo..xo+4], or when negate is all ones its
   * negation (q minus it, unless it is zero), without branching.
   */
  private static void negate(long[] z, int zo, long[] x, int xo, long negate) {
    long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3], x4 = x[xo + 4];
    long any = x0 | x1 | x2 | x3 | x4;
    long m = negate & ((any | -any) >> 63);
    long d = Q[0] - x0;
    z[zo] = x0 ^ ((x0 ^ (d & MASK)) & m);
    d = Q[1] - x1 + (d >> LaneField.LIMB_BITS);
    z[zo + 1] = x1 ^ ((x1 ^ (d & MASK)) & m);
    d = Q[2] - x2 + (d >> LaneField.LIMB_BITS);
    z[zo + 2] = x2 ^ ((x2 ^ (d & MASK)) & m);
    d = Q[3] - x3 + (d >> LaneField.LIMB_BITS);
    z[zo + 3] = x3 ^ ((x3 ^ (d & MASK)) & m);
    d = Q[4] - x4 + (d >> LaneField.LIMB_BITS);
    z[zo + 4] = x4 ^ ((x4 ^ d) & m);
  }

  private static long[] limbsOfModulus() {
    BigInteger q = FQ.field().modulus();
    long[] l = new long[LIMBS];
    for (int k = 0; k < l.length; k++) {
      l[k] = q.shiftRight(LaneField.LIMB_BITS * k).longValue() & MASK;
    }
    return l;
  }
}
