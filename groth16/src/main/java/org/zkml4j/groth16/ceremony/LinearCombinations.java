package org.zkml4j.groth16.ceremony;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.zkml4j.circuit.SparseMatrix;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The per-signal sums of circuit setup: output s is the sum, over the parts, of the column of
 * signal s in a matrix with each term's coefficient times the base point of its row (plus an
 * optional extra row). Columns with many terms go through the MSM; the others are summed term by
 * term ({@link LaneTerms}): coefficients 1 and -1 (the usual ones) cost one mixed addition, short
 * ones a short scalar multiplication, and the rest are multiplied eight lanes wide in batches.
 */
final class LinearCombinations {
  /** Columns with at least this many terms are summed with the MSM. */
  private static final int MSM_THRESHOLD = 64;
  /** Signals per task block: enough terms to fill {@link LaneTerms}' batches. */
  private static final int BLOCK = 256;

  private final Parallelism parallelism;
  private final Progress progress;

  /** Row of the extra term for signal s, or -1. */
  @FunctionalInterface
  interface Extra {
    int row(int signal);
  }

  /**
   * A matrix's columns with the base points its rows stand for.
   *
   * @param extra an extra term per signal (with coefficient {@code extraCoefficient}), or null
   */
  record Part(Columns columns, SparseMatrix matrix, long[] bases, Extra extra, long[] extraCoefficient) {}

  LinearCombinations(Parallelism parallelism, Progress progress) {
    this.parallelism = parallelism;
    this.progress = progress;
  }

  /** G1 sums for signals first .. first + count - 1, affine. */
  long[] g1(String name, int count, int first, List<Part> parts) {
    return sums(G1::new, name, count, first, parts);
  }

  /** G2 sums for signals 0 .. count - 1, affine. */
  long[] g2(String name, int count, List<Part> parts) {
    return sums(G2::new, name, count, 0, parts);
  }

  private long[] sums(Supplier<CurveGroup> groups, String name, int count, int first,
      List<Part> parts) {
    CurveGroup probe = groups.get();
    int a = probe.affineSize(), js = probe.jacobianSize();
    boolean isG2 = probe instanceof G2;
    long[] out = new long[count * a];
    // heavy columns first, one after another: the MSM runs in parallel itself
    int[] heavyIndex = new int[count];
    Arrays.fill(heavyIndex, -1);
    List<long[]> heavySums = new ArrayList<>();
    ProgressCounter counter = new ProgressCounter(progress, name + ": setup sums", count);
    for (int o = 0; o < count; o++) {
      int s = first + o;
      for (Part p : parts) {
        int terms = p.columns.end(s) - p.columns.start(s);
        if (terms >= MSM_THRESHOLD) {
          long[] bases = new long[terms * a];
          long[] scalars = new long[terms * 4];
          for (int t = 0; t < terms; t++) {
            int e = p.columns.start(s) + t;
            System.arraycopy(p.bases, p.columns.row(e) * a, bases, t * a, a);
            p.matrix.coefficient(p.columns.term(e), scalars, 4 * t);
          }
          long[] sum = isG2 ? Msm.g2(bases, scalars, terms, ScalarForm.MONTGOMERY, parallelism)
              : Msm.g1(bases, scalars, terms, ScalarForm.MONTGOMERY, parallelism);
          if (heavyIndex[o] < 0) {
            heavyIndex[o] = heavySums.size();
            heavySums.add(sum);
          } else {
            long[] both = new long[js];
            probe.fromAffine(both, 0, heavySums.get(heavyIndex[o]), 0);
            probe.addMixed(both, 0, both, 0, sum, 0);
            probe.toAffine(heavySums.get(heavyIndex[o]), 0, both, 0);
          }
        }
      }
    }
    parallelism.forRange(count, BLOCK, (from, to) -> {
      CurveGroup group = groups.get();
      LaneTerms lanes = new LaneTerms(group);
      long[] jac = new long[BLOCK * js];
      long[] coef = new long[4];
      for (int blockStart = from; blockStart < to; blockStart += BLOCK) {
        int m = Math.min(BLOCK, to - blockStart);
        for (int k = 0; k < m; k++) {
          int o = blockStart + k;
          int s = first + o;
          int acc = k * js;
          if (heavyIndex[o] >= 0) {
            group.fromAffine(jac, acc, heavySums.get(heavyIndex[o]), 0);
          } else {
            group.setInfinity(jac, acc);
          }
          for (Part p : parts) {
            Columns col = p.columns;
            if (col.end(s) - col.start(s) < MSM_THRESHOLD) {
              for (int e = col.start(s); e < col.end(s); e++) {
                p.matrix.coefficient(col.term(e), coef, 0);
                lanes.add(jac, acc, p.bases, col.row(e) * a, coef, 0);
              }
            }
            if (p.extra != null && p.extra.row(s) >= 0) {
              lanes.add(jac, acc, p.bases, p.extra.row(s) * a, p.extraCoefficient, 0);
            }
          }
        }
        lanes.flush(jac);
        group.batchToAffine(out, blockStart * a, jac, 0, m);
        counter.add(m);
      }
    });
    return out;
  }
}
