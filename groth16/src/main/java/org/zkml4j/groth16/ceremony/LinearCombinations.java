package org.zkml4j.groth16.ceremony;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.zkml4j.circuit.SparseMatrix;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The per-signal sums of circuit setup: output s is the sum, over the parts, of the column of
 * signal s in a matrix with each term's coefficient times the base point of its row (plus an
 * optional extra row). Short coefficients (1, -1 and quantized weights times powers of two, by far
 * the most) go to {@link ShortTermSums}, which evaluates a block's sums together by Horner's rule
 * in batched affine arithmetic; full-length ones are multiplied eight lanes wide in batches
 * ({@link LaneTerms}), except in columns with many of them, which go through the MSM.
 */
final class LinearCombinations {
  /** Columns with at least this many full-length coefficients sum those with the MSM. */
  private static final int MSM_THRESHOLD = 64;
  /** Signals per task block: enough terms to fill {@link LaneTerms}' batches and widen {@link ShortTermSums}' steps. */
  private static final int BLOCK = 256;
  /** Outputs with at least this many terms have them summed in pieces of {@link #PIECE}, in parallel. */
  private static final int SPLIT_TERMS = 4096;
  private static final int PIECE = 1024;
  /** Marks a full-length coefficient in {@link #shortValues}. */
  private static final long LONG = Long.MIN_VALUE;

  private final Parallelism parallelism;
  private final Progress progress;
  /** Per matrix, each term's coefficient as a short signed integer, or {@link #LONG}. */
  private final Map<SparseMatrix, long[]> shortValues = new IdentityHashMap<>();

  /** Row of the extra term for signal s, or -1. */
  @FunctionalInterface
  interface Extra {
    int row(int signal);
  }

  /**
   * A matrix's columns with the base points its rows stand for.
   *
   * @param extra an extra term per signal (with the short coefficient {@code extraCoefficient}), or null
   */
  record Part(Columns columns, SparseMatrix matrix, long[] bases, Extra extra, long extraCoefficient) {}

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
    int np = parts.size();
    long[][] values = new long[np][];
    for (int p = 0; p < np; p++) {
      values[p] = shortValues(parts.get(p).matrix);
    }
    // columns with many full-length coefficients first, one after another: the MSM runs in parallel itself
    boolean[][] heavy = new boolean[np][count];
    long[][] heavySums = new long[count][];
    ProgressCounter counter = new ProgressCounter(progress, name + ": setup sums", count);
    for (int o = 0; o < count; o++) {
      int s = first + o;
      for (int p = 0; p < np; p++) {
        Part part = parts.get(p);
        Columns col = part.columns;
        int terms = 0;
        for (int e = col.start(s); e < col.end(s); e++) {
          terms += values[p][col.term(e)] == LONG ? 1 : 0;
        }
        if (terms < MSM_THRESHOLD) {
          continue;
        }
        heavy[p][o] = true;
        long[] bases = new long[terms * a];
        long[] scalars = new long[terms * 4];
        int t = 0;
        for (int e = col.start(s); e < col.end(s); e++) {
          if (values[p][col.term(e)] == LONG) {
            System.arraycopy(part.bases, col.row(e) * a, bases, t * a, a);
            part.matrix.coefficient(col.term(e), scalars, 4 * t);
            t++;
          }
        }
        long[] sum = isG2 ? Msm.g2(bases, scalars, terms, ScalarForm.MONTGOMERY, parallelism)
            : Msm.g1(bases, scalars, terms, ScalarForm.MONTGOMERY, parallelism);
        if (heavySums[o] == null) {
          heavySums[o] = sum;
        } else {
          long[] both = new long[js];
          probe.fromAffine(both, 0, heavySums[o], 0);
          probe.addMixed(both, 0, both, 0, sum, 0);
          probe.toAffine(heavySums[o], 0, both, 0);
        }
      }
    }
    // outputs with very many terms (the constant signal's, say): their terms in pieces across tasks
    boolean[] split = new boolean[count];
    for (int o = 0; o < count; o++) {
      int s = first + o, total = 0;
      for (Part part : parts) {
        total += part.columns.end(s) - part.columns.start(s);
      }
      if (total >= SPLIT_TERMS) {
        split[o] = true;
        long[] sum = splitSum(groups, parts, values, heavy, o, s, total);
        if (heavySums[o] != null) {
          probe.addMixed(sum, 0, sum, 0, heavySums[o], 0);
        }
        heavySums[o] = new long[a];
        probe.toAffine(heavySums[o], 0, sum, 0);
      }
    }
    parallelism.forRange(count, BLOCK, (from, to) -> {
      CurveGroup group = groups.get();
      LaneTerms lanes = new LaneTerms(group);
      ShortTermSums shorts = new ShortTermSums(group);
      long[] jac = new long[BLOCK * js];
      long[] coef = new long[4];
      for (int blockStart = from; blockStart < to; blockStart += BLOCK) {
        int m = Math.min(BLOCK, to - blockStart);
        for (int k = 0; k < m; k++) {
          int o = blockStart + k;
          int s = first + o;
          int acc = k * js;
          if (heavySums[o] != null) {
            group.fromAffine(jac, acc, heavySums[o], 0);
          } else {
            group.setInfinity(jac, acc);
          }
          for (int p = 0; p < np; p++) {
            Part part = parts.get(p);
            if (!split[o]) {
              addTerms(shorts, lanes, jac, k, js, part, values[p], heavy[p][o], part.columns.start(s),
                  part.columns.end(s), coef);
            }
            if (part.extra != null && part.extra.row(s) >= 0) {
              shorts.add(k, part.bases, part.extra.row(s) * a, part.extraCoefficient);
            }
          }
        }
        lanes.flush(jac);
        shorts.addTo(jac);
        group.batchToAffine(out, blockStart * a, jac, 0, m);
        counter.add(m);
      }
    });
    return out;
  }

  /**
   * Output o's column terms (not its extra term), in pieces of {@link #PIECE} terms summed in
   * parallel; Jacobian.
   */
  private long[] splitSum(Supplier<CurveGroup> groups, List<Part> parts, long[][] values, boolean[][] heavy, int o,
      int s, int total) {
    CurveGroup probe = groups.get();
    int js = probe.jacobianSize();
    int pieces = (total + PIECE - 1) / PIECE;
    long[] partial = new long[pieces * js];
    parallelism.forRange(pieces, 1, (from, to) -> {
      CurveGroup group = groups.get();
      LaneTerms lanes = new LaneTerms(group);
      ShortTermSums shorts = new ShortTermSums(group);
      long[] coef = new long[4];
      for (int piece = from; piece < to; piece++) {
        group.setInfinity(partial, piece * js);
        int lo = piece * PIECE, hi = Math.min(total, lo + PIECE), g = 0;
        for (int p = 0; p < parts.size(); p++) {
          Columns col = parts.get(p).columns;
          int n = col.end(s) - col.start(s), first = Math.max(lo, g), last = Math.min(hi, g + n);
          if (first < last) {
            addTerms(shorts, lanes, partial, piece, js, parts.get(p), values[p], heavy[p][o],
                col.start(s) + first - g, col.start(s) + last - g, coef);
          }
          g += n;
        }
      }
      lanes.flush(partial);
      shorts.addTo(partial);
    });
    long[] sum = new long[js];
    probe.setInfinity(sum, 0);
    for (int piece = 0; piece < pieces; piece++) {
      probe.add(sum, 0, sum, 0, partial, piece * js);
    }
    return sum;
  }

  /**
   * Column entries from .. to - 1 of a part into Jacobian accumulator k of jac: short coefficients
   * to {@code shorts}, full-length ones to {@code lanes} unless the MSM has summed them.
   */
  private static void addTerms(ShortTermSums shorts, LaneTerms lanes, long[] jac, int k, int js, Part part,
      long[] values, boolean msmDone, int from, int to, long[] coef) {
    Columns col = part.columns;
    int a = js / 3 * 2; // affine: two of the three Jacobian coordinates
    for (int e = from; e < to; e++) {
      long value = values[col.term(e)];
      if (value != LONG) {
        shorts.add(k, part.bases, col.row(e) * a, value);
      } else if (!msmDone) {
        part.matrix.coefficient(col.term(e), coef, 0);
        lanes.add(jac, k * js, part.bases, col.row(e) * a, coef, 0);
      }
    }
  }

  /** Each term's coefficient as a signed integer if it is short (see {@link ShortTermSums}), else {@link #LONG}. */
  private long[] shortValues(SparseMatrix m) {
    return shortValues.computeIfAbsent(m, matrix -> {
      long[] values = new long[matrix.terms()];
      parallelism.forRange(values.length, 4096, (from, to) -> {
        long[] coef = new long[4], plain = new long[4];
        for (int k = from; k < to; k++) {
          matrix.coefficient(k, coef, 0);
          values[k] = signedShort(coef, plain);
        }
      });
      return values;
    });
  }

  /** The coefficient (Montgomery form, overwritten) as v or -v with 0 &lt;= v &lt; 2^SHORT_BITS, else LONG. */
  static long signedShort(long[] coef, long[] plain) {
    Bn254.FR.fromMontgomery(plain, 0, coef, 0);
    if (isShort(plain)) {
      return plain[0];
    }
    Bn254.FR.neg(coef, 0, coef, 0);
    Bn254.FR.fromMontgomery(plain, 0, coef, 0);
    return isShort(plain) ? -plain[0] : LONG;
  }

  private static boolean isShort(long[] plain) {
    return (plain[1] | plain[2] | plain[3]) == 0 && plain[0] >>> ShortTermSums.SHORT_BITS == 0;
  }
}
