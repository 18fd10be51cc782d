package org.zkml4j.math.hash;

/**
 * The Keccak-f[1600] permutation (FIPS 202, section 3): 24 rounds of theta, rho, pi, chi and iota
 * on 25 lanes of 64 bits, lane (x, y) at index x + 5y.
 *
 * <p>The rounds are unrolled over local variables, so the state stays in registers. The rotation
 * offsets and lane moves written into them are rho's (t+1)(t+2)/2 mod 64 along the walk (x, y)
 * -&gt; (y, 2x + 3y) (FIPS 202 algorithm 2) and pi's (x, y) -&gt; (y, 2x + 3y) (algorithm 3); the
 * round constants are computed from the LFSR rc(t) of algorithm 5 rather than typed in. The
 * tests check the result against the JDK's SHA-3 and published Keccak-256 answers.
 */
final class KeccakF1600 {
  static final int LANES = 25;
  private static final int ROUNDS = 24;
  private static final long[] ROUND_CONSTANTS = new long[ROUNDS];

  static {
    int r = 1; // rc's LFSR state x^8 + x^6 + x^5 + x^4 + 1; bit 0 is the output
    for (int round = 0; round < ROUNDS; round++) {
      for (int j = 0; j < 7; j++) {
        if ((r & 1) != 0) {
          ROUND_CONSTANTS[round] |= 1L << ((1 << j) - 1);
        }
        r = ((r << 1) ^ ((r & 0x80) != 0 ? 0x71 : 0)) & 0xFF;
      }
    }
  }

  private KeccakF1600() {}

  /** Permutes the 25 lanes at state[0..25) in place. */
  static void permute(long[] state) {
    long a0 = state[0]; long a1 = state[1]; long a2 = state[2]; long a3 = state[3]; long a4 = state[4];
    long a5 = state[5]; long a6 = state[6]; long a7 = state[7]; long a8 = state[8]; long a9 = state[9];
    long a10 = state[10]; long a11 = state[11]; long a12 = state[12]; long a13 = state[13]; long a14 = state[14];
    long a15 = state[15]; long a16 = state[16]; long a17 = state[17]; long a18 = state[18]; long a19 = state[19];
    long a20 = state[20]; long a21 = state[21]; long a22 = state[22]; long a23 = state[23]; long a24 = state[24];
    for (int round = 0; round < ROUNDS; round++) {
      // theta: XOR each lane with the parities of the two neighbouring columns
      long c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
      long c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
      long c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
      long c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
      long c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      // rho and pi: rotate each lane by its offset and move it to its new place
      long b0 = a0 ^ d0;
      long b1 = Long.rotateLeft(a6 ^ d1, 44);
      long b2 = Long.rotateLeft(a12 ^ d2, 43);
      long b3 = Long.rotateLeft(a18 ^ d3, 21);
      long b4 = Long.rotateLeft(a24 ^ d4, 14);
      long b5 = Long.rotateLeft(a3 ^ d3, 28);
      long b6 = Long.rotateLeft(a9 ^ d4, 20);
      long b7 = Long.rotateLeft(a10 ^ d0, 3);
      long b8 = Long.rotateLeft(a16 ^ d1, 45);
      long b9 = Long.rotateLeft(a22 ^ d2, 61);
      long b10 = Long.rotateLeft(a1 ^ d1, 1);
      long b11 = Long.rotateLeft(a7 ^ d2, 6);
      long b12 = Long.rotateLeft(a13 ^ d3, 25);
      long b13 = Long.rotateLeft(a19 ^ d4, 8);
      long b14 = Long.rotateLeft(a20 ^ d0, 18);
      long b15 = Long.rotateLeft(a4 ^ d4, 27);
      long b16 = Long.rotateLeft(a5 ^ d0, 36);
      long b17 = Long.rotateLeft(a11 ^ d1, 10);
      long b18 = Long.rotateLeft(a17 ^ d2, 15);
      long b19 = Long.rotateLeft(a23 ^ d3, 56);
      long b20 = Long.rotateLeft(a2 ^ d2, 62);
      long b21 = Long.rotateLeft(a8 ^ d3, 55);
      long b22 = Long.rotateLeft(a14 ^ d4, 39);
      long b23 = Long.rotateLeft(a15 ^ d0, 41);
      long b24 = Long.rotateLeft(a21 ^ d1, 2);
      // chi, along rows, then iota
      a0 = b0 ^ (~b1 & b2);
      a1 = b1 ^ (~b2 & b3);
      a2 = b2 ^ (~b3 & b4);
      a3 = b3 ^ (~b4 & b0);
      a4 = b4 ^ (~b0 & b1);
      a5 = b5 ^ (~b6 & b7);
      a6 = b6 ^ (~b7 & b8);
      a7 = b7 ^ (~b8 & b9);
      a8 = b8 ^ (~b9 & b5);
      a9 = b9 ^ (~b5 & b6);
      a10 = b10 ^ (~b11 & b12);
      a11 = b11 ^ (~b12 & b13);
      a12 = b12 ^ (~b13 & b14);
      a13 = b13 ^ (~b14 & b10);
      a14 = b14 ^ (~b10 & b11);
      a15 = b15 ^ (~b16 & b17);
      a16 = b16 ^ (~b17 & b18);
      a17 = b17 ^ (~b18 & b19);
      a18 = b18 ^ (~b19 & b15);
      a19 = b19 ^ (~b15 & b16);
      a20 = b20 ^ (~b21 & b22);
      a21 = b21 ^ (~b22 & b23);
      a22 = b22 ^ (~b23 & b24);
      a23 = b23 ^ (~b24 & b20);
      a24 = b24 ^ (~b20 & b21);
      a0 ^= ROUND_CONSTANTS[round];
    }
    state[0] = a0; state[1] = a1; state[2] = a2; state[3] = a3; state[4] = a4;
    state[5] = a5; state[6] = a6; state[7] = a7; state[8] = a8; state[9] = a9;
    state[10] = a10; state[11] = a11; state[12] = a12; state[13] = a13; state[14] = a14;
    state[15] = a15; state[16] = a16; state[17] = a17; state[18] = a18; state[19] = a19;
    state[20] = a20; state[21] = a21; state[22] = a22; state[23] = a23; state[24] = a24;
  }
}
