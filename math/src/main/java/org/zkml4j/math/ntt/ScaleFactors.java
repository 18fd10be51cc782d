package org.zkml4j.math.ntt;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.field.PrimeField;

/**
 * Factors c &middot; s^e(x, y) for the elements of a transform's lane blocks, where x (&lt; 2^a)
 * is the lane's index, consecutive across the eight lanes of a block, and y (&lt; 2^b) is an index
 * the whole block shares. The factor is stored as a lane part, a table of 2^a elements, times a
 * block part, one block per y with the same value in all lanes, so applying it costs two lane
 * multiplications per element and the tables 2^a + 8 &middot; 2^b elements, not 2^(a+b).
 *
 * <p>Shapes: a constant; natural powers e = x + 2^a y, which scale coefficients in natural order
 * (position x + 2^a y); and bit-reversed powers e = rev_a(x) + 2^a rev_b(y) = rev_(a+b)(y + 2^b x),
 * for coefficients held at bit-reversed position y + 2^b x.
 */
final class ScaleFactors {
  private static final PrimeField FR = Bn254.FR;
  private static final LaneField LF = LaneField.FR;
  private static final int BLOCK = LaneField.BLOCK;

  /** Lane part: element x holds it for lane index x. */
  private final long[] lanes;
  /** Mask applied to lane indices: 0 for a constant (one block), else all ones. */
  private final int laneMask;
  /** Block part: block y holds it in every lane; null when 1. */
  private final long[] blocks;

  private ScaleFactors(long[] lanes, int laneMask, long[] blocks) {
    this.lanes = lanes;
    this.laneMask = laneMask;
    this.blocks = blocks;
  }

  /** The factor c everywhere (c in PrimeField form). */
  static ScaleFactors constant(long[] c) {
    long[] block = LF.newVector(BLOCK);
    Twiddles.broadcastValue(block, 0, c, 0);
    return new ScaleFactors(block, 0, null);
  }

  /** first &middot; base^(x + 2^a y) (PrimeField-form arguments). */
  static ScaleFactors natural(int a, int b, long[] first, long[] base) {
    long[] x = FR.newVector(1 << a);
    Twiddles.powers(x, 0, base, 0, 1 << a);
    long[] y = FR.newVector(1 << b);
    Twiddles.powers(y, 0, power2(base, a), 0, 1 << b);
    return of(x, first, y);
  }

  /** first &middot; base^(rev_a(x) + 2^a rev_b(y)) (PrimeField-form arguments). */
  static ScaleFactors bitReversed(int a, int b, long[] first, long[] base) {
    return of(bitReversedPowers(base, a), first, bitReversedPowers(power2(base, a), b));
  }

  /**
   * Multiplies the block at element xi of v by the factors of lane indices x0 .. x0+7 (x0 a
   * multiple of 8) and block index y.
   */
  void apply(long[] v, int vi, int x0, int y) {
    LF.mul(v, vi, v, vi, lanes, x0 & laneMask, BLOCK);
    if (blocks != null) {
      LF.mul(v, vi, v, vi, blocks, BLOCK * y, BLOCK);
    }
  }

  private static ScaleFactors of(long[] x, long[] first, long[] y) {
    int width = x.length / 4, count = y.length / 4;
    for (int i = 0; i < width; i++) {
      FR.mul(x, 4 * i, x, 4 * i, first, 0);
    }
    long[] lanes = LF.newVector(Math.max(width, BLOCK));
    LF.fromPrimeField(lanes, 0, x, 0, width);
    long[] blocks = LF.newVector(BLOCK * count);
    for (int i = 0; i < count; i++) {
      Twiddles.broadcastValue(blocks, BLOCK * i, y, 4 * i);
    }
    return new ScaleFactors(lanes, -1, blocks);
  }

  /** x^(2^e). */
  private static long[] power2(long[] x, int e) {
    long[] p = x.clone();
    for (int i = 0; i < e; i++) {
      FR.square(p, 0, p, 0);
    }
    return p;
  }

  /** x^rev_bits(i) at index i, i &lt; 2^bits, in PrimeField form. */
  private static long[] bitReversedPowers(long[] x, int bits) {
    int count = 1 << bits;
    long[] powers = FR.newVector(count);
    Twiddles.powers(powers, 0, x, 0, count);
    long[] out = FR.newVector(count);
    for (int i = 0; i < count; i++) {
      PrimeField.copy(out, 4 * LaneTransform.reverse(i, bits), powers, 4 * i);
    }
    return out;
  }
}
