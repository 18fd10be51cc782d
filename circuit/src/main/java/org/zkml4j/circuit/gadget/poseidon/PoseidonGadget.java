package org.zkml4j.circuit.gadget.poseidon;

import java.util.Arrays;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.math.field.Bn254;

/**
 * Poseidon over Fr in a circuit, computing exactly {@code org.zkml4j.math.poseidon.Poseidon} (and so
 * circomlib's {@code Poseidon(n)} and circomlibjs): for committing inputs, weights and outputs to a
 * public digest.
 *
 * <p>A hash of n inputs (1 &lt;= n &lt;= 16) runs the width t = n + 1 permutation on (0, x_1 ..
 * x_n): 8 full rounds (4 before and 4 after the partial ones) and R_P partial rounds, each adding
 * round constants, applying x^5 (to every cell in a full round, to cell 0 in a partial round) and
 * multiplying by the MDS matrix; the digest is cell 0.
 *
 * <p><b>Cost:</b> x^5 is x2 = x*x, x4 = x2*x2, x5 = x4*x, 3 constraints per S-box, so
 * 3(8t + R_P) constraints, minus 3 because cell 0 of the first round is the constant round key
 * (more are folded when inputs are constants). Constants and matrices are free. The partial rounds
 * use precomputed affine maps (see {@code PoseidonParameters}), so every linear combination stays
 * below 1 + t + R_P &lt;= 86 terms, under the default materialization threshold.
 *
 * <p><b>Soundness:</b> no hints; every S-box output is defined by its product constraints and
 * every other value is a linear function of those, so the digest is determined by the inputs.
 */
public final class PoseidonGadget {
  /** The most inputs one hash takes (width 17). */
  public static final int MAX_INPUTS = PoseidonParameters.MAX_WIDTH - 1;
  /** Elements absorbed per hash by {@link #hashVector}. */
  public static final int VECTOR_CHUNK = MAX_INPUTS - 1;

  private PoseidonGadget() {}

  /**
   * Poseidon(inputs) for 1 to 16 inputs.
   *
   * @throws IllegalArgumentException on another count
   */
  public static Variable hash(Api api, Variable... inputs) {
    if (inputs.length < 1 || inputs.length > MAX_INPUTS) {
      throw new IllegalArgumentException("Poseidon takes 1 to " + MAX_INPUTS + " inputs, got " + inputs.length);
    }
    int t = inputs.length + 1;
    PoseidonParameters p = PoseidonParameters.of(t);
    Variable[] state = new Variable[t];
    state[0] = api.constant(0);
    System.arraycopy(inputs, 0, state, 1, inputs.length);
    int half = PoseidonParameters.HALF_FULL;
    for (int round = 0; round < half - 1; round++) {
      state = mix(api, p, sboxLayer(api, p, state, round));
    }
    Variable[] basis = new Variable[1 + t + p.partialRounds];
    basis[0] = api.constant(1);
    System.arraycopy(sboxLayer(api, p, state, half - 1), 0, basis, 1, t);
    for (int k = 0; k < p.partialRounds; k++) {
      int used = 1 + t + k;
      Variable in = api.weightedSumOfElements(p.partialInput[k], Arrays.copyOf(basis, used));
      basis[used] = sbox(api, in);
    }
    for (int i = 0; i < t; i++) {
      state[i] = api.weightedSumOfElements(p.partialOutput[i], basis);
    }
    for (int round = half + p.partialRounds; round < PoseidonParameters.FULL_ROUNDS + p.partialRounds; round++) {
      state = mix(api, p, sboxLayer(api, p, state, round));
    }
    return state[0];
  }

  /**
   * The digest of a vector of any length n &gt;= 1, chained exactly as {@code
   * org.zkml4j.math.poseidon.Poseidon.hashVector}: d = n; for each run of up to 15 elements in
   * order, d = Poseidon(d, run...); the digest is the last d. Costs the hashes it runs.
   */
  public static Variable hashVector(Api api, Variable... xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("hashVector needs at least one element");
    }
    Variable d = api.constant(xs.length);
    for (int start = 0; start < xs.length; start += VECTOR_CHUNK) {
      int chunk = Math.min(VECTOR_CHUNK, xs.length - start);
      Variable[] in = new Variable[chunk + 1];
      in[0] = d;
      System.arraycopy(xs, start, in, 1, chunk);
      d = hash(api, in);
    }
    return d;
  }

  /** Adds the round's constants to every cell and applies the S-box to each. */
  private static Variable[] sboxLayer(Api api, PoseidonParameters p, Variable[] state, int round) {
    int t = p.width;
    Variable[] out = new Variable[t];
    Variable one = api.constant(1);
    long[] coefficients = new long[8]; // cell + constant * 1
    Bn254.FR.setOne(coefficients, 0);
    for (int i = 0; i < t; i++) {
      System.arraycopy(p.roundConstants, 4 * (round * t + i), coefficients, 4, 4);
      out[i] = sbox(api, api.weightedSumOfElements(coefficients, new Variable[] {state[i], one}));
    }
    return out;
  }

  private static Variable[] mix(Api api, PoseidonParameters p, Variable[] cells) {
    int t = p.width;
    Variable[] out = new Variable[t];
    for (int i = 0; i < t; i++) {
      out[i] = api.weightedSumOfElements(Arrays.copyOfRange(p.mds, 4 * i * t, 4 * (i + 1) * t), cells);
    }
    return out;
  }

  /** x^5 in three products. */
  private static Variable sbox(Api api, Variable x) {
    Variable x2 = api.mul(x, x);
    Variable x4 = api.mul(x2, x2);
    return api.mul(x4, x);
  }
}
