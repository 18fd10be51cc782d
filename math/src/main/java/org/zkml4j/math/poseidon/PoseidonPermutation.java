package org.zkml4j.math.poseidon;

import static org.zkml4j.math.poseidon.PoseidonConstants.FULL_ROUNDS;

import java.util.Arrays;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * The Poseidon permutation of one width, rewritten so partial rounds cost 2t - 1 multiplications
 * for their linear layer instead of t^2 (the paper's appendix B; the same function as the plain
 * form of {@link PoseidonConstants}, which the tests check against a BigInteger transcription of
 * that plain form).
 *
 * <p>Two exact rewrites, with M the MDS matrix, N its lower-right (t-1) x (t-1) block, b = M[0][1..]
 * its first row and c = M[1..][0] its first column without M[0][0], and R partial rounds numbered
 * k = 0..R-1:
 *
 * <ol>
 *   <li>Constants. A partial round's S-box leaves cells 1..t-1 alone, so its constants for those
 *       cells can be added after the S-box instead, and so after the matrix as M times them: they
 *       are folded into the next round's constants. Done forward through all partial rounds, each
 *       keeps only its cell-0 constant and the first full round after them absorbs the rest.
 *   <li>Matrices. A block-diagonal matrix diag(1, D) commutes with a partial round's S-box and
 *       cell-0 constant. M = S * diag(1, N) with S = [[M[0][0], b^T N^-1], [c, I]] sparse; moving
 *       each diag(1, .) factor back through the rounds before it, round k's matrix becomes the
 *       sparse [[M[0][0], v_k^T], [w_k, I]] with v_k^T = b^T N^-(R-k) and w_k = N^(R-1-k) c, and
 *       the last full round before the partial ones multiplies by diag(1, N^R) * M instead of M.
 *       N is invertible: it is itself a Cauchy matrix.
 * </ol>
 */
final class PoseidonPermutation {
  private static final PrimeField FR = Bn254.FR;
  private static final int HALF = FULL_ROUNDS / 2;

  final int width;
  private final int partialRounds;
  /** FULL_ROUNDS * width: the constants of the four first full rounds, then of the last four. */
  private final long[] fullConstants;
  /** partialRounds elements: each partial round's constant for cell 0. */
  private final long[] partialConstants;
  private final long[] mds;
  /** diag(1, N^R) * M: the matrix of the last full round before the partial rounds. */
  private final long[] preSparse;
  /** Per partial round 2t - 1 elements: M[0][0], v_k (t - 1), w_k (t - 1). */
  private final long[] sparse;

  private PoseidonPermutation(PoseidonConstants c) {
    int t = c.width;
    width = t;
    partialRounds = c.partialRounds;
    mds = c.mds;

    long[] rc = foldPartialRoundConstants(c);
    fullConstants = FR.newVector(FULL_ROUNDS * t);
    System.arraycopy(rc, 0, fullConstants, 0, 4 * HALF * t);
    System.arraycopy(rc, 4 * (HALF + partialRounds) * t, fullConstants, 4 * HALF * t, 4 * HALF * t);
    partialConstants = FR.newVector(partialRounds);
    for (int k = 0; k < partialRounds; k++) {
      PrimeField.copy(partialConstants, 4 * k, rc, 4 * (HALF + k) * t);
    }

    int n = t - 1;
    long[] inner = FrMatrix.withoutFirstRowAndColumn(mds, t); // N
    long[] innerInverse = FrMatrix.inverse(inner, n);
    long[] v = FR.newVector(n); // b, then b^T N^-(R-k)
    long[] w = FR.newVector(n); // c, then N^(R-1-k) c
    for (int i = 0; i < n; i++) {
      PrimeField.copy(v, 4 * i, mds, 4 * (i + 1));
      PrimeField.copy(w, 4 * i, mds, 4 * (i + 1) * t);
    }
    int stride = 2 * t - 1;
    sparse = FR.newVector(partialRounds * stride);
    for (int k = partialRounds - 1; k >= 0; k--) {
      v = FrMatrix.vectorTimes(v, innerInverse, n);
      int o = 4 * k * stride;
      PrimeField.copy(sparse, o, mds, 0);
      System.arraycopy(v, 0, sparse, o + 4, 4 * n);
      System.arraycopy(w, 0, sparse, o + 4 * t, 4 * n);
      w = FrMatrix.timesVector(inner, n, w);
    }
    long[] lift = FR.newVector(t * t); // diag(1, N^R)
    FR.setOne(lift, 0);
    long[] innerPower = FrMatrix.power(inner, n, partialRounds);
    for (int i = 0; i < n; i++) {
      System.arraycopy(innerPower, 4 * i * n, lift, 4 * ((i + 1) * t + 1), 4 * n);
    }
    preSparse = FrMatrix.multiply(lift, mds, t);
  }

  /** The round constants with each partial round's cells 1..t-1 folded forward (rewrite 1). */
  private static long[] foldPartialRoundConstants(PoseidonConstants c) {
    int t = c.width;
    long[] rc = c.roundConstants.clone();
    long[] moved = FR.newVector(t);
    for (int r = HALF; r < HALF + c.partialRounds; r++) {
      int base = 4 * r * t;
      FR.setZero(moved, 0);
      System.arraycopy(rc, base + 4, moved, 4, 4 * (t - 1));
      Arrays.fill(rc, base + 4, base + 4 * t, 0L);
      long[] pushed = FrMatrix.timesVector(c.mds, t, moved);
      for (int i = 0; i < t; i++) {
        FR.add(rc, base + 4 * (t + i), rc, base + 4 * (t + i), pushed, 4 * i);
      }
    }
    return rc;
  }

  static PoseidonPermutation of(PoseidonConstants constants) {
    return new PoseidonPermutation(constants);
  }

  /** Longs of scratch space {@link #permute} needs. */
  int scratchLength() {
    return 4 * (width + 2);
  }

  /**
   * Permutes the width elements at state[0 .. 4*width) in place.
   *
   * @param scratch at least {@link #scratchLength()} longs, overwritten
   */
  void permute(long[] state, long[] scratch) {
    for (int r = 0; r < HALF; r++) {
      fullRound(state, r, r == HALF - 1 ? preSparse : mds, scratch);
    }
    for (int k = 0; k < partialRounds; k++) {
      FR.add(state, 0, state, 0, partialConstants, 4 * k);
      sbox(state, 0, scratch);
      sparseMix(state, k, scratch);
    }
    for (int r = HALF; r < FULL_ROUNDS; r++) {
      fullRound(state, r, mds, scratch);
    }
  }

  private void fullRound(long[] state, int round, long[] matrix, long[] scratch) {
    int base = 4 * round * width;
    for (int i = 0; i < 4 * width; i += 4) {
      FR.add(state, i, state, i, fullConstants, base + i);
      sbox(state, i, scratch);
    }
    denseMix(state, matrix, scratch);
  }

  /** x^5 = x * (x^2)^2. */
  private static void sbox(long[] state, int o, long[] scratch) {
    FR.square(scratch, 0, state, o);
    FR.square(scratch, 0, scratch, 0);
    FR.mul(state, o, state, o, scratch, 0);
  }

  /** state = matrix * state; scratch[0..4) holds a product, scratch[8..) the new state. */
  private void denseMix(long[] state, long[] matrix, long[] scratch) {
    int t = width;
    for (int i = 0; i < t; i++) {
      int out = 8 + 4 * i;
      int row = 4 * i * t;
      FR.mul(scratch, out, matrix, row, state, 0);
      for (int j = 1; j < t; j++) {
        FR.mul(scratch, 0, matrix, row + 4 * j, state, 4 * j);
        FR.add(scratch, out, scratch, out, scratch, 0);
      }
    }
    System.arraycopy(scratch, 8, state, 0, 4 * t);
  }

  /** state = [[M00, v^T], [w, I]] * state; scratch[0..4) a product, scratch[4..8) the new cell 0. */
  private void sparseMix(long[] state, int round, long[] scratch) {
    int t = width;
    int o = 4 * round * (2 * t - 1);
    FR.mul(scratch, 4, sparse, o, state, 0);
    for (int j = 1; j < t; j++) {
      FR.mul(scratch, 0, sparse, o + 4 * j, state, 4 * j);
      FR.add(scratch, 4, scratch, 4, scratch, 0);
    }
    int wOffset = o + 4 * t;
    for (int j = 1; j < t; j++) {
      FR.mul(scratch, 0, sparse, wOffset + 4 * (j - 1), state, 0);
      FR.add(state, 4 * j, state, 4 * j, scratch, 0);
    }
    PrimeField.copy(state, 0, scratch, 4);
  }
}
