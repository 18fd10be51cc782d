package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Adds terms coefficient * base to Jacobian accumulators, choosing the cheapest way per term:
 * coefficients 0, 1 and -1 at once (nothing, or one mixed addition), short ones (and short
 * negatives) with the scalar {@link ScalarMultiplier}, whose cost follows the scalar's length, and
 * full-length ones queued for {@link LaneBatch}, which multiplies {@link LaneBatch#CAPACITY} of them
 * eight lanes wide (about four times the scalar code's throughput) before their products are added.
 * Circuit setup's sparse sums are mostly such full-length terms (hash constants, Lagrange
 * coefficients of gadgets).
 *
 * <p>Queued terms reach their accumulators only at {@link #flush} (or when the queue fills), so
 * callers flush before reading the accumulators. One instance per thread.
 */
final class LaneTerms {
  /** Scalars up to this many bits (or r minus them) go through the scalar code. */
  private static final int SHORT_BITS = 40;
  private static final long[] ONE = Bn254.FR.element(1);
  private static final long[] MINUS_ONE = Bn254.FR.element(-1);

  private final CurveGroup group;
  private final ScalarMultiplier mul;
  private final LaneBatch batch;
  private final Recoding recoding;
  private final int a;
  /** Per queued term: its accumulator offset, and its base and scalar (for the rare fallback). */
  private final int[] accumulators = new int[LaneBatch.CAPACITY];
  private final long[] bases, scalars = new long[4 * LaneBatch.CAPACITY];
  private final long[] products, tmp, neg;
  private long[] target;
  private int queued;

  LaneTerms(CurveGroup group) {
    this.group = group;
    boolean g2 = group instanceof G2;
    this.mul = ScalarMultiplier.of(group);
    this.batch = LaneBatch.forThread(g2);
    this.recoding = new Recoding(LaneBatch.CAPACITY, g2);
    this.a = group.affineSize();
    this.bases = new long[LaneBatch.CAPACITY * a];
    this.products = new long[LaneBatch.CAPACITY * a];
    this.tmp = new long[group.jacobianSize()];
    this.neg = new long[a];
  }

  /** jac[acc..] += coef[co..] (Fr, Montgomery form) * the affine point bases[bo..]. */
  void add(long[] jac, int acc, long[] base, int bo, long[] coef, int co) {
    if (PrimeField.equal(coef, co, ONE, 0)) {
      group.addMixed(jac, acc, jac, acc, base, bo);
    } else if (PrimeField.equal(coef, co, MINUS_ONE, 0)) {
      group.negAffine(neg, 0, base, bo);
      group.addMixed(jac, acc, jac, acc, neg, 0);
    } else if (Bn254.FR.isZero(coef, co)) {
      return;
    } else if (isShort(coef, co)) {
      mul.multiplyAffine(tmp, 0, base, bo, coef, co);
      group.add(jac, acc, jac, acc, tmp, 0);
    } else {
      if (target != jac) {
        flush(target);
        target = jac;
      }
      int k = queued++;
      accumulators[k] = acc;
      System.arraycopy(base, bo, bases, k * a, a);
      PrimeField.copy(scalars, 4 * k, coef, co);
      if (queued == LaneBatch.CAPACITY) {
        flush(jac);
      }
    }
  }

  /** Multiplies the queued terms and adds them to their accumulators in {@code jac}. */
  void flush(long[] jac) {
    if (queued == 0) {
      return;
    }
    for (int k = 0; k < queued; k++) {
      recoding.set(k, scalars, 4 * k);
      batch.setBase(k, bases, k * a);
      batch.setScalar(k, recoding, k);
    }
    batch.multiply(queued);
    for (int k = 0; k < queued; k++) {
      if (batch.failed[k]) {
        mul.multiplyAffine(tmp, 0, bases, k * a, scalars, 4 * k);
        group.add(jac, accumulators[k], jac, accumulators[k], tmp, 0);
      } else {
        batch.resultTo(k, products, k * a);
        group.addMixed(jac, accumulators[k], jac, accumulators[k], products, k * a);
      }
    }
    queued = 0;
  }

  private static boolean isShort(long[] coef, int co) {
    BigInteger v = ScalarMultiplier.plain(coef, co);
    return v.bitLength() <= SHORT_BITS || Bn254.R_MODULUS.subtract(v).bitLength() <= SHORT_BITS;
  }
}
