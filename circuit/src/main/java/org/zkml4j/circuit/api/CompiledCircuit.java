package org.zkml4j.circuit.api;

import java.math.BigInteger;
import java.util.List;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.HintRegistry;
import org.zkml4j.circuit.witness.Signal;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.circuit.witness.WitnessGenerator;

/**
 * The result of {@link CircuitCompiler#compile}: the {@link R1cs}, the {@link WitnessGenerator} that
 * fills its wires from input values, the interface {@link Signal}s by name, and the per-scope
 * {@link ConstraintReport}. Immutable.
 */
public final class CompiledCircuit {
  private final WitnessGenerator generator;
  private final ConstraintReport report;

  CompiledCircuit(WitnessGenerator generator, ConstraintReport report) {
    this.generator = generator;
    this.report = report;
  }

  public R1cs r1cs() {
    return generator.r1cs();
  }

  /** The generator with the hints the circuit was built with. */
  public WitnessGenerator witnessGenerator() {
    return generator;
  }

  /** The hints the circuit calls, as it was built with them. */
  public HintRegistry hints() {
    return generator.hints();
  }

  public ConstraintReport report() {
    return report;
  }

  /** Outputs, public inputs and private inputs, in wire order. */
  public List<Signal> signals() {
    return generator.program().signals();
  }

  /**
   * The signal named {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public Signal signal(String name) {
    return signals().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the circuit has no signal named " + name));
  }

  /**
   * The checked witness for the given inputs ({@link WitnessGenerator#generate}).
   *
   * @throws WitnessException if an input is missing or the circuit rejects the inputs
   */
  public Witness witness(Assignment inputs) throws WitnessException {
    return generator.generate(inputs);
  }

  /** The values, in [0, r), that a witness gives the wires of signal {@code name}. */
  public BigInteger[] values(Witness witness, String name) {
    Signal s = signal(name);
    BigInteger[] v = new BigInteger[s.count()];
    for (int i = 0; i < v.length; i++) {
      v[i] = witness.value(s.firstWire() + i);
    }
    return v;
  }

  @Override
  public String toString() {
    return "CompiledCircuit(" + r1cs() + ")";
  }
}
