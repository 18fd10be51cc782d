package org.zkml4j.groth16.ceremony;

import java.util.function.Supplier;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Multiplies point i of a section by first * inc^i: how a contribution folds its secrets into the
 * accumulator (snarkjs's {@code batchApplyKey}), and how a phase-2 contribution divides the C and H
 * queries by delta. Chunks run in parallel, each starting from first * inc^from, and return to
 * affine form with one inversion per block of points.
 */
final class KeyApplication {
  private static final PrimeField FR = Bn254.FR;
  /** Points converted back to affine form together. */
  private static final int BLOCK = 256;

  private KeyApplication() {}

  /**
   * A new array with point i of {@code points} (n affine points) times first * inc^i.
   *
   * @param first, inc Fr elements in Montgomery form (4 longs)
   */
  static long[] apply(Supplier<CurveGroup> groups, long[] points, int n, long[] first, long[] inc,
      Parallelism parallelism, ProgressCounter progress) {
    CurveGroup probe = groups.get();
    int a = probe.affineSize();
    int j = probe.jacobianSize();
    long[] out = new long[n * a];
    parallelism.forRange(n, 64, (from, to) -> {
      CurveGroup group = groups.get();
      ScalarMultiplier mul = ScalarMultiplier.of(group);
      long[] t = new long[4];
      FR.pow(t, 0, inc, 0, java.math.BigInteger.valueOf(from));
      FR.mul(t, 0, t, 0, first, 0);
      long[] jac = new long[BLOCK * j];
      for (int start = from; start < to; start += BLOCK) {
        int m = Math.min(BLOCK, to - start);
        for (int k = 0; k < m; k++) {
          mul.multiplyAffine(jac, k * j, points, (start + k) * a, t, 0);
          FR.mul(t, 0, t, 0, inc, 0);
        }
        group.batchToAffine(out, start * a, jac, 0, m);
        progress.add(m);
      }
    });
    return out;
  }
}
