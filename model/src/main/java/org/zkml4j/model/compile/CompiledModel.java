package org.zkml4j.model.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.Signal;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.quant.Parameter;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * A {@link QuantizedGraph} compiled to a circuit: the {@link CompiledCircuit} (R1CS and witness
 * generator) with the graph and visibility it came from, and the signal layout.
 *
 * <p><b>Signals.</b> Inputs are named after the graph's inputs (public or private by the input
 * visibility); private and hashed parameters are private inputs named after the
 * {@link Parameter}s. <b>Public signals, in order</b> (outputs first, as circom and snarkjs order
 * them, then public inputs): each graph output's integers ({@link Visibility.Exposure#PUBLIC}) or
 * its digest {@code <output>.poseidon} ({@link Visibility.Exposure#HASHED}), in output order; then
 * the digest {@code <input>.poseidon} of each hashed input, in input order; then
 * {@code weights.poseidon} for hashed weights; then the public inputs' integers. Values are signed
 * integers mod r; digests are as {@link TensorCommitment} computes them.
 *
 * <p>Every layer's constraints are counted under its own scope ({@link #scope}); the scopes
 * {@code inputs}, {@code weights} and {@code commitments} hold the range checks of supplied values
 * and the Poseidon hashes. Immutable.
 */
public final class CompiledModel {
  /** The name of the hashed weights' digest signal. */
  public static final String WEIGHTS_DIGEST = "weights.poseidon";

  private final QuantizedGraph graph;
  private final Visibility visibility;
  private final CompiledCircuit circuit;
  private final Map<String, String> scopes;

  CompiledModel(QuantizedGraph graph, Visibility visibility, CompiledCircuit circuit, Map<String, String> scopes) {
    this.graph = graph;
    this.visibility = visibility;
    this.circuit = circuit;
    this.scopes = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
  }

  /** The name of a hashed tensor's digest signal: {@code <tensor>.poseidon}. */
  public static String digestSignal(String tensor) {
    return tensor + ".poseidon";
  }

  public CompiledCircuit circuit() {
    return circuit;
  }

  public QuantizedGraph graph() {
    return graph;
  }

  public Visibility visibility() {
    return visibility;
  }

  /** The scope a layer's constraints are counted under (its name, '/' replaced by '.'). */
  public String scope(String layerName) {
    String s = scopes.get(layerName);
    if (s == null) {
      throw new IllegalArgumentException("graph '" + graph.name() + "' has no layer '" + layerName + "'");
    }
    return s;
  }

  /** The constraints a layer costs. */
  public long constraints(String layerName) {
    return circuit.report().constraints(scope(layerName));
  }

  /** The names of the public signals (outputs, then public inputs), in order. */
  public List<String> publicSignalNames() {
    return circuit.signals().stream().filter(s -> s.kind() != Signal.Kind.PRIVATE_INPUT).map(Signal::name).toList();
  }

  /** The public signals' values in order: what a verifier receives (snarkjs's public.json). */
  public List<BigInteger> publicSignals(Witness witness) {
    List<BigInteger> out = new ArrayList<>();
    for (Signal s : circuit.signals()) {
      if (s.kind() != Signal.Kind.PRIVATE_INPUT) {
        out.addAll(Arrays.asList(circuit.values(witness, s.name())));
      }
    }
    return out;
  }

  /**
   * The circuit's inputs for integer model inputs: the inputs, and the parameters when they are
   * private or hashed. Nothing is checked: the circuit judges the values.
   */
  public Assignment assignment(List<long[]> inputs) {
    Assignment.Builder b = Assignment.builder();
    for (int i = 0; i < graph.inputs().size(); i++) {
      b.set(graph.inputs().get(i).name(), inputs.get(i));
    }
    if (visibility.weights() != Visibility.Weights.FIXED) {
      for (Parameter p : graph.parameters()) {
        b.set(p.name(), p.values());
      }
    }
    return b.build();
  }

  /**
   * The witness for integer model inputs.
   *
   * @throws WitnessException naming the input and element when a value lies outside its declared
   *     bound (the circuit's range checks would reject it), or when the circuit rejects the inputs
   */
  public Witness witness(List<long[]> inputs) throws WitnessException {
    try {
      graph.checkInputs(inputs);
    } catch (IllegalArgumentException e) {
      throw new WitnessException(WitnessException.Reason.INPUT, e.getMessage());
    }
    return circuit.witness(assignment(inputs));
  }

  /**
   * The witness for float model inputs, quantized at the inputs' scales.
   *
   * @throws WitnessException as {@link #witness(List)}
   */
  public Witness witness(Tensor... inputs) throws WitnessException {
    List<long[]> q;
    try {
      q = graph.quantize(List.of(inputs));
    } catch (IllegalArgumentException e) {
      throw new WitnessException(WitnessException.Reason.INPUT, e.getMessage());
    }
    return witness(q);
  }

  /**
   * The integers of a public output, read from a witness.
   *
   * @throws IllegalStateException unless outputs are {@link Visibility.Exposure#PUBLIC}, or if the
   *     output is wide ({@link #outputIntegers} reads it)
   */
  public long[] outputValues(Witness witness, int output) {
    BigInteger[] v = outputIntegers(witness, output);
    long[] y = new long[v.length];
    for (int i = 0; i < y.length; i++) {
      if (v[i].bitLength() > 63) {
        throw new IllegalStateException("output '" + graph.outputs().get(output).name() + "' is wide; read it with"
            + " outputIntegers");
      }
      y[i] = v[i].longValue();
    }
    return y;
  }

  /**
   * The integers of a public output, read from a witness, as signed integers of any width.
   *
   * @throws IllegalStateException unless outputs are {@link Visibility.Exposure#PUBLIC}
   */
  public BigInteger[] outputIntegers(Witness witness, int output) {
    if (visibility.output() != Visibility.Exposure.PUBLIC) {
      throw new IllegalStateException("outputs are " + visibility.output() + ", not public signals");
    }
    QuantizedTensor out = graph.outputs().get(output);
    BigInteger[] v = circuit.values(witness, out.name());
    BigInteger[] y = new BigInteger[v.length];
    BigInteger half = Bn254.R_MODULUS.shiftRight(1);
    for (int i = 0; i < y.length; i++) {
      y[i] = v[i].compareTo(half) > 0 ? v[i].subtract(Bn254.R_MODULUS) : v[i];
    }
    return y;
  }

  /** The value of a one-element signal, such as a digest. */
  public BigInteger signalValue(Witness witness, String signal) {
    return circuit.values(witness, signal)[0];
  }

  @Override
  public String toString() {
    return "CompiledModel(" + graph.name() + ", " + visibility + ", " + circuit.r1cs() + ")";
  }
}
