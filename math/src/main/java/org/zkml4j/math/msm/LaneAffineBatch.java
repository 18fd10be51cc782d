package org.zkml4j.math.msm;

import org.zkml4j.math.field.LaneField;

/**
 * Batched affine additions on {@link LaneField}'s eight-lane vector arithmetic: for G1 about 6 Fq
 * products per addition at roughly an eighth of the scalar cost each, for G2 about 15.
 *
 * <p>Points stay in lane form (5 x 51-bit limbs, R = 2^255) for a whole MSM: the bases are
 * converted once ({@link #baseForm}), every bucket and partial sum lives in lane form, and only the
 * few sums that leave the batched part are converted back ({@link #toAffine}). Point arrays are
 * LaneField vectors with e = 2c consecutive elements per point (c = 1 component per coordinate for
 * Fq, 2 for Fq2): x's components, then y's; as e divides LaneField's block of 8, a point never
 * straddles two blocks. Stored coordinates are always canonical (in [0, p)), so equal coordinates
 * have equal limbs and infinity is all zeros.
 *
 * <p>{@link #add} sorts out the special cases at once, in scalar code, while it copies the two
 * points into the batch: an operand at infinity (copy or keep), opposite points (infinity),
 * equal points (staged as a doubling). The ordinary additions fill the batch's SoA vectors from
 * element 0, the doublings from element {@link #BATCH}; {@link #flush} moves the doublings down
 * to the first block boundary after the additions, so one batch inversion covers the
 * denominators x2 - x1 and 2y of both, and one pass computes x3 and y3 from each lambda. Lanes
 * past the last pair in a block compute on stale values and are never read back.
 */
final class LaneAffineBatch implements AffineBatch {
  /** Additions per shared inversion: the inversion (about 25 microseconds) costs about 12 ns each. */
  static final int BATCH = 2048;
  /** Doublings staged per batch; duplicate bases are rare, so a doubling-heavy input just flushes more often. */
  static final int DOUBLINGS = 256;

  private static final LaneField FQ = LaneField.FQ;
  private static final int BLOCK = LaneField.BLOCK;
  private static final int LIMB_STRIDE = BLOCK;
  private static final int ELEMENT_LONGS = LaneField.LIMBS * BLOCK;
  private static final long MASK = (1L << LaneField.LIMB_BITS) - 1;
  /** The limbs of q, to negate canonical coordinates. */
  private static final long[] Q = limbsOfModulus();

  private final LaneCoordinates f;
  /** Components per coordinate (c), elements per point (e = 2c), longs per component of a batch array. */
  private final int c, e, componentLongs;
  private final long[] x1, y1, x2, y2, den, t;
  /** Per batch element: the index of limb 0 of its destination point's first element. */
  private final int[] dest = new int[BATCH + DOUBLINGS];
  private int adds, doublings;

  private LaneAffineBatch(LaneCoordinates f) {
    this.f = f;
    this.c = f.components;
    this.e = 2 * c;
    this.componentLongs = LaneField.LIMBS * f.cap;
    this.x1 = f.newBatch();
    this.y1 = f.newBatch();
    this.x2 = f.newBatch();
    this.y2 = f.newBatch();
    this.den = f.newBatch();
    this.t = f.newBatch();
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
   * arrays: each Fq component becomes one lane element, in the same order, so point i is elements
   * [2ci, 2ci + 2c). Exact, and canonical as {@link LaneField#fromPrimeField} is.
   */
  static BaseForm baseForm(int c) {
    int e = 2 * c;
    return (bases, n, par) -> {
      long[] lanes = FQ.newVector(e * n);
      par.forRange(n, 4096, (from, to) ->
          FQ.fromPrimeField(lanes, e * from, bases, 4 * e * from, e * (to - from)));
      return lanes;
    };
  }

  @Override
  public long[] newPoints(int n) {
    return FQ.newVector(e * n);
  }

  @Override
  public void load(long[] pts, int slot, long[] bases, int i, boolean negate) {
    int to = at(e * slot), from = at(e * i);
    for (int k = 0; k < e; k++) {
      for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
        pts[to + k + l] = bases[from + k + l];
      }
    }
    if (negate) {
      for (int j = 0; j < c; j++) {
        negate(pts, to + c + j);
      }
    }
  }

  @Override
  public void copy(long[] dst, int to, long[] src, int from) {
    copyPoint(dst, at(e * to), src, at(e * from));
  }

  @Override
  public void toAffine(long[] out, int oo, long[] pts, int slot) {
    FQ.toPrimeField(out, oo, pts, e * slot, e);
  }

  @Override
  public void add(long[] pts, int a, int b) {
    int pa = at(e * a), pb = at(e * b);
    if (isInfinity(pts, pa)) {
      copyPoint(pts, pa, pts, pb);
    } else if (isInfinity(pts, pb)) {
      return;
    } else if (!equal(pts, pa, pb, 0)) {
      gather(pts, pa, pb, adds);
      dest[adds] = pa;
      if (++adds == BATCH) {
        flush(pts);
      }
    } else if (equal(pts, pa, pb, c)) {
      gather(pts, pa, pb, BATCH + doublings);
      dest[BATCH + doublings] = pa;
      if (++doublings == DOUBLINGS) {
        flush(pts);
      }
    } else {
      for (int k = 0; k < e; k++) { // P + (-P)
        for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
          pts[pa + k + l] = 0;
        }
      }
    }
  }

  @Override
  public void flush(long[] pts) {
    if (adds + doublings == 0) {
      return;
    }
    final LaneCoordinates f = this.f;
    final long[] x1 = this.x1, y1 = this.y1, x2 = this.x2, y2 = this.y2, den = this.den, t = this.t;
    int a = roundUp(adds), d = roundUp(doublings), n = a + d;
    if (d > 0 && a < BATCH) { // doublings to [a, a + d), right after the additions
      for (int j = 0; j < c; j++) {
        int base = j * componentLongs, len = LaneField.LIMBS * d;
        System.arraycopy(x1, base + LaneField.LIMBS * BATCH, x1, base + LaneField.LIMBS * a, len);
        System.arraycopy(y1, base + LaneField.LIMBS * BATCH, y1, base + LaneField.LIMBS * a, len);
        System.arraycopy(x2, base + LaneField.LIMBS * BATCH, x2, base + LaneField.LIMBS * a, len);
      }
    }
    f.sub(den, x2, x1, 0, a); // x2 - x1
    f.add(den, y1, y1, a, d); // 2y, never zero: neither curve has a point of order 2
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

  /** Index of limb 0 of lane element i. */
  private static int at(int i) {
    return (i >>> 3) * ELEMENT_LONGS + (i & (BLOCK - 1));
  }

  private static int roundUp(int n) {
    return (n + BLOCK - 1) & -BLOCK;
  }

  /** Copies points a and b (limb 0 of their first elements at pa, pb) to batch element k. */
  private void gather(long[] pts, int pa, int pb, int k) {
    final long[] x1 = this.x1, y1 = this.y1, x2 = this.x2, y2 = this.y2;
    int q = at(k);
    for (int j = 0; j < c; j++, q += componentLongs) {
      for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
        x1[q + l] = pts[pa + j + l];
        y1[q + l] = pts[pa + c + j + l];
        x2[q + l] = pts[pb + j + l];
        y2[q + l] = pts[pb + c + j + l];
      }
    }
  }

  /** Writes the result of batch element k (x3 in den, y3 in x2) to the point at p. */
  private void scatter(long[] pts, int p, int k) {
    final long[] x3 = this.den, y3 = this.x2;
    int q = at(k);
    for (int j = 0; j < c; j++, q += componentLongs) {
      for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
        pts[p + j + l] = x3[q + l];
        pts[p + c + j + l] = y3[q + l];
      }
    }
  }

  private void copyPoint(long[] dst, int to, long[] src, int from) {
    for (int k = 0; k < e; k++) {
      for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
        dst[to + k + l] = src[from + k + l];
      }
    }
  }

  private boolean isInfinity(long[] pts, int p) {
    long any = 0;
    for (int k = 0; k < e; k++) {
      for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
        any |= pts[p + k + l];
      }
    }
    return any == 0;
  }

  /** True when the coordinates at element offset off (0 for x, c for y) of the two points are equal. */
  private boolean equal(long[] pts, int pa, int pb, int off) {
    for (int j = off; j < off + c; j++) {
      for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
        if (pts[pa + j + l] != pts[pb + j + l]) {
          return false;
        }
      }
    }
    return true;
  }

  /** The canonical element with limb 0 at o becomes q minus it, unless it is zero. */
  private static void negate(long[] pts, int o) {
    long any = 0;
    for (int l = 0; l < ELEMENT_LONGS; l += LIMB_STRIDE) {
      any |= pts[o + l];
    }
    if (any == 0) {
      return;
    }
    long borrow = 0;
    for (int k = 0, l = 0; k < LaneField.LIMBS; k++, l += LIMB_STRIDE) {
      long d = Q[k] - pts[o + l] + borrow;
      pts[o + l] = d & MASK;
      borrow = d >> LaneField.LIMB_BITS;
    }
  }

  private static long[] limbsOfModulus() {
    java.math.BigInteger q = FQ.field().modulus();
    long[] l = new long[LaneField.LIMBS];
    for (int k = 0; k < l.length; k++) {
      l[k] = q.shiftRight(LaneField.LIMB_BITS * k).longValue() & MASK;
    }
    return l;
  }
}
