package org.zkml4j.circuit.witness;

/**
 * A computation that runs outside the constraint system while the witness is generated: it fills
 * wires whose values are cheap to check with constraints but awkward to compute with them (the bits
 * of a value, a remainder).
 *
 * <p><b>A hint's outputs are unconstrained.</b> The constraint system does not know how they were
 * computed, and a cheating prover replaces every hint with whatever function suits it. So the
 * gadget that calls a hint must, right after the call, add the constraints that leave exactly one
 * possible value for every output (booleanity and recomposition for bits; range checks and the
 * division identity for a remainder), and its Javadoc must say why they do. Gadget tests check this
 * rule by running each hint replaced with malicious ones, and the compiler rejects a circuit in which
 * some hint output appears in no constraint at all; but only the constraints make a circuit sound.
 *
 * <p>A hint is named by {@link #id()}: a compiled circuit stores the id of every call, and the
 * {@link WitnessGenerator} looks the id up in the {@link HintRegistry} it is given, which is how
 * tests swap in a malicious implementation. Implementations must be deterministic and should be
 * stateless (one instance serves every call); parameters such as a bit count travel as constant
 * inputs.
 */
public interface Hint {
  /**
   * A stable, unique name, such as {@code "zkml4j.bits.decompose"}: it is stored with compiled
   * circuits, so it must not change between versions while the hint's meaning stays the same.
   */
  String id();

  /**
   * Computes {@code outputCount} values from {@code inputCount} values. Values are Fr elements in
   * Montgomery form, four longs each ({@code inputs[4*i .. 4*i+3]} is input i); the arrays may be
   * longer than needed. Outputs must be canonical and arrive zeroed.
   *
   * <p>Hints in this project are total: they return some value for every input, even one outside
   * the range the calling gadget allows (the gadget's constraints then fail), so that a witness can
   * be generated and checked for any input.
   *
   * @throws HintException if the hint cannot compute its outputs at all
   */
  void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) throws HintException;
}
