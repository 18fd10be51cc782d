package org.zkml4j.groth16.ceremony;

import java.util.function.Supplier;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.parallel.Parallelism;

/**
 * snarkjs's {@code powersoftau prepare phase2}: the Lagrange bases of every domain size, each the
 * inverse FFT ({@link GroupFft}) of the first 2^k powers (see {@link LagrangeBases} for the layout,
 * including the extra G1 size whose missing last power counts as zero).
 */
final class Phase2Preparation {
  /** Points returned to affine form per inversion. */
  private static final int AFFINE_CHUNK = 1024;

  private Phase2Preparation() {}

  static LagrangeBases lagrangeBases(Accumulator acc, Parallelism parallelism, Progress progress) {
    int power = acc.power();
    return LagrangeBases.of(power,
        section(G1::new, acc.rawTauG1(), power + 1, "tauG1", parallelism, progress),
        section(G2::new, acc.rawTauG2(), power, "tauG2", parallelism, progress),
        section(G1::new, acc.rawAlphaTauG1(), power, "alphaTauG1", parallelism, progress),
        section(G1::new, acc.rawBetaTauG1(), power, "betaTauG1", parallelism, progress));
  }

  /** The bases of sizes 2^0 .. 2^maxK of the affine points, one after another. */
  private static long[] section(Supplier<CurveGroup> groups, long[] points, int maxK, String name,
      Parallelism parallelism, Progress progress) {
    CurveGroup probe = groups.get();
    int a = probe.affineSize();
    int js = probe.jacobianSize();
    int available = points.length / a;
    long work = 0;
    for (int k = 0; k <= maxK; k++) {
      work += ((long) k << k) / 2 + (1L << k);
    }
    ProgressCounter counter = new ProgressCounter(progress, name + ": Lagrange bases", work);
    long[] out = new long[((2 << maxK) - 1) * a];
    for (int k = 0; k <= maxK; k++) {
      int m = 1 << k;
      long[] jac = new long[m * js];
      for (int i = 0; i < m; i++) {
        if (i < available) {
          probe.fromAffine(jac, i * js, points, i * a);
        } else {
          probe.setInfinity(jac, i * js); // the power snarkjs does not have: zero
        }
      }
      GroupFft.inverse(groups, jac, k, parallelism, counter);
      int base = LagrangeBases.start(k) * a;
      parallelism.forRange((m + AFFINE_CHUNK - 1) / AFFINE_CHUNK, 1, (from, to) -> {
        CurveGroup group = groups.get();
        for (int c = from; c < to; c++) {
          int first = c * AFFINE_CHUNK;
          int count = Math.min(AFFINE_CHUNK, m - first);
          group.batchToAffine(out, base + first * a, jac, first * js, count);
        }
      });
    }
    return out;
  }
}
