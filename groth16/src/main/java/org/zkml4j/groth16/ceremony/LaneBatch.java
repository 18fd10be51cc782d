package org.zkml4j.groth16.ceremony;

import org.zkml4j.math.curve.LaneCoordinates;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;

/**
 * Many independent scalar multiplications at once, eight lanes wide (on math.curve's
 * {@link LaneCoordinates}, the lane arithmetic the MSM uses too): the ceremony's bulk work
 * (applying a contribution's key, the butterflies of the group FFT, the terms of circuit setup's
 * sums) as one uniform computation per batch of up to {@link #capacity} jobs.
 *
 * <p>Per job: the base point (affine) and a {@link Recoding} of its scalar. The tables of odd
 * multiples P, 3P, ..., 15P and their endomorphism images are built in affine form with batched
 * inversions (four levels for the whole batch); then every lane runs the same 33 windows of
 * four Jacobian doublings (dbl-2009-l, D as 4XB) and two mixed additions (madd-2007-bl) with the digits'
 * table entries gathered per lane, and at most two masked corrections; blocks of lanes that share
 * one scalar follow its NAF digits instead ({@link #multiply(int, int)}). Affine results come from
 * one more batched inversion. {@link #combine} finishes FFT butterflies (u + a, u - a) in affine
 * form with a shared inversion.
 *
 * <p>The uniform formulas have exceptions (a point at infinity, adding a point to itself or its
 * negative); lanes that meet one are flagged in {@link #failed} and the caller redoes those jobs
 * with the general scalar code. For honest inputs this essentially never happens except for the
 * point at infinity and the scalar 0, which are flagged up front. One instance per thread.
 */
final class LaneBatch {
  private static final int TABLE = 8;
  /** Jobs per batch: enough to spread each batched inversion's cost, few enough to stay in cache. */
  static final int CAPACITY = 128;
  private static final ThreadLocal<LaneBatch[]> PER_THREAD = ThreadLocal.withInitial(() -> new LaneBatch[2]);

  final boolean g2;
  final int capacity;
  /** Jobs whose result must be recomputed by the caller. */
  final boolean[] failed;
  private final LaneCoordinates f;
  private final long[] x, y, z; // the Jacobian accumulators
  private final long[] bx, by; // bases; then (after multiply) the affine results
  /** Per part p: the odd multiples' x, y and -y, each TABLE vectors. */
  private final long[][][] tx, ty, tny;
  private final int parts;
  private final int windows;
  private final long[] gx, gy;
  private final long[] zz, u2, s2, h, hh, i4, j, rr, v, tmp, rx, ry, rz;
  private final long[] zero, one, endoX, endoY, inverseScratch;
  /** The denominators of one level of the table build (up to four vectors), inverted together. */
  private final LaneCoordinates levels;
  private final long[] levelValues, levelScratch;
  /** digits[(p * windows + w) * capacity + lane], corrections[p * capacity + lane]. */
  private final byte[] digits, corrections;
  /** For lanes that share scalars ({@link #setSharedScalar}): each lane's entry of {@link #shared}. */
  private final int[] sharedJob;
  private Recoding shared;

  LaneBatch(boolean g2, int capacity) {
    this.g2 = g2;
    this.capacity = capacity;
    this.f = g2 ? LaneCoordinates.fq2(capacity) : LaneCoordinates.fq(capacity);
    failed = new boolean[capacity];
    x = f.newBatch();
    y = f.newBatch();
    z = f.newBatch();
    bx = f.newBatch();
    by = f.newBatch();
    parts = g2 ? 4 : 2;
    windows = g2 ? 17 : 33;
    tx = new long[parts][][];
    ty = new long[parts][][];
    tny = new long[parts][][];
    for (int p = 0; p < parts; p++) {
      tx[p] = table();
      ty[p] = table();
      tny[p] = table();
    }
    gx = f.newBatch();
    gy = f.newBatch();
    zz = f.newBatch();
    u2 = f.newBatch();
    s2 = f.newBatch();
    h = f.newBatch();
    hh = f.newBatch();
    i4 = f.newBatch();
    j = f.newBatch();
    rr = f.newBatch();
    v = f.newBatch();
    tmp = f.newBatch();
    rx = f.newBatch();
    ry = f.newBatch();
    rz = f.newBatch();
    zero = f.newBatch();
    inverseScratch = f.newBatch();
    levels = g2 ? LaneCoordinates.fq2(4 * capacity) : LaneCoordinates.fq(4 * capacity);
    levelValues = levels.newBatch();
    levelScratch = levels.newBatch();
    long[] oneConstant = new long[f.components() * 4];
    Bn254.FQ.setOne(oneConstant, 0);
    one = f.broadcast(oneConstant);
    if (g2) {
      endoX = f.broadcast(ScalarMultiplier.psiX());
      endoY = f.broadcast(ScalarMultiplier.psiY());
    } else {
      endoX = f.broadcast(ScalarMultiplier.beta());
      endoY = null;
    }
    digits = new byte[parts * windows * capacity];
    corrections = new byte[parts * capacity];
    sharedJob = new int[capacity];
  }

  /** This thread's batch for G1 or G2 (of {@link #CAPACITY} jobs), made on first use. */
  static LaneBatch forThread(boolean g2) {
    LaneBatch[] mine = PER_THREAD.get();
    int i = g2 ? 1 : 0;
    if (mine[i] == null) {
      mine[i] = new LaneBatch(g2, CAPACITY);
    }
    return mine[i];
  }

  private long[][] table() {
    long[][] t = new long[TABLE][];
    for (int i = 0; i < TABLE; i++) {
      t[i] = f.newBatch();
    }
    return t;
  }

  /** Job b's base point: the affine point at {@code src[off..]} (all zeros, infinity, fails the job). */
  void setBase(int b, long[] src, int off) {
    int s = 4 * f.components();
    boolean infinity = true;
    for (int k = 0; k < 2 * s; k++) {
      infinity &= src[off + k] == 0;
    }
    failed[b] = infinity;
    f.load(bx, b, src, off);
    f.load(by, b, src, off + s);
  }

  /** Job b's scalar: entry {@code job} of a recoding (made for this group). */
  void setScalar(int b, Recoding r, int job) {
    for (int p = 0; p < parts; p++) {
      int from = (parts * job + p) * windows;
      for (int w = 0; w < windows; w++) {
        digits[(p * windows + w) * capacity + b] = r.digits[from + w];
      }
      corrections[p * capacity + b] = r.corrections[parts * job + p];
    }
    failed[b] |= r.general[job];
  }

  /**
   * Job b's scalar when a whole block of lanes shares it: entry {@code job} of a recoding made
   * with NAF digits. All eight lanes of a block must name the same entry, and blocks with shared
   * scalars come before those with {@link #setScalar}'s (see {@link #multiply(int, int)}).
   */
  void setSharedScalar(int b, Recoding r, int job) {
    shared = r;
    sharedJob[b] = job;
    failed[b] |= r.general[job];
  }

  /**
   * Multiplies the first n jobs' bases by their scalars; the results replace the bases, affine
   * ({@link #resultTo}). n is rounded up to whole blocks of 8 (the extra lanes compute garbage).
   */
  void multiply(int count) {
    multiply(0, count);
  }

  /**
   * {@link #multiply(int)} where the first {@code sharedLanes} jobs (a multiple of 8) have scalars
   * set by {@link #setSharedScalar} and the others by {@link #setScalar}. A run of blocks with one
   * shared scalar follows its NAF digits, skipping the zero ones: about 43 additions per G1
   * multiplication (22 per G2 part pair) instead of the regular form's 66, and no per-lane gathers.
   */
  void multiply(int sharedLanes, int count) {
    int n = roundUp(count);
    if ((sharedLanes & (LaneField.BLOCK - 1)) != 0 || sharedLanes > n) {
      throw new IllegalArgumentException("shared lanes " + sharedLanes + " are not whole blocks of the batch of " + count);
    }
    buildTables(n);
    if (sharedLanes < n) {
      regular(sharedLanes, n - sharedLanes);
    }
    for (int from = 0; from < sharedLanes; ) {
      int job = sharedJob[from];
      int end = from;
      while (end < sharedLanes && sharedJob[end] == job) {
        end++;
      }
      if ((end & (LaneField.BLOCK - 1)) != 0) {
        throw new IllegalStateException("lanes " + from + ".." + end + " share a scalar but do not fill whole blocks");
      }
      sharedRun(job, from, end - from);
      from = end;
    }
    toAffine(n);
  }

  /** Job b's result (after {@link #multiply} or {@link #combine}'s first output) in the project layout. */
  void resultTo(int b, long[] dst, int off) {
    f.store(dst, off, bx, b);
    f.store(dst, off + 4 * f.components(), by, b);
  }

  /** Job b's second butterfly output after {@link #combine}. */
  void secondTo(int b, long[] dst, int off) {
    f.store(dst, off, rx, b);
    f.store(dst, off + 4 * f.components(), ry, b);
  }

  /**
   * FFT butterflies: with a_b the current results (affine, in the base slots) and u_b the affine
   * points {@code u[uOffsets[b]]}, computes u + a ({@link #resultTo}) and u - a ({@link #secondTo}).
   */
  void combine(int count, long[] u, int[] uOffsets) {
    int n = roundUp(count);
    int s = 4 * f.components();
    for (int b = 0; b < count; b++) {
      int off = uOffsets[b];
      boolean infinity = true;
      for (int k = 0; k < 2 * s; k++) {
        infinity &= u[off + k] == 0;
      }
      failed[b] |= infinity;
      f.load(gx, b, u, off);
      f.load(gy, b, u, off + s);
    }
    f.sub(h, bx, gx, 0, n); // a.x - u.x
    for (int b = 0; b < count; b++) {
      failed[b] |= f.isZero(h, b);
    }
    f.batchInverseOrZero(h, 0, n, inverseScratch);
    // u + a: lambda = (a.y - u.y) / (a.x - u.x)
    f.sub(tmp, by, gy, 0, n);
    f.mul(rr, tmp, h, 0, n);
    // u - a: lambda' = (-a.y - u.y) / (a.x - u.x)
    f.sub(tmp, zero, by, 0, n);
    f.sub(tmp, tmp, gy, 0, n);
    f.mul(v, tmp, h, 0, n);
    affineFinish(bx, by, rr, gx, gy, n, u2); // first result into (bx, by); u2 scratch keeps a.x
    affineFinishFrom(rx, ry, v, gx, gy, u2, n);
  }

  // ------------------------------------------------------------------ internals

  /** The regular windows on lanes [from, from + n): the same doublings and additions in every lane. */
  private void regular(int from, int n) {
    gather(0, windows - 1, from, n);
    f.copy(x, gx, from, n);
    f.copy(y, gy, from, n);
    f.copy(z, one, from, n);
    for (int p = 1; p < parts; p++) {
      gather(p, windows - 1, from, n);
      addMixed(x, y, z, gx, gy, from, n, -1);
    }
    for (int w = windows - 2; w >= 0; w--) {
      for (int d = 0; d < 4; d++) {
        dbl(from, n);
      }
      for (int p = 0; p < parts; p++) {
        gather(p, w, from, n);
        addMixed(x, y, z, gx, gy, from, n, -1);
      }
    }
    for (int p = 0; p < parts; p++) {
      correct(p, from, n);
    }
  }

  /** Lanes [from, from + n), which share the scalar {@code job} of {@link #shared}: its NAF digits, zeros skipped. */
  private void sharedRun(int job, int from, int n) {
    Recoding r = shared;
    int top = -1;
    for (int p = 0; p < parts; p++) {
      top = Math.max(top, r.nafTop[parts * job + p]);
    }
    boolean started = false;
    for (int i = top; i >= 0; i--) {
      if (started) {
        dbl(from, n);
      }
      for (int p = 0; p < parts; p++) {
        int d = r.naf[(parts * job + p) * r.nafLength + i];
        if (d == 0) {
          continue;
        }
        int e = (d < 0 ? -d : d) >>> 1;
        long[] qy = d < 0 ? tny[p][e] : ty[p][e];
        if (started) {
          addMixed(x, y, z, tx[p][e], qy, from, n, -1);
        } else { // the accumulator starts as this entry
          f.copy(x, tx[p][e], from, n);
          f.copy(y, qy, from, n);
          f.copy(z, one, from, n);
          started = true;
        }
      }
    }
    if (!started) { // the scalar 0: flagged as general by the recoding; keep the lanes' values defined
      f.copy(z, zero, from, n);
      for (int b = from; b < from + n; b++) {
        failed[b] = true;
      }
    }
  }

  /** x3 = l^2 - x1 - x2, y3 = l (x1 - x3) - y1 with (x1, y1) = (px, py), x2 = the a.x in (ox); writes (ox, oy). */
  private void affineFinish(long[] ox, long[] oy, long[] l, long[] px, long[] py, int n, long[] saveX2) {
    f.copy(saveX2, ox, 0, n);
    f.square(tmp, l, 0, n);
    f.sub(tmp, tmp, px, 0, n);
    f.sub(ox, tmp, saveX2, 0, n);
    f.sub(tmp, px, ox, 0, n);
    f.mul(tmp, tmp, l, 0, n);
    f.sub(oy, tmp, py, 0, n);
  }

  private void affineFinishFrom(long[] ox, long[] oy, long[] l, long[] px, long[] py, long[] x2, int n) {
    f.square(tmp, l, 0, n);
    f.sub(tmp, tmp, px, 0, n);
    f.sub(ox, tmp, x2, 0, n);
    f.sub(tmp, px, ox, 0, n);
    f.mul(tmp, tmp, l, 0, n);
    f.sub(oy, tmp, py, 0, n);
  }

  /**
   * Odd multiples of the bases and their endomorphism images, affine, with negated y too. The
   * affine steps run in four levels, each with one batched inversion for all its denominators:
   * 2P; 3P = P + 2P and 4P; 5P, 7P = 4P + (P, 3P) and 8P; 9P .. 15P = 8P + (P .. 7P). Half the
   * inversions of a chain P, 3P, 5P, ... for two more affine steps.
   */
  private void buildTables(int n) {
    long[][] tx0 = tx[0], ty0 = ty[0];
    f.copy(tx0[0], bx, 0, n);
    f.copy(ty0[0], by, 0, n);
    // level 1: 2P into (rx, ry)
    f.add(h, by, by, 0, n);
    invert(n, h);
    affineDouble(rx, ry, bx, by, h, n);
    // level 2: 3P = P + 2P, and 4P into (x, y), free until the main loop
    f.sub(h, rx, bx, 0, n);
    f.add(hh, ry, ry, 0, n);
    invert(n, h, hh);
    affineAdd(tx0[1], ty0[1], bx, by, rx, ry, h, n);
    affineDouble(x, y, rx, ry, hh, n);
    // level 3: 5P = 4P + P, 7P = 4P + 3P, and 8P into (gx, gy), free until the first gather
    f.sub(h, x, tx0[0], 0, n);
    f.sub(hh, x, tx0[1], 0, n);
    f.add(i4, y, y, 0, n);
    invert(n, h, hh, i4);
    affineAdd(tx0[2], ty0[2], tx0[0], ty0[0], x, y, h, n);
    affineAdd(tx0[3], ty0[3], tx0[1], ty0[1], x, y, hh, n);
    affineDouble(gx, gy, x, y, i4, n);
    // level 4: 9P, 11P, 13P, 15P = 8P + P, 3P, 5P, 7P
    long[][] inverses = {h, hh, i4, j};
    for (int i = 0; i < 4; i++) {
      f.sub(inverses[i], gx, tx0[i], 0, n);
    }
    invert(n, inverses);
    for (int i = 0; i < 4; i++) {
      affineAdd(tx0[4 + i], ty0[4 + i], tx0[i], ty0[i], gx, gy, inverses[i], n);
    }
    for (int i = 0; i < TABLE; i++) {
      f.sub(tny[0][i], zero, ty0[i], 0, n);
      for (int p = 1; p < parts; p++) { // part p's table is the endomorphism of part p - 1's
        if (g2) { // psi(x, y) = (conj(x) cx, conj(y) cy)
          f.conjugate(tmp, tx[p - 1][i], 0, n);
          f.mul(tx[p][i], tmp, endoX, 0, n);
          f.conjugate(tmp, ty[p - 1][i], 0, n);
          f.mul(ty[p][i], tmp, endoY, 0, n);
          f.sub(tny[p][i], zero, ty[p][i], 0, n);
        } else { // phi(x, y) = (beta x, y)
          f.mul(tx[p][i], tx[p - 1][i], endoX, 0, n);
          f.copy(ty[p][i], ty[p - 1][i], 0, n);
          f.copy(tny[p][i], tny[p - 1][i], 0, n);
        }
      }
    }
  }


  /** (ox, oy) = (x1, y1) + (x2, y2) in affine form, with inv = 1 / (x2 - x1); ox must be neither input. */
  private void affineAdd(long[] ox, long[] oy, long[] x1, long[] y1, long[] x2, long[] y2, long[] inv, int n) {
    f.sub(tmp, y2, y1, 0, n);
    f.mul(rr, tmp, inv, 0, n); // lambda
    finishStep(ox, oy, x1, y1, x2, n);
  }

  /** (ox, oy) = 2 (x1, y1) in affine form, with inv = 1 / (2 y1); ox must not be x1. */
  private void affineDouble(long[] ox, long[] oy, long[] x1, long[] y1, long[] inv, int n) {
    f.square(tmp, x1, 0, n);
    f.add(v, tmp, tmp, 0, n);
    f.add(tmp, v, tmp, 0, n);
    f.mul(rr, tmp, inv, 0, n); // lambda = 3 x^2 / 2y
    finishStep(ox, oy, x1, y1, x1, n);
  }

  /** With lambda in rr: ox = lambda^2 - x1 - x2, oy = lambda (x1 - ox) - y1. */
  private void finishStep(long[] ox, long[] oy, long[] x1, long[] y1, long[] x2, int n) {
    f.square(tmp, rr, 0, n);
    f.sub(tmp, tmp, x1, 0, n);
    f.sub(ox, tmp, x2, 0, n);
    f.sub(tmp, x1, ox, 0, n);
    f.mul(tmp, tmp, rr, 0, n);
    f.sub(oy, tmp, y1, 0, n);
  }

  /** Inverts the first n elements of each vector (zeros stay zero) with one batched inversion. */
  private void invert(int n, long[]... vectors) {
    if (vectors.length == 1) {
      f.batchInverseOrZero(vectors[0], 0, n, inverseScratch);
      return;
    }
    int c = f.components(), wide = levels.capacity();
    for (int g = 0; g < vectors.length; g++) {
      for (int k = 0; k < c; k++) {
        LaneField.copy(levelValues, k * wide + g * n, vectors[g], k * capacity, n);
      }
    }
    levels.batchInverseOrZero(levelValues, 0, vectors.length * n, levelScratch);
    for (int g = 0; g < vectors.length; g++) {
      for (int k = 0; k < c; k++) {
        LaneField.copy(vectors[g], k * capacity, levelValues, k * wide + g * n, n);
      }
    }
  }

  /** (gx, gy) = the table entries named by part p's digits in window w, lanes [from, from + n). */
  private void gather(int p, int w, int from, int n) {
    long[][] x = tx[p], y = ty[p], ny = tny[p];
    int base = (p * windows + w) * capacity;
    for (int b = from; b < from + n; b++) {
      int d = digits[base + b];
      int e = (d < 0 ? -d : d) >>> 1;
      f.copy(gx, b, x[e], b);
      f.copy(gy, b, d < 0 ? ny[e] : y[e], b);
    }
  }

  /** Masked additions of part p's correction (+-1 times its base): only lanes with one take the result. */
  private void correct(int p, int from, int n) {
    boolean any = false;
    int base = p * capacity;
    for (int b = from; b < from + n; b++) {
      int c = corrections[base + b];
      any |= c != 0;
      f.copy(gx, b, tx[p][0], b);
      f.copy(gy, b, c < 0 ? tny[p][0] : ty[p][0], b);
    }
    if (!any) {
      return;
    }
    f.copy(rx, x, from, n);
    f.copy(ry, y, from, n);
    f.copy(rz, z, from, n);
    addMixed(rx, ry, rz, gx, gy, from, n, base);
    for (int b = from; b < from + n; b++) {
      if (corrections[base + b] != 0) {
        f.copy(x, b, rx, b);
        f.copy(y, b, ry, b);
        f.copy(z, b, rz, b);
      }
    }
  }

  /**
   * (px, py, pz) += (qx, qy) on lanes [from, from + n), madd-2007-bl; lanes with H = 0 (exceptions)
   * are flagged, only those with a correction of part {@code maskBase / capacity} when
   * {@code maskBase} is not -1.
   */
  private void addMixed(long[] px, long[] py, long[] pz, long[] qx, long[] qy, int from, int n, int maskBase) {
    f.square(zz, pz, from, n); // Z1Z1
    f.mul(u2, qx, zz, from, n); // U2
    f.mul(s2, qy, pz, from, n);
    f.mul(s2, s2, zz, from, n); // S2
    f.sub(h, u2, px, from, n); // H
    for (int b = from; b < from + n; b++) {
      if ((maskBase < 0 || corrections[maskBase + b] != 0) && f.isZero(h, b)) {
        failed[b] = true;
      }
    }
    f.square(hh, h, from, n);
    f.add(i4, hh, hh, from, n);
    f.add(i4, i4, i4, from, n); // I = 4 HH
    f.mul(j, h, i4, from, n); // J
    f.sub(rr, s2, py, from, n);
    f.add(rr, rr, rr, from, n); // r
    f.mul(v, px, i4, from, n); // V
    f.add(tmp, pz, h, from, n);
    f.square(tmp, tmp, from, n);
    f.sub(tmp, tmp, zz, from, n);
    f.sub(pz, tmp, hh, from, n); // Z3
    f.square(tmp, rr, from, n);
    f.sub(tmp, tmp, j, from, n);
    f.sub(tmp, tmp, v, from, n);
    f.sub(px, tmp, v, from, n); // X3
    f.sub(tmp, v, px, from, n);
    f.mul(tmp, tmp, rr, from, n);
    f.mul(j, py, j, from, n);
    f.add(j, j, j, from, n);
    f.sub(py, tmp, j, from, n); // Y3
  }

  /** (x, y, z) doubled in place on lanes [from, from + n), dbl-2009-l with D = 4XB. */
  private void dbl(int from, int n) {
    long[] a = zz, b = u2, c = s2, d = h, e = hh, t = tmp;
    f.square(a, x, from, n);
    f.square(b, y, from, n);
    f.square(c, b, from, n);
    f.mul(t, x, b, from, n);
    f.add(d, t, t, from, n);
    f.add(d, d, d, from, n); // D = 4 X B, one product where 2((X + B)^2 - A - C) takes four more additions
    f.add(e, a, a, from, n);
    f.add(e, e, a, from, n); // E = 3A
    f.mul(z, y, z, from, n);
    f.add(z, z, z, from, n); // Z3 = 2 Y1 Z1 (before Y changes)
    f.square(t, e, from, n); // F
    f.add(j, d, d, from, n);
    f.sub(x, t, j, from, n); // X3 = F - 2D
    f.sub(t, d, x, from, n);
    f.mul(t, e, t, from, n);
    f.add(c, c, c, from, n);
    f.add(c, c, c, from, n);
    f.add(c, c, c, from, n); // 8C
    f.sub(y, t, c, from, n); // Y3
  }

  /** The accumulators to affine form, into the base slots. */
  private void toAffine(int n) {
    f.copy(h, z, 0, n);
    for (int b = 0; b < n; b++) {
      failed[b] |= f.isZero(h, b);
    }
    f.batchInverseOrZero(h, 0, n, inverseScratch);
    f.square(tmp, h, 0, n);
    f.mul(bx, x, tmp, 0, n);
    f.mul(tmp, tmp, h, 0, n);
    f.mul(by, y, tmp, 0, n);
  }


  private static int roundUp(int n) {
    return (n + LaneField.BLOCK - 1) & -LaneField.BLOCK;
  }
}
