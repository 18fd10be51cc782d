package org.zkml4j.math.poseidon;

import java.math.BigInteger;

/**
 * The Grain LFSR of the Poseidon paper (eprint 2019/458, appendix F): the deterministic bit source
 * its reference script {@code generate_parameters_grain.sage} draws round constants and MDS
 * matrices from. Seeding it with the instance's parameters makes every constant reproducible from
 * (field type, S-box, field bits, width, full rounds, partial rounds) alone.
 *
 * <p>The 80-bit state starts as those six numbers (2, 4, 12, 12, 10 and 10 bits, most significant
 * first) followed by thirty ones, and is clocked 160 times before use. Each clock appends the XOR
 * of state bits 62, 51, 38, 23, 13 and 0 and drops bit 0. Output is self-shrunk: bits are taken in
 * pairs, and the second of a pair is emitted only when the first is 1.
 */
final class GrainLfsr {
  /** State bits 0..63 (bit j at position j), the oldest first to leave. */
  private long low;
  /** State bits 64..79 (bit j at position j - 64). */
  private long high;

  /**
   * @param fieldType 1 for a prime field (0 would be GF(2^n))
   * @param sbox 0 for x^alpha (1 would be x^-1)
   */
  GrainLfsr(int fieldType, int sbox, int fieldBits, int width, int fullRounds, int partialRounds) {
    int pos = load(0, fieldType, 2);
    pos = load(pos, sbox, 4);
    pos = load(pos, fieldBits, 12);
    pos = load(pos, width, 12);
    pos = load(pos, fullRounds, 10);
    pos = load(pos, partialRounds, 10);
    load(pos, (1 << 30) - 1, 30);
    for (int i = 0; i < 160; i++) {
      clock();
    }
  }

  /** Sets state bits pos, pos+1, ... to value's {@code bits} bits, most significant first. */
  private int load(int pos, int value, int bits) {
    if (value < 0 || value >= 1L << bits) {
      throw new IllegalArgumentException(value + " does not fit in " + bits + " bits");
    }
    for (int i = bits - 1; i >= 0; i--, pos++) {
      long bit = (value >>> i) & 1;
      if (pos < 64) {
        low |= bit << pos;
      } else {
        high |= bit << (pos - 64);
      }
    }
    return pos;
  }

  private long clock() {
    long next = ((low >>> 62) ^ (low >>> 51) ^ (low >>> 38) ^ (low >>> 23) ^ (low >>> 13) ^ low) & 1;
    low = (low >>> 1) | (high << 63);
    high = (high >>> 1) | (next << 15);
    return next;
  }

  boolean nextBit() {
    while (true) {
      long keep = clock();
      long value = clock();
      if (keep != 0) {
        return value != 0;
      }
    }
  }

  /** The next n output bits as an unsigned integer, the first bit most significant. */
  BigInteger nextInteger(int n) {
    byte[] magnitude = new byte[(n + 7) / 8];
    for (int i = n - 1; i >= 0; i--) {
      if (nextBit()) {
        magnitude[magnitude.length - 1 - (i >>> 3)] |= (byte) (1 << (i & 7));
      }
    }
    return new BigInteger(1, magnitude);
  }
}
