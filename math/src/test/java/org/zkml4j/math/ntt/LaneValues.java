package org.zkml4j.math.ntt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.math.ntt.NaiveTransforms.R;

import java.math.BigInteger;
import java.util.Random;

/**
 * Reads and writes elements of LaneField vectors by their documented layout (element i, limb l at
 * 40*(i/8) + 8*l + i%8; 51-bit limbs of a raw V standing for V * 2^-255 mod r), with BigInteger
 * only, so tests of the lane passes do not lean on the conversions they use.
 */
final class LaneValues {
  private static final BigInteger MONTGOMERY = BigInteger.ONE.shiftLeft(255);
  private static final long MASK = (1L << 51) - 1;

  private LaneValues() {}

  static void setRaw(long[] v, int i, BigInteger raw) {
    for (int l = 0; l < 5; l++) {
      v[40 * (i / 8) + 8 * l + i % 8] = raw.shiftRight(51 * l).longValue() & MASK;
    }
  }

  static BigInteger raw(long[] v, int i) {
    BigInteger raw = BigInteger.ZERO;
    for (int l = 4; l >= 0; l--) {
      raw = raw.shiftLeft(51).add(BigInteger.valueOf(v[40 * (i / 8) + 8 * l + i % 8]));
    }
    return raw;
  }

  /** Stores x, as its raw form in [0, r) or, when {@code high}, in [r, 2r). */
  static void set(long[] v, int i, BigInteger x, boolean high) {
    BigInteger raw = x.multiply(MONTGOMERY).mod(R);
    setRaw(v, i, high ? raw.add(R) : raw);
  }

  /** The element stored at i, after checking that its raw form lies in [0, 2r) with 51-bit limbs. */
  static BigInteger get(long[] v, int i) {
    for (int l = 0; l < 5; l++) {
      long limb = v[40 * (i / 8) + 8 * l + i % 8];
      assertTrue(limb >= 0 && limb <= MASK, "limb " + l + " of element " + i + " not normalised: " + limb);
    }
    BigInteger raw = raw(v, i);
    assertTrue(raw.compareTo(R.shiftLeft(1)) < 0, "element " + i + " out of [0, 2r): " + raw);
    return raw.multiply(MONTGOMERY.modInverse(R)).mod(R);
  }

  /** Fills elements [from, from + count) with random values, a fifth of them in their high form. */
  static BigInteger[] fill(long[] v, int from, int count, Random rnd) {
    BigInteger[] x = NaiveTransforms.randomVector(count, rnd);
    for (int i = 0; i < count; i++) {
      set(v, from + i, x[i], rnd.nextInt(5) == 0);
    }
    return x;
  }

  static void assertElements(BigInteger[] expected, long[] v, int from, String what) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], get(v, from + i), what + ", element " + i);
    }
  }
}
