package org.zkml4j.groth16.ceremony;

import java.util.Arrays;
import org.zkml4j.math.parallel.Parallelism;

/**
 * snarkjs's {@code powersoftau prepare phase2}: the Lagrange bases of every domain size, each the
 * inverse FFT ({@link GroupFft}) of the first 2^k powers (see {@link LagrangeBases} for the layout,
 * including the extra G1 size whose missing last power counts as zero).
 */
final class Phase2Preparation {
  private Phase2Preparation() {}

  static LagrangeBases lagrangeBases(Accumulator acc, Parallelism parallelism, Progress progress) {
    int power = acc.power();
    return LagrangeBases.of(power,
        section(false, acc.rawTauG1(), power + 1, "tauG1", parallelism, progress),
        section(true, acc.rawTauG2(), power, "tauG2", parallelism, progress),
        section(false, acc.rawAlphaTauG1(), power, "alphaTauG1", parallelism, progress),
        section(false, acc.rawBetaTauG1(), power, "betaTauG1", parallelism, progress));
  }

  /** The bases of sizes 2^0 .. 2^maxK of the affine points, one after another. */
  private static long[] section(boolean g2, long[] points, int maxK, String name, Parallelism parallelism,
      Progress progress) {
    int a = g2 ? 16 : 8;
    int available = points.length / a;
    long work = 0;
    for (int k = 0; k <= maxK; k++) {
      work += ((long) k << k) / 2 + (1L << k);
    }
    ProgressCounter counter = new ProgressCounter(progress, name + ": Lagrange bases", work);
    long[] out = new long[((2 << maxK) - 1) * a];
    for (int k = 0; k <= maxK; k++) {
      int m = 1 << k;
      int base = LagrangeBases.start(k) * a;
      // the powers snarkjs does not have (the last one of the largest G1 size) stay zero: infinity
      System.arraycopy(points, 0, out, base, Math.min(m, available) * a);
      long[] slice = Arrays.copyOfRange(out, base, base + m * a);
      GroupFft.inverse(g2, slice, k, parallelism, counter);
      System.arraycopy(slice, 0, out, base, m * a);
    }
    return out;
  }
}
