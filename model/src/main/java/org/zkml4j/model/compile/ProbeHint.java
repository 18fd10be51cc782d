package org.zkml4j.model.compile;

import org.zkml4j.circuit.witness.Hint;

/**
 * A tap on a layer's output for tests: its inputs are the layer's elements, its one output is 0
 * (asserted, one constraint). The circuit ignores it; a test replaces it (by id) with a recording
 * hint to read every layer's values from the witness generator. Only circuits compiled with probes
 * call it.
 */
final class ProbeHint implements Hint {
  static final String ID = "zkml4j.model.probe";
  static final ProbeHint INSTANCE = new ProbeHint();

  private ProbeHint() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
    // outputs arrive zeroed: the probe's value is 0
  }

  @Override
  public String toString() {
    return ID;
  }
}
