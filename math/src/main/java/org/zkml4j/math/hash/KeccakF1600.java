package org.zkml4j.math.hash;

/**
 * The Keccak-f[1600] permutation (FIPS 202, section 3): 24 rounds of theta, rho, pi, chi and iota
 * on 25 lanes of 64 bits, lane (x, y) at index x + 5y.
 *
 * <p>The tables are computed from their definitions in FIPS 202 rather than typed in: round
 * constants from the degree-8 LFSR rc(t) (algorithm 5), rotation offsets (t+1)(t+2)/2 along the
 * walk (x, y) -&gt; (y, 2x + 3y) (algorithm 2), and pi's lane moves from the same map (algorithm 3).
 */
final class KeccakF1600 {
  static final int LANES = 25;
  private static final int ROUNDS = 24;
  private static final long[] ROUND_CONSTANTS = new long[ROUNDS];
  /** Rotation of lane i in rho. */
  private static final int[] ROTATION = new int[LANES];
  /** Where pi moves lane i: (x, y) goes to (y, 2x + 3y mod 5). */
  private static final int[] PI_TARGET = new int[LANES];

  static {
    int r = 1; // rc's LFSR state; bit 0 is the output
    for (int round = 0; round < ROUNDS; round++) {
      for (int j = 0; j < 7; j++) {
        if ((r & 1) != 0) {
          ROUND_CONSTANTS[round] |= 1L << ((1 << j) - 1);
        }
        r = ((r << 1) ^ ((r & 0x80) != 0 ? 0x71 : 0)) & 0xFF;
      }
    }
    int x = 1, y = 0;
    for (int t = 0; t < 24; t++) {
      ROTATION[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
      int nextY = (2 * x + 3 * y) % 5;
      x = y;
      y = nextY;
    }
    for (int i = 0; i < LANES; i++) {
      int lx = i % 5, ly = i / 5;
      PI_TARGET[i] = ly + 5 * ((2 * lx + 3 * ly) % 5);
    }
  }

  private KeccakF1600() {}

  /**
   * Permutes the 25 lanes at a[0..25) in place.
   *
   * @param b at least 25 longs of scratch, overwritten
   */
  static void permute(long[] a, long[] b) {
    for (int round = 0; round < ROUNDS; round++) {
      // theta: XOR each lane with the parities of two neighbouring columns
      for (int x = 0; x < 5; x++) {
        b[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = b[(x + 4) % 5] ^ Long.rotateLeft(b[(x + 1) % 5], 1);
        for (int i = x; i < LANES; i += 5) {
          a[i] ^= d;
        }
      }
      // rho and pi: rotate each lane and move it
      for (int i = 0; i < LANES; i++) {
        b[PI_TARGET[i]] = Long.rotateLeft(a[i], ROTATION[i]);
      }
      // chi: the only non-linear step, along rows
      for (int row = 0; row < LANES; row += 5) {
        for (int x = 0; x < 5; x++) {
          a[row + x] = b[row + x] ^ (~b[row + (x + 1) % 5] & b[row + (x + 2) % 5]);
        }
      }
      // iota
      a[0] ^= ROUND_CONSTANTS[round];
    }
  }
}
