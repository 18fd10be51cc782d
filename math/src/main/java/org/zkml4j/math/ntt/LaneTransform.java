package org.zkml4j.math.ntt;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The passes behind {@link EvaluationDomain}: radix-2 transforms of n = 2^k Fr elements on
 * {@link LaneField}, eight butterflies per kernel call, in two phases of the six-step kind.
 *
 * <p>A transform by decimation in time takes its input in bit-reversed order. Position p = q +
 * 2^L u of that order (k = L + U, L = ceil(k/2)) holds input element rev_k(p) = rev_L(q) 2^U +
 * rev_U(u), so with the input seen as 2^L rows a of 2^U columns b, <em>row u</em> of the
 * transform (its positions q + 2^L u, q &lt; 2^L) is input column b = rev_U(u) in bit-reversed
 * order. Layers 0 .. L-1 combine positions of one such row only, and layers L .. k-1 positions of
 * one column q. Hence:
 * <ul>
 *   <li>the <em>row phase</em> transforms eight rows at a time, one per lane: the lanes read
 *       eight adjacent input columns b0 .. b0+7, so each step reads eight contiguous input
 *       elements, and every layer, down to pairs one apart, pairs whole blocks with one twiddle
 *       for all lanes;
 *   <li>8 x 8 tile transposes hand the rows over to a lane-form working copy (40 bytes per
 *       element, allocated per call) that holds the vector as strips of eight columns, each
 *       strip 2^U contiguous blocks;
 *   <li>the <em>column phase</em> runs layers L .. k-1 on each strip in place, one column per
 *       lane, and writes its rows as eight contiguous output elements each.
 * </ul>
 * Each task (eight rows, or one strip: 8 &middot; 2^(k/2) elements, 320 KiB at 2^20) stays in
 * cache. The inverse transform reverses the input index instead of the twiddles (sum_j v_j
 * w^(-ij) = sum_j v_(-j) w^(ij)); scaling by powers is fused into the phases with
 * {@link ScaleFactors}; and moving values between cosets runs decimation in frequency (natural
 * in, bit-reversed out) then decimation in time, scaling in the middle, with no reordering.
 */
final class LaneTransform {
  private static final PrimeField FR = Bn254.FR;
  private static final LaneField LF = LaneField.FR;
  private static final int BLOCK = LaneField.BLOCK;
  private static final int RUN = LaneButterflies.RUN_BLOCKS * BLOCK;
  /** Elements per parallel task below which splitting does not pay. */
  private static final int MIN_TASK = 1 << 12;

  private final int k;
  private final int n;
  /** L: log2 of the row length, the layers of the row phase. */
  private final int blockLog;
  /** U = k - L: log2 of the row count, the layers of the column phase. */
  private final int rowsLog;
  /** Lanes a task fills: min(8, 2^U) rows, min(8, 2^L) columns. */
  private final int rowLanes;
  private final int columnLanes;
  private final Parallelism parallelism;
  private final Twiddles twiddles;
  private final long[] sizeInverse;
  private final ScaleFactors sizeInverseFactors;

  /** @param generator a primitive 2^k-th root of unity, in Montgomery form */
  LaneTransform(int k, long[] generator, Parallelism parallelism) {
    this.k = k;
    this.n = 1 << k;
    this.blockLog = (k + 1) / 2;
    this.rowsLog = k - blockLog;
    this.rowLanes = Math.min(BLOCK, 1 << rowsLog);
    this.columnLanes = Math.min(BLOCK, 1 << blockLog);
    this.parallelism = parallelism;
    this.twiddles = new Twiddles(k, generator, parallelism);
    this.sizeInverse = FR.element(BigInteger.valueOf(n).modInverse(FR.modulus()));
    this.sizeInverseFactors = ScaleFactors.constant(sizeInverse);
  }

  /** v_i becomes sum_j v_j (shift w^i)^j; shift null means 1. */
  void forward(long[] x, int o, long[] shift) {
    ScaleFactors pre = shift == null ? null : ScaleFactors.natural(rowsLog, blockLog, FR.element(1), shift);
    transform(x, o, false, pre, null);
  }

  /** v_i becomes (1/n) sum_j v_j w^(-ij) shiftInverse^i; shiftInverse null means 1. */
  void inverse(long[] x, int o, long[] shiftInverse) {
    ScaleFactors post = shiftInverse == null
        ? sizeInverseFactors
        : ScaleFactors.natural(blockLog, rowsLog, sizeInverse, shiftInverse);
    transform(x, o, true, null, post);
  }

  /**
   * Values on a coset c&middot;H to values on c&middot;s&middot;H: an inverse transform by
   * decimation in frequency leaves n times the coefficients at bit-reversed positions; they are
   * scaled by (1/n) s^rev_k(p), and a forward transform by decimation in time, which takes
   * bit-reversed input, finishes.
   */
  void moveCoset(long[] x, int o, long[] s) {
    ScaleFactors factors = ScaleFactors.bitReversed(rowsLog, blockLog, sizeInverse, s);
    long[] v = workingCopy();
    strips((c0, at, w, t) -> {
      for (int u = 0; u < 1 << rowsLog; u++) {
        for (int l = 0; l < columnLanes; l++) {
          int i = c0 + l + (u << blockLog);
          LF.fromPrimeField(v, at + BLOCK * u + l, x, o + 4 * ((n - i) & (n - 1)), 1);
        }
      }
      LaneButterflies.difColumns(v, at, rowsLog, blockLog, c0, twiddles, w, t);
    });
    rowGroups((s8, u0, rows, w, t) -> {
      for (int i = 0; i < rowLanes; i++) {
        rows[i] = u0 + i;
      }
      moveTiles(s8, v, rows, true);
      LaneButterflies.difRows(s8, blockLog, twiddles, w, t);
      for (int q = 0; q < 1 << blockLog; q++) {
        factors.apply(s8, BLOCK * q, u0, q);
      }
      LaneButterflies.ditRows(s8, blockLog, twiddles, w, t);
      moveTiles(s8, v, rows, false);
    });
    columnsOut(v, x, o, null);
  }

  /** v_i becomes v_i &middot; base^i. */
  void mulByPowers(long[] x, int o, long[] base) {
    int low = Math.min(k, Math.max(3, blockLog)); // eight consecutive positions share the high part
    ScaleFactors factors = ScaleFactors.natural(low, k - low, FR.element(1), base);
    int count = Math.min(BLOCK, n);
    parallelism.forRange((n + BLOCK - 1) / BLOCK, MIN_TASK / BLOCK, (from, to) -> {
      long[] s = LF.newVector(BLOCK);
      for (int b = from; b < to; b++) {
        int i = BLOCK * b;
        LF.fromPrimeField(s, 0, x, o + 4 * i, count);
        factors.apply(s, 0, i & ((1 << low) - 1), i >>> low);
        LF.toPrimeField(x, o + 4 * i, s, 0, count);
      }
    });
  }

  /**
   * Decimation in time with natural order in and out: x becomes post &middot; DFT(pre &middot; y),
   * y = x or, when {@code reverseInput}, y_j = x_(-j mod n); pre is indexed by input position
   * b + 2^U a, post by output position c + 2^L u.
   */
  private void transform(long[] x, int o, boolean reverseInput, ScaleFactors pre, ScaleFactors post) {
    long[] v = workingCopy();
    rowGroups((s8, b0, rows, w, t) -> {
      for (int a = 0; a < 1 << blockLog; a++) {
        int q = reverse(a, blockLog), m = (a << rowsLog) + b0;
        if (reverseInput || rowLanes < BLOCK) {
          for (int i = 0; i < rowLanes; i++) {
            LF.fromPrimeField(s8, BLOCK * q + i, x, o + 4 * (reverseInput ? (n - m - i) & (n - 1) : m + i), 1);
          }
        } else {
          LF.fromPrimeField(s8, BLOCK * q, x, o + 4 * m, BLOCK);
        }
        if (pre != null) {
          pre.apply(s8, BLOCK * q, b0, a);
        }
      }
      LaneButterflies.ditRows(s8, blockLog, twiddles, w, t);
      for (int i = 0; i < rowLanes; i++) {
        rows[i] = reverse(b0 + i, rowsLog);
      }
      moveTiles(s8, v, rows, false);
    });
    columnsOut(v, x, o, post);
  }

  /** The column phase of decimation in time, from the working copy v to x in natural order, then post. */
  private void columnsOut(long[] v, long[] x, int o, ScaleFactors post) {
    strips((c0, at, w, t) -> {
      LaneButterflies.ditColumns(v, at, rowsLog, blockLog, c0, twiddles, w, t);
      for (int u = 0; u < 1 << rowsLog; u++) {
        if (post != null) {
          post.apply(v, at + BLOCK * u, c0, u);
        }
        LF.toPrimeField(x, o + 4 * (c0 + (u << blockLog)), v, at + BLOCK * u, columnLanes);
      }
    });
  }

  /**
   * Between eight rows held one per lane in s8 (block q = position q) and the working copy's
   * strips (lane i of s8 is row rows[i]); {@code load} copies v to s8, else s8 to v.
   */
  private void moveTiles(long[] s8, long[] v, int[] rows, boolean load) {
    int[] positions = new int[BLOCK];
    int[] blocks = new int[BLOCK];
    for (int q0 = 0; q0 < 1 << blockLog; q0 += BLOCK) {
      for (int l = 0; l < BLOCK; l++) {
        positions[l] = q0 + l;
      }
      for (int i = 0; i < rowLanes; i++) {
        blocks[i] = ((q0 / BLOCK) << rowsLog) + rows[i];
      }
      if (load) {
        LaneButterflies.transpose(s8, positions, columnLanes, v, blocks, rowLanes);
      } else {
        LaneButterflies.transpose(v, blocks, rowLanes, s8, positions, columnLanes);
      }
    }
  }

  /** A zeroed lane vector for the strips: strip c0/8 holds blocks from element 8 &middot; 2^U (c0/8). */
  private long[] workingCopy() {
    return LF.newVector((BLOCK * Math.max(1, (1 << blockLog) / BLOCK)) << rowsLog);
  }

  /** Work on eight rows, one per lane, starting at row (or input column) {@code first}. */
  @FunctionalInterface
  private interface RowGroupTask {
    /**
     * @param s8 scratch for the eight rows, 2^L blocks (at least 8)
     * @param rows scratch for eight row indices
     * @param w, t scratch of {@link #RUN} elements each
     */
    void run(long[] s8, int first, int[] rows, long[] w, long[] t);
  }

  /** Work on the strip of columns c0 .. c0+7, which starts at element {@code at} of the working copy. */
  @FunctionalInterface
  private interface StripTask {
    /** @param w, t scratch of {@link #RUN} elements each */
    void run(int c0, int at, long[] w, long[] t);
  }

  private void rowGroups(RowGroupTask task) {
    int groups = Math.max(1, (1 << rowsLog) / BLOCK);
    parallelism.forRange(groups, Math.max(1, MIN_TASK >> (blockLog + 3)), (from, to) -> {
      long[] s8 = LF.newVector(BLOCK * Math.max(BLOCK, 1 << blockLog));
      int[] rows = new int[BLOCK];
      long[] w = LF.newVector(RUN);
      long[] t = LF.newVector(RUN);
      for (int g = from; g < to; g++) {
        task.run(s8, BLOCK * g, rows, w, t);
      }
    });
  }

  private void strips(StripTask task) {
    int strips = Math.max(1, (1 << blockLog) / BLOCK);
    parallelism.forRange(strips, Math.max(1, MIN_TASK >> (rowsLog + 3)), (from, to) -> {
      long[] w = LF.newVector(RUN);
      long[] t = LF.newVector(RUN);
      for (int s = from; s < to; s++) {
        task.run(BLOCK * s, (BLOCK * s) << rowsLog, w, t);
      }
    });
  }

  /** The low {@code bits} bits of i in reverse order. */
  static int reverse(int i, int bits) {
    return bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
  }
}
