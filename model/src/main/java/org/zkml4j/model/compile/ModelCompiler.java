package org.zkml4j.model.compile;

import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.model.quant.QuantizedGraph;

/**
 * Lowers a {@link QuantizedGraph} to an R1CS circuit and its witness generator, one
 * {@link LayerCompiler} per layer, each in its own scope.
 *
 * <p>Soundness rests on three things. Everything the prover supplies is range-checked: inputs to
 * their declared interval, private or hashed parameters to their bits. Every division (rescale,
 * average) proves its remainder and quotient ranges, so it is the exact rounding division. Every
 * comparison (max pooling, Clip, ArgMax, the sigmoid's lines) gets operands proven in the bit
 * width it compares in: exact values (functions of checked inputs and fixed weights, which stay in
 * the graph's proven intervals), values fresh from a division, or values range-checked on the spot.
 * And no value wraps modulo r: exact values stay inside their intervals, at most
 * {@link org.zkml4j.model.quant.IntegerBounds#WIDE_BITS} bits; a value computed from private
 * weights without a rescale carries the worst case over every weight the range checks allow, which
 * must stay below 251 bits or compilation fails. So wide tensors (deferred rescales) need no range
 * check of their own: the division that finally rescales one proves its quotient and remainder. An
 * accepted witness therefore carries exactly {@code QuantizedGraph.evaluate()}'s integers, and an
 * input outside its bound has no witness.
 *
 * <p>Costs: fixed weights make every linear layer free; private or hashed weights cost one
 * constraint per multiply-accumulate plus their range checks; each nonlinear op costs about one
 * constraint per bit of its operand's bound (see each compiler). {@link ModelInspector} lists the
 * counts per layer.
 */
public final class ModelCompiler {
  private ModelCompiler() {}

  /** {@link #compile(QuantizedGraph, Visibility, CompileOptions)} with default options. */
  public static CompiledModel compile(QuantizedGraph graph, Visibility visibility) {
    return compile(graph, visibility, CompileOptions.defaults());
  }

  /** Compiles the graph with the given visibility. */
  public static CompiledModel compile(QuantizedGraph graph, Visibility visibility, CompileOptions options) {
    return compile(graph, visibility, options, false);
  }

  /**
   * As above; with {@code probes}, every layer's output also feeds a {@link ProbeHint} (one extra
   * constraint per layer, in the {@code probes} scope) so that tests can read it from the witness
   * generator.
   */
  static CompiledModel compile(QuantizedGraph graph, Visibility visibility, CompileOptions options, boolean probes) {
    ModelCircuit circuit = new ModelCircuit(graph, visibility, probes);
    CompiledCircuit compiled = CircuitCompiler.compile(circuit, options);
    return new CompiledModel(graph, visibility, compiled, circuit.scopes());
  }
}
