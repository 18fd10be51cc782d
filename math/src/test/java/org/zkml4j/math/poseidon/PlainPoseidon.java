package org.zkml4j.math.poseidon;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;

/**
 * The test oracle for the optimized permutation: the paper's plain Poseidon transcribed literally
 * on BigInteger (add the round's t constants, S-box x^5 on every cell in the first and last four
 * rounds and on cell 0 in between, multiply by the MDS matrix), with the constants of {@link
 * PoseidonConstants}, which {@code PoseidonConstantsTest} checks against circomlibjs.
 */
final class PlainPoseidon {
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private PlainPoseidon() {}

  static BigInteger[] permute(PoseidonConstants c, BigInteger[] input) {
    int t = c.width;
    BigInteger[] rc = elements(c.roundConstants);
    BigInteger[] m = elements(c.mds);
    BigInteger[] state = input.clone();
    int rounds = PoseidonConstants.FULL_ROUNDS + c.partialRounds;
    for (int r = 0; r < rounds; r++) {
      boolean full = r < PoseidonConstants.FULL_ROUNDS / 2 || r >= PoseidonConstants.FULL_ROUNDS / 2 + c.partialRounds;
      for (int i = 0; i < t; i++) {
        state[i] = state[i].add(rc[r * t + i]).mod(R);
        if (full || i == 0) {
          state[i] = state[i].modPow(FIVE, R);
        }
      }
      BigInteger[] next = new BigInteger[t];
      for (int i = 0; i < t; i++) {
        next[i] = BigInteger.ZERO;
        for (int j = 0; j < t; j++) {
          next[i] = next[i].add(m[i * t + j].multiply(state[j]));
        }
        next[i] = next[i].mod(R);
      }
      state = next;
    }
    return state;
  }

  /** Hash of 1..16 inputs: cell 0 of the permuted (0, inputs...). */
  static BigInteger hash(BigInteger... inputs) {
    BigInteger[] state = new BigInteger[inputs.length + 1];
    state[0] = BigInteger.ZERO;
    System.arraycopy(inputs, 0, state, 1, inputs.length);
    return permute(PoseidonConstants.derive(inputs.length + 1), state)[0];
  }

  static BigInteger[] elements(long[] v) {
    BigInteger[] out = new BigInteger[v.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = Bn254.FR.toBigInteger(v, 4 * i);
    }
    return out;
  }
}
