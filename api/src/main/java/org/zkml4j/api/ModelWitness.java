package org.zkml4j.api;

import java.util.ArrayList;
import java.util.List;
import org.zkml4j.circuit.Witness;

/**
 * A model run in the circuit's arithmetic: the witness (every wire's value, which snarkjs reads
 * as a {@code .wtns} file through {@code org.zkml4j.circuit.format.WtnsFile}) and the outputs as
 * real numbers. Made by {@link ZkModel#witness}; it holds the private input, so keep it private.
 * Immutable; the accessor copies.
 */
public final class ModelWitness {
  private final Witness witness;
  private final List<float[]> outputs;

  ModelWitness(Witness witness, List<float[]> outputs) {
    this.witness = witness;
    this.outputs = copy(outputs);
  }

  public Witness witness() {
    return witness;
  }

  /** Each graph output's values as real numbers (dequantized), in order. */
  public List<float[]> outputs() {
    return copy(outputs);
  }

  static List<float[]> copy(List<float[]> arrays) {
    List<float[]> out = new ArrayList<>();
    arrays.forEach(a -> out.add(a.clone()));
    return List.copyOf(out);
  }
}
