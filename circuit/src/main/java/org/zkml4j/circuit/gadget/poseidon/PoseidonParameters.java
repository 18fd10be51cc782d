package org.zkml4j.circuit.gadget.poseidon;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.poseidon.PoseidonConstants;

/**
 * circomlib's Poseidon constants for one width t (from {@link PoseidonConstants}, the ones the
 * native hash uses), and the linear maps the gadget uses to build the partial rounds without
 * growing linear combinations round by round.
 *
 * <p>Partial rounds apply the S-box to cell 0 only, so the state after them is an affine function
 * of the last full S-box layer before them (u_0 .. u_{t-1}) and the partial S-box outputs
 * (p_0 .. p_{R_P-1}). Over the basis (1, u_0 .. u_{t-1}, p_0 .. p_{R_P-1}), {@link #partialInput}
 * holds the coefficients of each partial S-box input (round k uses the first 1 + t + k basis
 * entries) and {@link #partialOutput} those of each state cell after the last partial round. They
 * are computed once per width by running the rounds symbolically.
 */
final class PoseidonParameters {
  static final int FULL_ROUNDS = PoseidonConstants.FULL_ROUNDS;
  static final int HALF_FULL = FULL_ROUNDS / 2;
  static final int MAX_WIDTH = PoseidonConstants.MAX_WIDTH;
  private static final PrimeField FR = Bn254.FR;
  private static final AtomicReferenceArray<PoseidonParameters> CACHE = new AtomicReferenceArray<>(MAX_WIDTH + 1);

  final int width;
  final int partialRounds;
  /** (FULL_ROUNDS + partialRounds) * width elements, round after round. */
  final long[] roundConstants;
  /** width * width elements, row-major: new cell i = sum_j M[i][j] * cell j. */
  final long[] mds;
  /** Per partial round k, 1 + width + k coefficients over the basis. */
  final long[][] partialInput;
  /** Per cell, 1 + width + partialRounds coefficients over the basis. */
  final long[][] partialOutput;

  private PoseidonParameters(PoseidonConstants constants) {
    this.width = constants.width();
    this.partialRounds = constants.partialRounds();
    this.roundConstants = constants.roundConstants();
    this.mds = constants.mds();
    partialInput = new long[partialRounds][];
    partialOutput = new long[width][];
    runPartialRoundsSymbolically();
  }

  /** The parameters of width t (t - 1 hash inputs), derived on first use. */
  static PoseidonParameters of(int width) {
    PoseidonConstants constants = PoseidonConstants.of(width); // checks the width
    PoseidonParameters p = CACHE.get(width);
    if (p == null) {
      CACHE.compareAndSet(width, null, new PoseidonParameters(constants));
      p = CACHE.get(width);
    }
    return p;
  }
  /** Fills {@link #partialInput} and {@link #partialOutput} (see the class comment). */
  private void runPartialRoundsSymbolically() {
    int t = width;
    int basis = 1 + t + partialRounds;
    long[][] cells = new long[t][4 * basis];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < t; j++) {
        PrimeField.copy(cells[i], 4 * (1 + j), mds, 4 * (i * t + j)); // M * u
      }
    }
    long[] product = new long[4];
    for (int k = 0; k < partialRounds; k++) {
      int used = 1 + t + k; // basis entries that can be non-zero so far
      int round = HALF_FULL + k;
      for (int i = 0; i < t; i++) {
        FR.add(cells[i], 0, cells[i], 0, roundConstants, 4 * (round * t + i));
      }
      partialInput[k] = Arrays.copyOf(cells[0], 4 * used);
      Arrays.fill(cells[0], 0L);
      FR.setOne(cells[0], 4 * used); // cell 0 is now p_k
      long[][] mixed = new long[t][4 * basis];
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < t; j++) {
          int mij = 4 * (i * t + j);
          for (int e = 0; e <= used; e++) {
            FR.mul(product, 0, mds, mij, cells[j], 4 * e);
            FR.add(mixed[i], 4 * e, mixed[i], 4 * e, product, 0);
          }
        }
      }
      cells = mixed;
    }
    System.arraycopy(cells, 0, partialOutput, 0, t);
  }
}
