package org.zkml4j.circuit.gadget.poseidon;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * circomlib's Poseidon constants for one width t, and the linear maps the gadget uses to build the
 * partial rounds without growing linear combinations round by round.
 *
 * <p>The constants are drawn here with the paper's {@link GrainLfsr} (as {@code
 * generate_parameters_grain.sage 1 0 254 t 8 R_P r} does; {@code math.poseidon} derives the same
 * constants privately, and the gadget tests compare the circuit with it): (8 + R_P) * t round
 * constants, each a 254-bit draw redrawn while not below r, then the Cauchy MDS matrix
 * M[i][j] = 1/(x_i + y_j) of the next 2t draws reduced mod r (redrawn if two coincide or some
 * x_i + y_j is zero; circomlib's matrices are all first draws).
 *
 * <p>Partial rounds apply the S-box to cell 0 only, so the state after them is an affine function
 * of the last full S-box layer before them (u_0 .. u_{t-1}) and the partial S-box outputs
 * (p_0 .. p_{R_P-1}). Over the basis (1, u_0 .. u_{t-1}, p_0 .. p_{R_P-1}), {@link #partialInput}
 * holds the coefficients of each partial S-box input (round k uses the first 1 + t + k basis
 * entries) and {@link #partialOutput} those of each state cell after the last partial round. They
 * are computed once per width by running the rounds symbolically.
 */
final class PoseidonParameters {
  static final int FULL_ROUNDS = 8;
  static final int HALF_FULL = FULL_ROUNDS / 2;
  static final int MIN_WIDTH = 2;
  static final int MAX_WIDTH = 17;
  /** circomlib's partial round counts for widths 2 .. 17. */
  private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};
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

  private PoseidonParameters(int width) {
    this.width = width;
    this.partialRounds = PARTIAL_ROUNDS[width - MIN_WIDTH];
    BigInteger r = Bn254.R_MODULUS;
    GrainLfsr lfsr = new GrainLfsr(254, width, FULL_ROUNDS, partialRounds);
    roundConstants = FR.newVector((FULL_ROUNDS + partialRounds) * width);
    for (int i = 0; i < (FULL_ROUNDS + partialRounds) * width; i++) {
      BigInteger c = lfsr.nextInteger(254);
      while (c.compareTo(r) >= 0) {
        c = lfsr.nextInteger(254);
      }
      FR.fromBigInteger(roundConstants, 4 * i, c);
    }
    mds = cauchyMatrix(lfsr, width);
    partialInput = new long[partialRounds][];
    partialOutput = new long[width][];
    runPartialRoundsSymbolically();
  }

  /** The parameters of width t (t - 1 hash inputs), derived on first use. */
  static PoseidonParameters of(int width) {
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      throw new IllegalArgumentException("Poseidon width must be in [" + MIN_WIDTH + ", " + MAX_WIDTH + "], was "
          + width);
    }
    PoseidonParameters p = CACHE.get(width);
    if (p == null) {
      CACHE.compareAndSet(width, null, new PoseidonParameters(width));
      p = CACHE.get(width);
    }
    return p;
  }

  private static long[] cauchyMatrix(GrainLfsr lfsr, int t) {
    BigInteger r = Bn254.R_MODULUS;
    while (true) {
      BigInteger[] draws = new BigInteger[2 * t];
      Set<BigInteger> seen = new HashSet<>();
      for (int i = 0; i < 2 * t; i++) {
        draws[i] = lfsr.nextInteger(254).mod(r);
        seen.add(draws[i]);
      }
      if (seen.size() < 2 * t) {
        continue;
      }
      long[] m = FR.newVector(t * t);
      boolean ok = true;
      for (int i = 0; i < t && ok; i++) {
        for (int j = 0; j < t && ok; j++) {
          BigInteger s = draws[i].add(draws[t + j]).mod(r);
          ok = s.signum() != 0;
          if (ok) {
            FR.fromBigInteger(m, 4 * (i * t + j), s.modInverse(r));
          }
        }
      }
      if (ok) {
        return m;
      }
    }
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
