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
  private static final int SIZE = 80;

  /** state bit j lives at bits[(head + j) % SIZE]. */
  private final boolean[] bits = new boolean[SIZE];
  private int head;

  /**
   * @param fieldType 1 for a prime field (0 would be GF(2^n))
   * @param sbox 0 for x^alpha (1 would be x^-1)
   */
  GrainLfsr(int fieldType, int sbox, int fieldBits, int width, int fullRounds, int partialRounds) {
    int pos = 0;
    pos = load(pos, fieldType, 2);
    pos = load(pos, sbox, 4);
    pos = load(pos, fieldBits, 12);
    pos = load(pos, width, 12);
    pos = load(pos, fullRounds, 10);
    pos = load(pos, partialRounds, 10);
    while (pos < SIZE) {
      bits[pos++] = true;
    }
    for (int i = 0; i < 160; i++) {
      clock();
    }
  }

  private int load(int pos, int value, int width) {
    if (value < 0 || value >= 1 << width) {
      throw new IllegalArgumentException(value + " does not fit in " + width + " bits");
    }
    for (int i = width - 1; i >= 0; i--) {
      bits[pos++] = ((value >>> i) & 1) != 0;
    }
    return pos;
  }

  private boolean bit(int j) {
    return bits[(head + j) % SIZE];
  }

  private boolean clock() {
    boolean next = bit(62) ^ bit(51) ^ bit(38) ^ bit(23) ^ bit(13) ^ bit(0);
    bits[head] = next; // overwrites bit 0, which becomes bit 79 once head moves on
    head = (head + 1) % SIZE;
    return next;
  }

  boolean nextBit() {
    while (true) {
      boolean keep = clock();
      boolean value = clock();
      if (keep) {
        return value;
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
