package org.zkml4j.circuit.gadget.poseidon;

import java.math.BigInteger;

/**
 * The 80-bit Grain LFSR in self-shrinking mode that the Poseidon paper (appendix E) uses to draw
 * round constants and matrices as nothing-up-my-sleeve numbers.
 *
 * <p>The state starts as the bits of the instance: field type (2 bits, 1 = prime field), S-box
 * (4 bits, 0 = x^alpha), field size n (12 bits), width t (12 bits), full rounds (10 bits), partial
 * rounds (10 bits), then 30 ones; each step appends b[62] ^ b[51] ^ b[38] ^ b[23] ^ b[13] ^ b[0]
 * and drops b[0]; the first 160 steps are discarded. Output bits come from pairs of steps: when
 * the first bit of a pair is 1 the second is output, otherwise the pair is skipped. Numbers are
 * drawn most significant bit first.
 */
final class GrainLfsr {
  private static final int SIZE = 80;

  /** A ring buffer: b[i] is {@code state[(head + i) % 80]}. */
  private final boolean[] state = new boolean[SIZE];
  private int head;

  GrainLfsr(int fieldBits, int width, int fullRounds, int partialRounds) {
    int i = 0;
    i = put(i, 1, 2);
    i = put(i, 0, 4);
    i = put(i, fieldBits, 12);
    i = put(i, width, 12);
    i = put(i, fullRounds, 10);
    i = put(i, partialRounds, 10);
    while (i < SIZE) {
      state[i++] = true;
    }
    for (int k = 0; k < 160; k++) {
      step();
    }
  }

  /** Writes {@code value} as {@code bits} bits, most significant first, from position i. */
  private int put(int i, int value, int bits) {
    for (int b = bits - 1; b >= 0; b--) {
      state[i++] = ((value >>> b) & 1) != 0;
    }
    return i;
  }

  private boolean bit(int i) {
    return state[(head + i) % SIZE];
  }

  private boolean step() {
    boolean next = bit(62) ^ bit(51) ^ bit(38) ^ bit(23) ^ bit(13) ^ bit(0);
    state[head] = next; // b[0]'s slot becomes b[79] once head moves on
    head = (head + 1) % SIZE;
    return next;
  }

  /** One output bit of the self-shrinking generator. */
  private boolean nextBit() {
    while (true) {
      boolean keep = step();
      boolean bit = step();
      if (keep) {
        return bit;
      }
    }
  }

  /** The next {@code bits} output bits as an integer, most significant first. */
  BigInteger nextInteger(int bits) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < bits; i++) {
      v = v.shiftLeft(1);
      if (nextBit()) {
        v = v.setBit(0);
      }
    }
    return v;
  }
}
