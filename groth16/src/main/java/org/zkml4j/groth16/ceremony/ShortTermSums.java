package org.zkml4j.groth16.ceremony;

import java.util.Arrays;
import org.zkml4j.math.curve.CoordinateField;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.LaneCoordinates;
import org.zkml4j.math.field.LaneField;

/**
 * Many sums of terms value * base at once, for values that are short signed integers
 * (|value| &lt; 2^{@link #SHORT_BITS}): circuit setup's sparse sums, whose coefficients are mostly
 * 1, -1 and quantized weights times powers of two.
 *
 * <p>Each sum is evaluated by Horner's rule over its values' non-adjacent forms: one doubling per
 * bit of its longest value and one addition per non-zero digit, where adding term by term (one
 * scalar multiplication each) pays the doublings again for every term. All sums of a batch
 * advance together in affine coordinates, eight lanes wide ({@link LaneCoordinates}): the
 * doublings of a step, and its additions (one per sum and round), share one batched inversion
 * (Montgomery's trick), about six lane products per operation. Accumulators are kept in lanes,
 * sorted by their first digit's level, so that those already started form a prefix that the
 * doublings cover; lanes not started hold a multiple of the generator (never of order two), so
 * that no denominator is zero. A sum with many terms is split into chunks of {@link #CHUNK} terms
 * with an accumulator each, so that one long sum does not leave a round with a single addition;
 * the chunks meet in the caller's Jacobian accumulator at {@link #addTo}.
 *
 * <p>An addition whose accumulator equals the base or its negative is done on its own with the
 * general formulas; terms whose base is the point at infinity add nothing. The bases are public
 * (setup's Lagrange bases), so the inversions may take variable time. One instance per thread;
 * it keeps its arrays from batch to batch.
 */
final class ShortTermSums {
  /** Values must be below 2^SHORT_BITS in absolute value: their non-adjacent form fits a long. */
  static final int SHORT_BITS = 60;
  /** Terms per accumulator: enough to share the doublings, few enough to keep every round wide. */
  private static final int CHUNK = 16;
  private static final int LANES = LaneField.BLOCK;

  private final CurveGroup group;
  private final CoordinateField f;
  private final boolean g2;
  private final int s, a;
  /** The generator and its double, affine: what idle lanes hold. */
  private final long[] generator, twice;

  /** The distinct base arrays of the queued terms (setup uses at most three per sum). */
  private long[][] baseArrays = new long[4][];
  private int baseArrayCount;

  private int terms;
  private int[] termArray = new int[256], termOffset = new int[256];
  /** The non-adjacent form of each term's value: bits of digit +1, bits of digit -1. */
  private long[] termPlus = new long[256], termMinus = new long[256];
  private long allDigits;

  private int accs;
  /** Accumulator v sums terms accStart[v] .. accStart[v + 1] - 1 for output accOutput[v]. */
  private int[] accStart = new int[65], accOutput = new int[64];
  /** Per lane: its accumulator, where its next term search starts, whether it holds a partial sum. */
  private int[] laneAcc = new int[64], cursor = new int[64];
  private boolean[] started = new boolean[64];
  /** Per slot of a round: the lane it adds to (-1: padding or done apart). */
  private int[] slotLane = new int[64];
  private final int[] levelCount = new int[65];

  private LaneCoordinates lanes;
  private int cap;
  /** Accumulators (x, y by lane); a round's accumulators and bases (by slot); products; idle values. */
  private long[] ax, ay, sx, sy, px, py, den, num, lambda, x3, scratch, gx, gy, hx, hy;
  private final long[] point, jac;

  ShortTermSums(CurveGroup group) {
    this.group = group;
    this.f = group.coordinates();
    this.s = f.size();
    this.g2 = s == 8;
    this.a = group.affineSize();
    this.generator = group.generator();
    this.jac = new long[group.jacobianSize()];
    this.twice = new long[a];
    group.fromAffine(jac, 0, generator, 0);
    group.dbl(jac, 0, jac, 0);
    group.toAffine(twice, 0, jac, 0);
    this.point = new long[a];
  }

  /**
   * Queues value * (the affine point at bases[offset..]) for sum {@code output}. Terms of one sum
   * are best added one after another (each interruption starts a new accumulator).
   */
  void add(int output, long[] bases, int offset, long value) {
    if (value == 0 || group.isInfinityAffine(bases, offset)) {
      return;
    }
    long m = Math.abs(value);
    if (m >>> SHORT_BITS != 0) {
      throw new IllegalArgumentException("value " + value + " is not below 2^" + SHORT_BITS);
    }
    if (accs == 0 || accOutput[accs - 1] != output || terms - accStart[accs - 1] == CHUNK) {
      startAccumulator(output);
    }
    if (terms == termArray.length) {
      int n = 2 * terms;
      termArray = Arrays.copyOf(termArray, n);
      termOffset = Arrays.copyOf(termOffset, n);
      termPlus = Arrays.copyOf(termPlus, n);
      termMinus = Arrays.copyOf(termMinus, n);
    }
    // non-adjacent form: m = plus - minus with no two adjacent non-zero digits
    long half = m >>> 1, three = m + half, changed = half ^ three;
    long plus = three & changed, minus = half & changed;
    termArray[terms] = arrayIndex(bases);
    termOffset[terms] = offset;
    termPlus[terms] = value > 0 ? plus : minus;
    termMinus[terms] = value > 0 ? minus : plus;
    allDigits |= plus | minus;
    terms++;
    accStart[accs] = terms;
  }

  /** Adds each queued sum to its Jacobian accumulator {@code jac[output * jacobianSize ..]}, and empties the queue. */
  void addTo(long[] out) {
    if (accs > 0) {
      evaluate();
      int js = group.jacobianSize();
      for (int i = 0; i < accs; i++) {
        if (started[i]) {
          int o = accOutput[laneAcc[i]] * js;
          lanes.store(point, 0, ax, i);
          lanes.store(point, s, ay, i);
          group.addMixed(out, o, out, o, point, 0);
        }
      }
    }
    Arrays.fill(baseArrays, 0, baseArrayCount, null);
    baseArrayCount = 0;
    terms = 0;
    accs = 0;
    allDigits = 0;
  }

  private void startAccumulator(int output) {
    if (accs == accOutput.length) {
      int n = 2 * accs;
      accOutput = Arrays.copyOf(accOutput, n);
      accStart = Arrays.copyOf(accStart, n + 1);
    }
    accOutput[accs] = output;
    accStart[accs] = terms;
    accs++;
    accStart[accs] = terms;
  }

  private int arrayIndex(long[] bases) {
    for (int i = 0; i < baseArrayCount; i++) {
      if (baseArrays[i] == bases) {
        return i;
      }
    }
    if (baseArrayCount == baseArrays.length) {
      baseArrays = Arrays.copyOf(baseArrays, 2 * baseArrayCount);
    }
    baseArrays[baseArrayCount] = bases;
    return baseArrayCount++;
  }

  /** Horner's rule from the top digit down, every accumulator at once. */
  private void evaluate() {
    int top = 63 - Long.numberOfLeadingZeros(allDigits);
    sortByTopLevel(top);
    int n = (accs + LANES - 1) / LANES * LANES;
    ensureCapacity(n);
    lanes.copy(ax, gx, 0, n);
    lanes.copy(ay, gy, 0, n);
    Arrays.fill(started, 0, n, false);
    int startedBefore = 0;
    for (int level = top; level >= 0; level--) {
      if (startedBefore > 0) {
        doubleAll((startedBefore + LANES - 1) / LANES * LANES);
      }
      startedBefore += levelCount[level];
      long bit = 1L << level;
      for (int i = 0; i < accs; i++) {
        cursor[i] = accStart[laneAcc[i]];
      }
      // rounds: each takes the next term with a digit at this level from every accumulator
      boolean more = true;
      while (more) {
        more = false;
        int slots = 0;
        for (int i = 0; i < accs; i++) {
          int c = cursor[i], end = accStart[laneAcc[i] + 1];
          while (c < end && ((termPlus[c] | termMinus[c]) & bit) == 0) {
            c++;
          }
          if (c < end) {
            more = true;
            if (gather(i, c, (termMinus[c] & bit) != 0, slots)) {
              slots++;
            }
            c++;
          }
          cursor[i] = c;
        }
        if (slots > 0) {
          addGathered(slots);
        }
      }
    }
  }

  /** Orders the lanes by the level of their accumulator's first digit, highest first; levelCount per level. */
  private void sortByTopLevel(int top) {
    if (laneAcc.length < accs) {
      int n = Math.max(accs, 2 * laneAcc.length);
      laneAcc = new int[n];
      cursor = new int[n];
    }
    int[] level = cursor; // scratch until the rounds use it
    Arrays.fill(levelCount, 0);
    for (int v = 0; v < accs; v++) {
      long digits = 0;
      for (int c = accStart[v]; c < accStart[v + 1]; c++) {
        digits |= termPlus[c] | termMinus[c];
      }
      level[v] = 63 - Long.numberOfLeadingZeros(digits);
      levelCount[level[v]]++;
    }
    int[] next = new int[top + 2];
    for (int l = top - 1; l >= 0; l--) {
      next[l] = next[l + 1] + levelCount[l + 1];
    }
    for (int v = 0; v < accs; v++) {
      laneAcc[next[level[v]]++] = v;
    }
  }

  private void ensureCapacity(int n) {
    if (n <= cap) {
      return;
    }
    cap = Math.max(n, 2 * cap);
    lanes = g2 ? LaneCoordinates.fq2(cap) : LaneCoordinates.fq(cap);
    ax = lanes.newBatch();
    ay = lanes.newBatch();
    sx = lanes.newBatch();
    sy = lanes.newBatch();
    px = lanes.newBatch();
    py = lanes.newBatch();
    den = lanes.newBatch();
    num = lanes.newBatch();
    lambda = lanes.newBatch();
    x3 = lanes.newBatch();
    scratch = lanes.newBatch();
    gx = broadcast(generator, 0);
    gy = broadcast(generator, s);
    hx = broadcast(twice, 0);
    hy = broadcast(twice, s);
    started = new boolean[cap];
    slotLane = new int[cap];
  }

  private long[] broadcast(long[] p, int offset) {
    return lanes.broadcast(Arrays.copyOfRange(p, offset, offset + s));
  }

  /**
   * Queues lane i's accumulator plus (minus ? -1 : 1) * the base of term c in slot n; returns
   * false if the lane was idle and simply takes the term.
   */
  private boolean gather(int i, int c, boolean minus, int n) {
    long[] bases = baseArrays[termArray[c]];
    int po = termOffset[c];
    long[] y = bases;
    int yo = po + s;
    if (minus) {
      f.neg(point, s, bases, po + s);
      y = point;
      yo = s;
    }
    if (!started[i]) {
      lanes.load(ax, i, bases, po);
      lanes.load(ay, i, y, yo);
      started[i] = true;
      return false;
    }
    lanes.copy(sx, n, ax, i);
    lanes.copy(sy, n, ay, i);
    lanes.load(px, n, bases, po);
    lanes.load(py, n, y, yo);
    slotLane[n] = i;
    return true;
  }

  /** The gathered slots' affine additions, with one batched inversion. */
  private void addGathered(int slots) {
    int n = (slots + LANES - 1) / LANES * LANES;
    // padding: the generator plus its double, whose result nobody reads
    lanes.copy(sx, gx, slots, n - slots);
    lanes.copy(sy, gy, slots, n - slots);
    lanes.copy(px, hx, slots, n - slots);
    lanes.copy(py, hy, slots, n - slots);
    lanes.sub(den, px, sx, 0, n);
    lanes.sub(num, py, sy, 0, n);
    for (int k = 0; k < slots; k++) {
      if (lanes.isZero(den, k)) {
        addApart(k);
      }
    }
    lanes.batchInverse(den, 0, n, scratch);
    lanes.mul(lambda, num, den, 0, n); // (y2 - y1) / (x2 - x1)
    lanes.square(x3, lambda, 0, n);
    lanes.sub(x3, x3, sx, 0, n);
    lanes.sub(x3, x3, px, 0, n); // x3 = lambda^2 - x1 - x2
    lanes.sub(num, sx, x3, 0, n);
    lanes.mul(num, num, lambda, 0, n);
    lanes.sub(num, num, sy, 0, n); // y3 = lambda (x1 - x3) - y1
    for (int k = 0; k < slots; k++) {
      int i = slotLane[k];
      if (i >= 0) {
        lanes.copy(ax, i, x3, k);
        lanes.copy(ay, i, num, k);
      }
    }
  }

  /**
   * Slot k adds a point with the accumulator's x: it doubles the accumulator (the same point) or
   * empties it (the negative). Done here in scalar code; the slot becomes padding.
   */
  private void addApart(int k) {
    int i = slotLane[k];
    if (lanes.isZero(num, k)) {
      lanes.store(point, 0, ax, i);
      lanes.store(point, s, ay, i);
      group.fromAffine(jac, 0, point, 0);
      group.dbl(jac, 0, jac, 0);
      group.toAffine(point, 0, jac, 0);
      lanes.load(ax, i, point, 0);
      lanes.load(ay, i, point, s);
    } else {
      started[i] = false;
      lanes.copy(ax, i, gx, 0);
      lanes.copy(ay, i, gy, 0);
    }
    slotLane[k] = -1;
    lanes.setOne(den, k);
  }

  /** Doubles lanes [0, n): the started accumulators and perhaps some idle ones (y is never zero). */
  private void doubleAll(int n) {
    lanes.add(den, ay, ay, 0, n);
    lanes.batchInverse(den, 0, n, scratch);
    lanes.square(num, ax, 0, n);
    lanes.add(lambda, num, num, 0, n);
    lanes.add(lambda, lambda, num, 0, n);
    lanes.mul(lambda, lambda, den, 0, n); // 3 x^2 / (2 y)
    lanes.square(x3, lambda, 0, n);
    lanes.sub(x3, x3, ax, 0, n);
    lanes.sub(x3, x3, ax, 0, n); // x3 = lambda^2 - 2 x
    lanes.sub(num, ax, x3, 0, n);
    lanes.mul(num, num, lambda, 0, n);
    lanes.sub(ay, num, ay, 0, n); // y3 = lambda (x - x3) - y
    lanes.copy(ax, x3, 0, n);
  }
}
