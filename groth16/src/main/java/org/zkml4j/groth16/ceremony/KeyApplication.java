package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import java.util.function.Supplier;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Multiplies point i of a section by first * inc^i: how a contribution folds its secrets into the
 * accumulator (snarkjs's {@code batchApplyKey}), and how a phase-2 contribution divides the C and H
 * queries by delta. Chunks run in parallel, each starting from first * inc^from, in batches of
 * {@link LaneBatch#CAPACITY} lane-wide multiplications; the rare job a batch flags (a point at
 * infinity, a zero scalar) is redone with {@link ScalarMultiplier}. When inc is 1 (phase 2: every
 * point times 1/delta) the lanes share one scalar and follow its NAF digits
 * ({@link LaneBatch#setSharedScalar}): about 43 additions per G1 point instead of 66, and no
 * per-lane table gathers.
 */
final class KeyApplication {
  private static final PrimeField FR = Bn254.FR;
  private static final long[] ONE = FR.element(1);

  private KeyApplication() {}

  /**
   * A new array with point i of {@code points} (n affine points) times first * inc^i.
   *
   * @param first, inc Fr elements in Montgomery form (4 longs)
   */
  static long[] apply(Supplier<CurveGroup> groups, long[] points, int n, long[] first, long[] inc,
      Parallelism parallelism, ProgressCounter progress) {
    boolean g2 = groups.get() instanceof G2;
    int a = g2 ? 16 : 8;
    long[] out = new long[n * a];
    Recoding shared = null;
    if (PrimeField.equal(inc, 0, ONE, 0)) {
      shared = new Recoding(1, g2, true);
      shared.set(0, first, 0);
    }
    Recoding sharedScalar = shared;
    parallelism.forRange(n, LaneBatch.CAPACITY, (from, to) -> {
      LaneBatch batch = LaneBatch.forThread(g2);
      Recoding recoding = sharedScalar == null ? new Recoding(LaneBatch.CAPACITY, g2) : null;
      long[] scalars = new long[4 * LaneBatch.CAPACITY];
      long[] t = new long[4];
      FR.pow(t, 0, inc, 0, BigInteger.valueOf(from));
      FR.mul(t, 0, t, 0, first, 0);
      for (int start = from; start < to; start += LaneBatch.CAPACITY) {
        int m = Math.min(LaneBatch.CAPACITY, to - start);
        for (int k = 0; k < m; k++) {
          PrimeField.copy(scalars, 4 * k, t, 0);
          batch.setBase(k, points, (start + k) * a);
          if (sharedScalar != null) {
            batch.setSharedScalar(k, sharedScalar, 0);
          } else {
            recoding.set(k, t, 0);
            batch.setScalar(k, recoding, k);
            FR.mul(t, 0, t, 0, inc, 0);
          }
        }
        if (sharedScalar != null) {
          int lanes = (m + LaneField.BLOCK - 1) & -LaneField.BLOCK;
          for (int k = m; k < lanes; k++) { // padding lanes: the same scalar on whatever bases they hold
            batch.setSharedScalar(k, sharedScalar, 0);
          }
          batch.multiply(lanes, m);
        } else {
          batch.multiply(m);
        }
        for (int k = 0; k < m; k++) {
          if (batch.failed[k]) {
            CurveGroup group = groups.get();
            if (group.isInfinityAffine(points, (start + k) * a)) {
              continue; // the output is already zero: infinity times anything
            }
            long[] jac = new long[group.jacobianSize()];
            ScalarMultiplier.of(group).multiplyAffine(jac, 0, points, (start + k) * a, scalars, 4 * k);
            group.toAffine(out, (start + k) * a, jac, 0);
          } else {
            batch.resultTo(k, out, (start + k) * a);
          }
        }
        progress.add(m);
      }
    });
    return out;
  }
}
