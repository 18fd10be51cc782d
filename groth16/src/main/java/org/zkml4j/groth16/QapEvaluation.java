package org.zkml4j.groth16;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The scalars of the H query, computed exactly as snarkjs's prover does (src/groth16_prove.js), so
 * that they match the H points of snarkjs proving keys:
 * <ol>
 *   <li>A_i = sum_j A[i][j] w_j and B_i likewise, for every row i of the domain, from the key's
 *       coefficient entries and the witness w (rows past the constraints stay 0);
 *   <li>C_i = A_i * B_i (the R1CS holds on every row, so this is the C matrix's value);
 *   <li>each of A, B, C is moved from the domain H to the coset g*H, g a primitive 2n-th root of
 *       unity (g*H = the odd 2n-th roots): inverse FFT, multiply coefficient k by g^k, FFT;
 *   <li>h_i = A_i * B_i - C_i on the coset.
 * </ol>
 * On the odd roots Z(x) = x^n - 1 = -2, so h_i = -2 * h(x_i) for the quotient h = (AB - C)/Z; the
 * key's H points (the Lagrange basis on the coset, divided by delta, from the powers of tau)
 * absorb that constant.
 */
final class QapEvaluation {
  private static final PrimeField FR = Bn254.FR;
  /** Entries per parallel task when accumulating rows. */
  private static final int MIN_CHUNK = 1 << 14;

  private QapEvaluation() {}

  /**
   * The n scalars of the H query in Montgomery form (4n longs).
   *
   * @param witness all nVars wire values, Fr Montgomery form, 4 longs each
   */
  static long[] hScalars(ProvingKey pk, long[] witness, Parallelism parallelism) {
    return hScalars(pk, witness, parallelism, PhaseTimer.start("h"));
  }

  static long[] hScalars(ProvingKey pk, long[] witness, Parallelism parallelism, PhaseTimer timer) {
    int n = pk.domainSize();
    long[] a = new long[4 * n];
    long[] b = new long[4 * n];
    accumulateRows(pk.coefficients(), witness, a, b, parallelism);
    timer.lap("h: A and B rows");
    long[] c = new long[4 * n];
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> {
      for (int i = from; i < to; i++) {
        FR.mul(c, 4 * i, a, 4 * i, b, 4 * i);
      }
    });
    timer.lap("h: C = AB");
    EvaluationDomain domain = EvaluationDomain.ofLog2Size(pk.log2DomainSize(), parallelism);
    long[] shift = domain.snarkjsCosetShift();
    timer.lap("h: domain");
    domain.evaluationsToCoset(a, 0, shift);
    timer.lap("h: coset NTT of A");
    domain.evaluationsToCoset(b, 0, shift);
    timer.lap("h: coset NTT of B");
    domain.evaluationsToCoset(c, 0, shift);
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> {
      for (int i = from; i < to; i++) {
        FR.mul(a, 4 * i, a, 4 * i, b, 4 * i);
        FR.sub(a, 4 * i, a, 4 * i, c, 4 * i);
      }
    });
    timer.lap("h: coset NTT of C, AB - C");
    return a;
  }

  /**
   * Adds value * witness[signal] into row {@code constraint} of A or B for every entry. Entries
   * sorted by row (as snarkjs writes them) are split into row-disjoint ranges and run in
   * parallel; otherwise they run in one pass. Witness values 0 and 1 skip the multiplication.
   */
  static void accumulateRows(QapCoefficients k, long[] witness, long[] a, long[] b, Parallelism parallelism) {
    int m = k.size();
    int[] rows = k.constraintArray();
    boolean sorted = true;
    for (int i = 1; i < m && sorted; i++) {
      sorted = rows[i - 1] <= rows[i];
    }
    if (!sorted) {
      accumulate(k, witness, a, b, 0, m);
      return;
    }
    parallelism.forRange(m, MIN_CHUNK, (from, to) -> {
      // Each task owns the rows that start in its range: skip a row begun by the previous range,
      // and finish the last row even past `to`.
      int start = from;
      while (start > 0 && start < m && rows[start] == rows[start - 1]) {
        start++;
      }
      int end = to;
      while (end > 0 && end < m && rows[end] == rows[end - 1]) {
        end++;
      }
      if (start < end) {
        accumulate(k, witness, a, b, start, end);
      }
    });
  }

  private static void accumulate(QapCoefficients k, long[] witness, long[] a, long[] b, int from, int to) {
    int[] matrix = k.matrixArray();
    int[] rows = k.constraintArray();
    int[] signals = k.signalArray();
    long[] values = k.valueArray();
    long[] t = new long[4];
    for (int i = from; i < to; i++) {
      int w = 4 * signals[i];
      if (FR.isZero(witness, w)) {
        continue;
      }
      long[] target = matrix[i] == 0 ? a : b;
      int row = 4 * rows[i];
      if (FR.isOne(witness, w)) {
        FR.add(target, row, target, row, values, 4 * i);
      } else {
        FR.mul(t, 0, values, 4 * i, witness, w);
        FR.add(target, row, target, row, t, 0);
      }
    }
  }
}
