package org.zkml4j.groth16.ceremony;

/**
 * The ChaCha20 keystream as a random number generator, word for word the one of ffjavascript
 * (snarkjs's {@code ChaCha}): the 256-bit key is eight 32-bit seed words, the 128-bit block counter
 * (state words 12..15) starts at zero and the nonce is empty, and each 64-byte block yields its 16
 * words in order. snarkjs derives every ceremony key from such a generator (private keys, the
 * points of the proofs of knowledge, the G2 points hashed from transcripts, beacons), so these must
 * be reproduced exactly to verify its files.
 */
final class ChaCha {
  private final int[] state = new int[16];
  private final int[] block = new int[16];
  private int next = 16;

  /** @param seed eight words */
  ChaCha(int[] seed) {
    if (seed.length != 8) {
      throw new IllegalArgumentException("ChaCha takes 8 seed words, got " + seed.length);
    }
    state[0] = 0x61707865; // "expand 32-byte k"
    state[1] = 0x3320646e;
    state[2] = 0x79622d32;
    state[3] = 0x6b206574;
    System.arraycopy(seed, 0, state, 4, 8);
  }

  /** A generator seeded with the first 32 bytes of {@code bytes}, read as big-endian words. */
  static ChaCha seededBigEndian(byte[] bytes) {
    int[] seed = new int[8];
    for (int i = 0; i < 8; i++) {
      seed[i] = ((bytes[4 * i] & 0xff) << 24) | ((bytes[4 * i + 1] & 0xff) << 16)
          | ((bytes[4 * i + 2] & 0xff) << 8) | (bytes[4 * i + 3] & 0xff);
    }
    return new ChaCha(seed);
  }

  int nextInt() {
    if (next == 16) {
      refill();
    }
    return block[next++];
  }

  /** Two words, the first one high, as ffjavascript's {@code nextU64}. */
  long nextLong() {
    long hi = Integer.toUnsignedLong(nextInt());
    return (hi << 32) | Integer.toUnsignedLong(nextInt());
  }

  /** The low bit of the next word. */
  boolean nextBoolean() {
    return (nextInt() & 1) == 1;
  }

  private void refill() {
    int[] x = block;
    System.arraycopy(state, 0, x, 0, 16);
    for (int i = 0; i < 10; i++) {
      quarterRound(x, 0, 4, 8, 12);
      quarterRound(x, 1, 5, 9, 13);
      quarterRound(x, 2, 6, 10, 14);
      quarterRound(x, 3, 7, 11, 15);
      quarterRound(x, 0, 5, 10, 15);
      quarterRound(x, 1, 6, 11, 12);
      quarterRound(x, 2, 7, 8, 13);
      quarterRound(x, 3, 4, 9, 14);
    }
    for (int i = 0; i < 16; i++) {
      x[i] += state[i];
    }
    next = 0;
    for (int i = 12; i < 16 && ++state[i] == 0; i++) {
      // the counter carries into the next word only on wrap-around
    }
  }

  private static void quarterRound(int[] x, int a, int b, int c, int d) {
    x[a] += x[b];
    x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
    x[c] += x[d];
    x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
    x[a] += x[b];
    x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
    x[c] += x[d];
    x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
  }
}
