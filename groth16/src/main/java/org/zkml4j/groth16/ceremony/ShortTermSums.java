package org.zkml4j.groth16.ceremony;

import java.util.Arrays;
import org.zkml4j.math.curve.CoordinateField;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.field.Bn254;

/**
 * Many sums of terms value * base at once, for values that are short signed integers
 * (|value| &lt; 2^{@link #SHORT_BITS}): circuit setup's sparse sums, whose coefficients are mostly
 * 1, -1 and quantized weights times powers of two.
 *
 * <p>Each sum is evaluated by Horner's rule over its values' non-adjacent forms: one doubling per
 * bit of its longest value and one addition per non-zero digit, where adding term by term (one
 * scalar multiplication each) pays the doublings again for every term. All sums of a batch
 * advance together in affine coordinates, so the doublings of a step, and its additions (one per
 * sum and round), share one batched field inversion (Montgomery's trick): about six field
 * multiplications per operation, against eleven for a mixed Jacobian addition. A sum with many
 * terms is split into chunks of {@link #CHUNK} terms with an accumulator each, so that one long
 * sum does not leave a step with a single addition; the chunks meet in the caller's Jacobian
 * accumulator at {@link #addTo}.
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

  private final CurveGroup group;
  private final CoordinateField f;
  private final boolean fq;
  private final int s, a;

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
  private int[] accStart = new int[65], accOutput = new int[64], cursor = new int[64];
  private boolean[] started = new boolean[64];
  private long[] acc;

  /** One step's inversions: denominators, the accumulator and term of each, Montgomery scratch. */
  private int[] slotAcc = new int[64], slotTerm = new int[64];
  private boolean[] slotMinus = new boolean[64];
  private long[] denominators, scratch;
  private final long[] t, jac;

  ShortTermSums(CurveGroup group) {
    this.group = group;
    this.f = group.coordinates();
    this.s = f.size();
    this.fq = s == 4;
    this.a = group.affineSize();
    this.acc = new long[64 * a];
    this.denominators = new long[64 * s];
    this.scratch = new long[64 * s];
    this.t = new long[4 * s];
    this.jac = new long[group.jacobianSize()];
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
      for (int v = 0; v < accs; v++) {
        if (started[v]) {
          group.addMixed(out, accOutput[v] * js, out, accOutput[v] * js, acc, v * a);
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
      cursor = new int[n];
      started = new boolean[n];
      acc = new long[n * a];
      slotAcc = new int[n];
      slotTerm = new int[n];
      slotMinus = new boolean[n];
      denominators = new long[n * s];
      scratch = new long[n * s];
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
    Arrays.fill(started, 0, accs, false);
    int top = 63 - Long.numberOfLeadingZeros(allDigits);
    for (int level = top; level >= 0; level--) {
      if (level < top) {
        doubleAll();
      }
      long bit = 1L << level;
      System.arraycopy(accStart, 0, cursor, 0, accs);
      // rounds: each takes the next term with a digit at this level from every accumulator
      boolean more = true;
      while (more) {
        more = false;
        int n = 0;
        for (int v = 0; v < accs; v++) {
          int c = cursor[v], end = accStart[v + 1];
          while (c < end && ((termPlus[c] | termMinus[c]) & bit) == 0) {
            c++;
          }
          if (c < end) {
            more = true;
            if (prepareAddition(v, c, (termMinus[c] & bit) != 0, n)) {
              n++;
            }
            c++;
          }
          cursor[v] = c;
        }
        finishAdditions(n);
      }
    }
  }

  /**
   * Starts acc[v] += (minus ? -1 : 1) * base of term c: returns true if it takes inversion slot n
   * (else it is already done).
   */
  private boolean prepareAddition(int v, int c, boolean minus, int n) {
    long[] bases = baseArrays[termArray[c]];
    int po = termOffset[c], ao = v * a;
    if (!started[v]) {
      f.copy(acc, ao, bases, po);
      if (minus) {
        f.neg(acc, ao + s, bases, po + s);
      } else {
        f.copy(acc, ao + s, bases, po + s);
      }
      started[v] = true;
      return false;
    }
    f.sub(denominators, n * s, bases, po, acc, ao);
    if (f.isZero(denominators, n * s)) {
      // the same x: the accumulator is the base (double it) or its negative (the sum is zero)
      int y = 0;
      if (minus) {
        f.neg(t, y, bases, po + s);
      } else {
        f.copy(t, y, bases, po + s);
      }
      if (f.equal(t, y, acc, ao + s)) {
        group.fromAffine(jac, 0, acc, ao);
        group.dbl(jac, 0, jac, 0);
        group.toAffine(acc, ao, jac, 0);
      } else {
        started[v] = false;
      }
      return false;
    }
    slotAcc[n] = v;
    slotTerm[n] = c;
    slotMinus[n] = minus;
    return true;
  }

  private void finishAdditions(int n) {
    if (n == 0) {
      return;
    }
    invert(n);
    int lambda = 0, y = s, x3 = 2 * s;
    for (int i = 0; i < n; i++) {
      long[] bases = baseArrays[termArray[slotTerm[i]]];
      int po = termOffset[slotTerm[i]], ao = slotAcc[i] * a;
      if (slotMinus[i]) {
        f.neg(t, y, bases, po + s);
      } else {
        f.copy(t, y, bases, po + s);
      }
      f.sub(t, lambda, t, y, acc, ao + s);
      f.mul(t, lambda, t, lambda, denominators, i * s); // (y2 - y1) / (x2 - x1)
      f.square(t, x3, t, lambda);
      f.sub(t, x3, t, x3, acc, ao);
      f.sub(t, x3, t, x3, bases, po); // x3 = lambda^2 - x1 - x2
      f.sub(t, y, acc, ao, t, x3);
      f.mul(t, y, t, y, t, lambda);
      f.sub(acc, ao + s, t, y, acc, ao + s); // y3 = lambda (x1 - x3) - y1
      f.copy(acc, ao, t, x3);
    }
  }

  /** acc[v] = 2 acc[v] for every started accumulator (y is never zero: the groups have odd order). */
  private void doubleAll() {
    int n = 0;
    for (int v = 0; v < accs; v++) {
      if (started[v]) {
        f.dbl(denominators, n * s, acc, v * a + s);
        slotAcc[n++] = v;
      }
    }
    if (n == 0) {
      return;
    }
    invert(n);
    int lambda = 0, y = s, x3 = 2 * s, x2 = 3 * s;
    for (int i = 0; i < n; i++) {
      int ao = slotAcc[i] * a;
      f.square(t, x2, acc, ao);
      f.dbl(t, lambda, t, x2);
      f.add(t, lambda, t, lambda, t, x2);
      f.mul(t, lambda, t, lambda, denominators, i * s); // 3 x^2 / (2 y)
      f.square(t, x3, t, lambda);
      f.sub(t, x3, t, x3, acc, ao);
      f.sub(t, x3, t, x3, acc, ao); // x3 = lambda^2 - 2 x
      f.sub(t, y, acc, ao, t, x3);
      f.mul(t, y, t, y, t, lambda);
      f.sub(acc, ao + s, t, y, acc, ao + s); // y3 = lambda (x - x3) - y
      f.copy(acc, ao, t, x3);
    }
  }

  private void invert(int n) {
    if (fq) {
      Bn254.FQ.batchInverseVartime(denominators, 0, n, scratch);
    } else {
      f.batchInverse(denominators, 0, n, scratch);
    }
  }
}
