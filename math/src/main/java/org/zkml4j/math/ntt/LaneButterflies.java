package org.zkml4j.math.ntt;

import org.zkml4j.math.field.LaneField;

/**
 * Radix-2 butterflies on {@link LaneField} vectors, eight per kernel call: decimation in time
 * (a, b) -&gt; (a + wb, a - wb) and decimation in frequency (a, b) -&gt; (a + b, (a - b)w). Values
 * stay in [0, 2r) throughout, as LaneField's operations keep them.
 *
 * <p>The layer passes see a vector as a sequence of blocks (8 lanes each) and pair whole blocks,
 * so the eight lanes always hold eight independent transforms, or eight columns of one:
 * <ul>
 *   <li>{@link #ditRows}/{@link #difRows}: block q holds position q of eight independent
 *       transforms, one per lane, so every lane of a block takes the same twiddle;
 *   <li>{@link #ditColumns}/{@link #difColumns}: block u holds row u of a strip of eight
 *       columns c0 .. c0+7 of a transform seen as rows of 2^L elements, and the twiddles of the
 *       upper layers differ per column.
 * </ul>
 * {@link #transpose} moves 8 x 8 tiles between the two views.
 */
final class LaneButterflies {
  private static final LaneField LF = LaneField.FR;
  private static final int BLOCK = LaneField.BLOCK;
  private static final int BLOCK_LONGS = Twiddles.BLOCK_LONGS;
  /** Blocks one call of a layer pass handles at most: its scratch stays in L1. */
  static final int RUN_BLOCKS = 8;

  private LaneButterflies() {}

  /**
   * Decimation in time on {@code count} pairs (a multiple of 8): x[a+i], x[b+i] become
   * x[a+i] + t and x[a+i] - t with t = x[b+i] w[wi+i].
   *
   * @param t scratch of at least count elements
   */
  static void dit(long[] x, int a, int b, long[] w, int wi, int count, long[] t) {
    LF.mul(t, 0, x, b, w, wi, count);
    LF.sub(x, b, x, a, t, 0, count);
    LF.add(x, a, x, a, t, 0, count);
  }

  /** Decimation in frequency on {@code count} pairs: x[a+i] + x[b+i] and (x[a+i] - x[b+i]) w[wi+i]. */
  static void dif(long[] x, int a, int b, long[] w, int wi, int count, long[] t) {
    LF.sub(t, 0, x, a, x, b, count);
    LF.add(x, a, x, a, x, b, count);
    LF.mul(x, b, t, 0, w, wi, count);
  }

  /** The butterfly with twiddle 1, the same in both directions: x[a+i] + x[b+i] and x[a+i] - x[b+i]. */
  static void plusMinus(long[] x, int a, int b, int count, long[] t) {
    LF.sub(t, 0, x, a, x, b, count);
    LF.add(x, a, x, a, x, b, count);
    LaneField.copy(x, b, t, 0, count);
  }

  // ---------------------------------------------------------------- one transform per lane

  /**
   * Decimation in time, layers 0 .. log-1, of eight transforms of size 2^log, lane l of block q
   * holding position q of transform l (blocks from element 0 of x).
   *
   * @param w, t scratch of {@link #RUN_BLOCKS} blocks each
   */
  static void ditRows(long[] x, int log, Twiddles tw, long[] w, long[] t) {
    for (int h = 0; h < log; h++) {
      rowLayer(x, log, h, true, tw, w, t);
    }
  }

  /** Decimation in frequency, layers log-1 .. 0, of eight transforms (see {@link #ditRows}). */
  static void difRows(long[] x, int log, Twiddles tw, long[] w, long[] t) {
    for (int h = log - 1; h >= 0; h--) {
      rowLayer(x, log, h, false, tw, w, t);
    }
  }

  private static void rowLayer(long[] x, int log, int h, boolean inTime, Twiddles tw, long[] w, long[] t) {
    int m = 1 << h, size = 1 << log;
    for (int base = 0; base < size; base += 2 * m) { // j = 0: twiddle 1
      plusMinus(x, BLOCK * base, BLOCK * (base + m), BLOCK, t);
    }
    for (int j0 = 1; j0 < m; j0 += RUN_BLOCKS) {
      int count = Math.min(RUN_BLOCKS, m - j0);
      for (int r = 0; r < count; r++) {
        tw.broadcast(w, BLOCK * r, h, j0 + r);
      }
      for (int base = 0; base < size; base += 2 * m) {
        int a = BLOCK * (base + j0), b = a + BLOCK * m;
        if (inTime) {
          dit(x, a, b, w, 0, BLOCK * count, t);
        } else {
          dif(x, a, b, w, 0, BLOCK * count, t);
        }
      }
    }
  }

  // ---------------------------------------------------------------- one column per lane

  /**
   * Decimation in time, layers L .. L+rowsLog-1, of the strip of eight columns c0 .. c0+7 (c0 a
   * multiple of 8) of a vector seen as rows of 2^L elements: block u from element {@code at} of
   * x holds elements c0 + 2^L u.
   *
   * @param w, t scratch of {@link #RUN_BLOCKS} blocks each
   */
  static void ditColumns(long[] x, int at, int rowsLog, int blockLog, int c0, Twiddles tw, long[] w, long[] t) {
    for (int h = 0; h < rowsLog; h++) {
      columnLayer(x, at, rowsLog, blockLog, h, c0, true, tw, w, t);
    }
  }

  /** Decimation in frequency, layers L+rowsLog-1 .. L, of a strip (see {@link #ditColumns}). */
  static void difColumns(long[] x, int at, int rowsLog, int blockLog, int c0, Twiddles tw, long[] w, long[] t) {
    for (int h = rowsLog - 1; h >= 0; h--) {
      columnLayer(x, at, rowsLog, blockLog, h, c0, false, tw, w, t);
    }
  }

  /**
   * Layer L+h: rows r and r + 2^h of each group of 2^(h+1) rows, with twiddles
   * T_(L+h)[c + 2^L (r mod 2^h)], the same for every group, so each is gathered once.
   */
  private static void columnLayer(long[] x, int at, int rowsLog, int blockLog, int h, int c0, boolean inTime,
      Twiddles tw, long[] w, long[] t) {
    int d = 1 << h, rows = 1 << rowsLog;
    for (int r0 = 0; r0 < d; r0 += RUN_BLOCKS) {
      int count = Math.min(RUN_BLOCKS, d - r0);
      for (int r = 0; r < count; r++) {
        tw.gather(w, BLOCK * r, blockLog + h, c0 + ((r0 + r) << blockLog), Math.min(BLOCK, 1 << blockLog));
      }
      for (int base = 0; base < rows; base += 2 * d) {
        int a = at + BLOCK * (base + r0), b = a + BLOCK * d;
        if (inTime) {
          dit(x, a, b, w, 0, BLOCK * count, t);
        } else {
          dif(x, a, b, w, 0, BLOCK * count, t);
        }
      }
    }
  }

  /**
   * Transposes an 8 x 8 tile: lane l of block {@code zBlocks[i]} of z becomes lane i of block
   * {@code xBlocks[l]} of x, for i &lt; {@code zCount} and l &lt; {@code xCount} (block indices,
   * not element indices).
   */
  static void transpose(long[] z, int[] zBlocks, int zCount, long[] x, int[] xBlocks, int xCount) {
    for (int i = 0; i < zCount; i++) {
      int zo = BLOCK_LONGS * zBlocks[i];
      for (int l = 0; l < xCount; l++) {
        int xo = BLOCK_LONGS * xBlocks[l] + i;
        for (int limb = 0; limb < BLOCK_LONGS; limb += BLOCK) {
          z[zo + limb + l] = x[xo + limb];
        }
      }
    }
  }
}
