package org.zkml4j.groth16.ceremony;

import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.PrimeField;

/**
 * Adds terms coefficient * base to Jacobian accumulators, queued for {@link LaneBatch}, which
 * multiplies {@link LaneBatch#CAPACITY} of them eight lanes wide (about four times the scalar
 * code's throughput) before their products are added; the rare job a batch flags (a base at
 * infinity, a zero scalar) is redone with {@link ScalarMultiplier}. Circuit setup sends here its
 * full-length coefficients (hash constants, Lagrange coefficients of gadgets); short ones are
 * cheaper in {@link ShortTermSums}.
 *
 * <p>Queued terms reach their accumulators only at {@link #flush} (or when the queue fills), so
 * callers flush before reading the accumulators. One instance per thread.
 */
final class LaneTerms {
  private final CurveGroup group;
  private final ScalarMultiplier mul;
  private final LaneBatch batch;
  private final Recoding recoding;
  private final int a;
  /** Per queued term: its accumulator offset, and its base and scalar (for the rare fallback). */
  private final int[] accumulators = new int[LaneBatch.CAPACITY];
  private final long[] bases, scalars = new long[4 * LaneBatch.CAPACITY];
  private final long[] products, tmp;
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
  }

  /** jac[acc..] += coef[co..] (Fr, Montgomery form) * the affine point bases[bo..], once flushed. */
  void add(long[] jac, int acc, long[] base, int bo, long[] coef, int co) {
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
}
