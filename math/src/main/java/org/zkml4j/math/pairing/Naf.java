package org.zkml4j.math.pairing;

import java.math.BigInteger;

/** Non-adjacent form: signed binary digits in {-1, 0, 1}, no two adjacent ones non-zero. */
final class Naf {
  private Naf() {}

  /**
   * The NAF digits of a positive n, least significant first; the last digit is 1. It has the
   * fewest non-zero digits of any signed binary form, so the fewest additions in a double-and-add
   * loop (negating a point or a unitary Fq12 element is free).
   */
  static byte[] of(BigInteger n) {
    if (n.signum() <= 0) {
      throw new IllegalArgumentException("NAF of a non-positive number: " + n);
    }
    byte[] digits = new byte[n.bitLength() + 1];
    int len = 0;
    while (n.signum() > 0) {
      int d = 0;
      if (n.testBit(0)) {
        d = n.testBit(1) ? -1 : 1; // n mod 4 == 3 -> -1, == 1 -> 1
        n = n.subtract(BigInteger.valueOf(d));
      }
      digits[len++] = (byte) d;
      n = n.shiftRight(1);
    }
    return java.util.Arrays.copyOf(digits, len);
  }
}
