package org.zkml4j.math.poseidon;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * The round constants and MDS matrix of circomlib's Poseidon for one state width t (t - 1 inputs),
 * in the plain, unoptimized form of the paper: every round adds t constants, applies the S-box
 * x^5 to all cells (full rounds) or to cell 0 only (partial rounds), and multiplies by the MDS
 * matrix.
 *
 * <p>The constants are not stored anywhere: they are drawn from the paper's {@link GrainLfsr}
 * exactly as {@code generate_parameters_grain.sage 1 0 254 t 8 R_P r} draws them, the way
 * circomlib generated its own. Round constants are 254-bit draws, redrawn while not below r. The
 * MDS matrix is the Cauchy matrix M[i][j] = 1/(x_i + y_j) of the next 2t draws reduced mod r,
 * redrawn if any draw repeats or some x_i + y_j is zero. The paper's script also tests that matrix
 * against invariant-subspace attacks and draws again when a test fails; circomlib's matrix is the
 * first draw for every width 2..17, so the first draw is taken here without re-running those
 * tests. {@code PoseidonConstantsTest} checks every constant of every width against circomlibjs.
 *
 * <p>Public so that in-circuit Poseidon (module circuit) uses the very same constants.
 */
public final class PoseidonConstants {
  private static final PrimeField FR = Bn254.FR;
  /** Full rounds (half before, half after the partial rounds). */
  public static final int FULL_ROUNDS = 8;
  /** Smallest state width (one input). */
  public static final int MIN_WIDTH = 2;
  /** Largest state width (16 inputs). */
  public static final int MAX_WIDTH = 17;
  /**
   * circomlib's partial round counts for widths 2..17: the paper's security bound for a 128-bit
   * level (its table 2 and 8), rounded up by circomlib.
   */
  private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};

  final int width;
  final int partialRounds;
  /** (FULL_ROUNDS + partialRounds) * width elements, round after round, in Montgomery form. */
  final long[] roundConstants;
  /** width * width elements, row-major: the new cell i is the sum over j of M[i][j] * cell j. */
  final long[] mds;

  private PoseidonConstants(int width, int partialRounds, long[] roundConstants, long[] mds) {
    this.width = width;
    this.partialRounds = partialRounds;
    this.roundConstants = roundConstants;
    this.mds = mds;
  }

  private static final AtomicReferenceArray<PoseidonConstants> CACHE = new AtomicReferenceArray<>(MAX_WIDTH + 1);

  /** The constants of width t (t - 1 inputs), derived on first use and then shared. */
  public static PoseidonConstants of(int width) {
    checkWidth(width);
    PoseidonConstants c = CACHE.get(width);
    if (c == null) {
      // Racing threads derive the same constants; the first to finish wins.
      CACHE.compareAndSet(width, null, derive(width));
      c = CACHE.get(width);
    }
    return c;
  }

  public int width() {
    return width;
  }

  public int partialRounds() {
    return partialRounds;
  }

  /** A copy of the round constants: (FULL_ROUNDS + partialRounds) * width Montgomery-form elements. */
  public long[] roundConstants() {
    return roundConstants.clone();
  }

  /** A copy of the MDS matrix: width * width Montgomery-form elements, row-major. */
  public long[] mds() {
    return mds.clone();
  }

  static int partialRounds(int width) {
    checkWidth(width);
    return PARTIAL_ROUNDS[width - MIN_WIDTH];
  }

  static void checkWidth(int width) {
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      throw new IllegalArgumentException("Poseidon width must be in [" + MIN_WIDTH + ", " + MAX_WIDTH + "], was " + width);
    }
  }

  /** Draws the constants of width t from the Grain LFSR. */
  static PoseidonConstants derive(int width) {
    int partialRounds = partialRounds(width);
    BigInteger r = FR.modulus();
    int fieldBits = r.bitLength();
    GrainLfsr lfsr = new GrainLfsr(1, 0, fieldBits, width, FULL_ROUNDS, partialRounds);

    long[] roundConstants = FR.newVector((FULL_ROUNDS + partialRounds) * width);
    for (int i = 0; i < roundConstants.length; i += PrimeField.LIMBS) {
      BigInteger c = lfsr.nextInteger(fieldBits);
      while (c.compareTo(r) >= 0) {
        c = lfsr.nextInteger(fieldBits);
      }
      FR.fromBigInteger(roundConstants, i, c);
    }
    return new PoseidonConstants(width, partialRounds, roundConstants, cauchyMatrix(lfsr, width, fieldBits));
  }

  private static long[] cauchyMatrix(GrainLfsr lfsr, int width, int fieldBits) {
    long[] matrix = FR.newVector(width * width);
    while (true) {
      BigInteger[] draws = new BigInteger[2 * width];
      Set<BigInteger> distinct = new HashSet<>();
      for (int i = 0; i < draws.length; i++) {
        draws[i] = lfsr.nextInteger(fieldBits).mod(FR.modulus());
        distinct.add(draws[i]);
      }
      if (distinct.size() < draws.length) {
        continue;
      }
      long[] xs = FR.newVector(width);
      long[] ys = FR.newVector(width);
      for (int i = 0; i < width; i++) {
        FR.fromBigInteger(xs, 4 * i, draws[i]);
        FR.fromBigInteger(ys, 4 * i, draws[width + i]);
      }
      boolean singular = false;
      for (int i = 0; i < width; i++) {
        for (int j = 0; j < width; j++) {
          int o = 4 * (i * width + j);
          FR.add(matrix, o, xs, 4 * i, ys, 4 * j);
          singular |= FR.isZero(matrix, o);
        }
      }
      if (!singular) {
        FR.batchInverse(matrix, 0, width * width, FR.newVector(width * width));
        return matrix;
      }
    }
  }
}
