package org.zkml4j.model.compile;

import java.util.Objects;

/**
 * What a compiled model's proof reveals, per tensor group.
 *
 * <ul>
 *   <li>{@link Exposure#PUBLIC}: the integers are public signals (inputs) or public outputs.
 *   <li>{@link Exposure#PRIVATE}: the integers stay in the witness; nothing about them is public.
 *   <li>{@link Exposure#HASHED}: the integers stay private, and their Poseidon commitment
 *       ({@link TensorCommitment}) is a public output, so a verifier can tie the proof to a tensor
 *       it was shown elsewhere.
 * </ul>
 *
 * Weights are {@link Weights#FIXED} (constants of the circuit: the verifying key identifies the
 * model, and linear layers cost no multiplication constraints), {@link Weights#PRIVATE} (private
 * inputs, range-checked, one constraint per multiply-accumulate) or {@link Weights#HASHED} (private,
 * committed as one digest over every parameter in {@code QuantizedGraph.parameters()} order).
 *
 * @param input the graph inputs
 * @param weights every parameter (weights, biases, slopes, constant operands)
 * @param output the graph outputs
 */
public record Visibility(Exposure input, Weights weights, Exposure output) {
  /** How an input or output tensor appears in the proof. */
  public enum Exposure { PUBLIC, PRIVATE, HASHED }

  /** How the parameters appear in the circuit. */
  public enum Weights { FIXED, PRIVATE, HASHED }

  public Visibility {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(output, "output");
  }

  /** The usual case: a private input, a public model (fixed weights), a public output. */
  public static Visibility defaults() {
    return new Visibility(Exposure.PRIVATE, Weights.FIXED, Exposure.PUBLIC);
  }

  /** Reads like {@code input PRIVATE, weights FIXED, output PUBLIC}. */
  @Override
  public String toString() {
    return "input " + input + ", weights " + weights + ", output " + output;
  }
}
