package org.zkml4j.math.ntt;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * The factors c &middot; s^rev(p) for p &lt; 2^k, rev being k-bit reversal: what scales coefficients
 * that a decimation-in-frequency pass left in bit-reversed order, without a table of 2^k elements.
 *
 * <p>Splitting p into its low b bits l and high k-b bits h gives rev(p) = rev_b(l)&middot;2^(k-b) +
 * rev_(k-b)(h), so the factor is low[l] &middot; high[h] with two tables of about 2^(k/2) elements:
 * one multiplication per lookup.
 */
final class BitReversedPowers {
  private static final PrimeField FR = Bn254.FR;

  private final int lowBits;
  private final int lowMask;
  /** c &middot; s^(rev_b(l) 2^(k-b)). */
  private final long[] low;
  /** s^rev_(k-b)(h). */
  private final long[] high;

  /**
   * @param s the base, one Fr element in Montgomery form
   * @param c the constant factor, one Fr element in Montgomery form
   */
  BitReversedPowers(int k, long[] s, long[] c) {
    lowBits = k / 2;
    lowMask = (1 << lowBits) - 1;
    int highBits = k - lowBits;
    long[] sToHigh = new long[4];
    PrimeField.copy(sToHigh, 0, s, 0);
    for (int i = 0; i < highBits; i++) {
      FR.square(sToHigh, 0, sToHigh, 0);
    }
    low = bitReversed(sToHigh, lowBits);
    for (int l = 0; l < 1 << lowBits; l++) {
      FR.mul(low, 4 * l, low, 4 * l, c, 0);
    }
    high = bitReversed(s, highBits);
  }

  /** Writes the factor for position p (p &lt; 2^k) into t[0..3]. */
  void get(int p, long[] t) {
    FR.mul(t, 0, low, 4 * (p & lowMask), high, 4 * (p >>> lowBits));
  }

  /** x^rev_bits(i) at index i, for i &lt; 2^bits. */
  private static long[] bitReversed(long[] x, int bits) {
    int count = 1 << bits;
    long[] out = FR.newVector(count);
    long[] power = FR.element(1);
    for (int i = 0; i < count; i++) {
      int r = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
      PrimeField.copy(out, 4 * r, power, 0);
      FR.mul(power, 0, power, 0, x, 0);
    }
    return out;
  }
}
