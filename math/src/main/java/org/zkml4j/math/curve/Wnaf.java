package org.zkml4j.math.curve;

/**
 * Width-w non-adjacent form of a non-negative integer: digits that are zero or odd in
 * (-2^(w-1), 2^(w-1)), with at least w-1 zeros after each non-zero digit, so a scalar
 * multiplication needs only odd multiples P, 3P, ..., (2^(w-1)-1)P and about one addition per
 * w+1 bits.
 */
final class Wnaf {
  private Wnaf() {}

  /**
   * The digits of k, least significant first.
   *
   * @param k little-endian limbs whose top limb is zero, so the recoding's carry has room
   */
  static byte[] digits(long[] k, int width) {
    long[] x = k.clone();
    byte[] digits = new byte[64 * x.length];
    int mask = (1 << width) - 1;
    for (int i = 0; !isZero(x); i++) {
      if ((x[0] & 1) != 0) {
        int d = (int) (x[0] & mask);
        if (d >= 1 << (width - 1)) {
          d -= 1 << width;
          addSmall(x, -d); // x - d with d negative: x grows, and its low w bits become zero
        } else {
          x[0] -= d; // clears exactly the low bits that are set: no borrow
        }
        digits[i] = (byte) d;
      }
      shiftRightOne(x);
    }
    return digits;
  }

  private static boolean isZero(long[] x) {
    for (long v : x) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static void addSmall(long[] x, long v) {
    for (int i = 0; i < x.length && v != 0; i++) {
      long sum = x[i] + v;
      v = Long.compareUnsigned(sum, x[i]) < 0 ? 1 : 0;
      x[i] = sum;
    }
  }

  private static void shiftRightOne(long[] x) {
    for (int i = 0; i < x.length - 1; i++) {
      x[i] = (x[i] >>> 1) | (x[i + 1] << 63);
    }
    x[x.length - 1] >>>= 1;
  }
}
