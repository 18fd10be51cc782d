package org.zkml4j.math.ntt;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The twiddle factors of one domain of size n = 2^k, in {@link LaneField} form: layer h of a
 * radix-2 transform combines pairs 2^h apart with the factors T_h[j] = w_(2^(h+1))^j, j &lt; 2^h,
 * which is w^(j 2^(k-1-h)) for the domain's generator w, so one table of w^t for t &lt; n/2 (the top
 * layer's, 20 bytes per element of the domain) serves every layer. It holds LaneField limbs
 * element by element rather than in blocks of eight, so reading one factor touches one or two
 * cache lines, where a block layout spreads an element over five.
 *
 * <p>The passes read it two ways: {@link #broadcast} puts one factor in all eight lanes, for
 * passes whose lanes are independent transforms at the same position; {@link #gather} reads
 * eight consecutive factors of one layer, for passes whose lanes are consecutive positions.
 * Either way a factor read once serves every group of its layer in the pass, so reading costs
 * little next to the multiplications.
 *
 * <p>Only forward factors are kept: the transforms get w^-j by reversing their input's index
 * instead (see {@link LaneTransform}).
 */
final class Twiddles {
  private static final LaneField LF = LaneField.FR;
  private static final PrimeField FR = Bn254.FR;
  private static final int BLOCK = LaneField.BLOCK;
  private static final int LIMBS = LaneField.LIMBS;
  /** Longs per block of 8 lane elements. */
  static final int BLOCK_LONGS = LIMBS * BLOCK;

  private final int k;
  /**
   * T_(k-1): w^t for t &lt; n/2, as LaneField limbs but element by element (limb l of w^t at
   * 5t + l), so that one factor is one or two cache lines, not five.
   */
  private final long[] top;

  /** @param generator w, a primitive 2^k-th root of unity in Montgomery form */
  Twiddles(int k, long[] generator, Parallelism parallelism) {
    this.k = k;
    int half = k == 0 ? 0 : 1 << (k - 1);
    this.top = new long[LIMBS * half];
    // In PrimeField arithmetic, not in lanes: a fresh JVM builds its first table before C2 has
    // compiled the lane kernels, which run about 100 times slower until then (a 2^17 table took
    // 0.8 s in lanes in a JVM without the launcher's start-up cache; in scalar the whole domain
    // of a cold 2^17 prove takes 30 to 90 ms); warm, scalar costs a few ms more at 2^17.
    parallelism.forRange((half + BLOCK - 1) / BLOCK, 1 << 7, (from, to) -> {
      long[] w = FR.newVector(BLOCK);
      long[] block = LF.newVector(BLOCK);
      int first = BLOCK * from, last = Math.min(half, BLOCK * to);
      powers(w, 0, generator, first, 1);
      for (int t = first; t < last; t += BLOCK) {
        int count = Math.min(BLOCK, last - t);
        for (int i = 1; i < count; i++) {
          FR.mul(w, 4 * i, w, 4 * (i - 1), generator, 0);
        }
        LF.fromPrimeField(block, 0, w, 0, count);
        for (int lane = 0; lane < count; lane++) {
          for (int limb = 0; limb < LIMBS; limb++) {
            top[LIMBS * (t + lane) + limb] = block[BLOCK * limb + lane];
          }
        }
        FR.mul(w, 0, w, 4 * (count - 1), generator, 0);
      }
    });
  }

  /** Writes T_h[j] (h &lt; k, j &lt; 2^h) to all eight lanes of the block at element {@code at} of z. */
  void broadcast(long[] z, int at, int h, int j) {
    int src = LIMBS * (j << (k - 1 - h));
    int dst = at / BLOCK * BLOCK_LONGS;
    for (int limb = 0; limb < LIMBS; limb++) {
      long value = top[src + limb];
      for (int lane = 0; lane < BLOCK; lane++) {
        z[dst + BLOCK * limb + lane] = value;
      }
    }
  }

  /**
   * Copies T_h[j0 .. j0+lanes-1] into the first lanes of the block at element {@code at} of z;
   * at is a multiple of 8, h &lt; k, and j0 + lanes &le; 2^h.
   */
  void gather(long[] z, int at, int h, int j0, int lanes) {
    int shift = k - 1 - h;
    int dst = at / BLOCK * BLOCK_LONGS;
    for (int lane = 0; lane < lanes; lane++) {
      int src = LIMBS * ((j0 + lane) << shift);
      for (int limb = 0; limb < LIMBS; limb++) {
        z[dst + BLOCK * limb + lane] = top[src + limb];
      }
    }
  }

  /** Writes base^(first + i) to z[zo + 4i], i &lt; count (PrimeField form). */
  static void powers(long[] z, int zo, long[] base, int first, int count) {
    if (count == 0) {
      return;
    }
    FR.pow(z, zo, base, 0, new long[] {first});
    for (int i = 1; i < count; i++) {
      FR.mul(z, zo + 4 * i, z, zo + 4 * (i - 1), base, 0);
    }
  }

  /** Writes the element x[xo..xo+3] (PrimeField form) to all eight lanes of the block at element {@code at}. */
  static void broadcastValue(long[] z, int at, long[] x, int xo) {
    for (int lane = 0; lane < BLOCK; lane++) {
      LF.fromPrimeField(z, at + lane, x, xo, 1);
    }
  }
}
