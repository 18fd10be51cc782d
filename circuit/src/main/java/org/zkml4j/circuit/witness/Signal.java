package org.zkml4j.circuit.witness;

import java.util.Objects;

/**
 * A named group of interface wires of a compiled circuit: a public output, a public input or a
 * private input, holding {@code count} consecutive wires from {@code firstWire} (in circom's wire
 * order; see {@link org.zkml4j.circuit.R1cs}).
 *
 * @param name unique among the circuit's signals
 * @param kind what the wires are
 * @param firstWire index of the first wire, at least 1
 * @param count number of wires, at least 1
 */
public record Signal(String name, Kind kind, int firstWire, int count) {
  /** The three kinds of interface wires, in circom's order. */
  public enum Kind { OUTPUT, PUBLIC_INPUT, PRIVATE_INPUT }

  public Signal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (firstWire < 1 || count < 1) {
      throw new IllegalArgumentException("signal " + name + ": first wire " + firstWire + ", count " + count);
    }
  }

  /** True for the inputs, which the caller assigns; outputs are computed. */
  public boolean isInput() {
    return kind != Kind.OUTPUT;
  }
}
