package org.zkml4j.circuit.witness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe that fills every wire of a compiled circuit from its inputs: a straight-line list of
 * steps in the order the circuit was built, each either
 *
 * <ul>
 *   <li><b>solve</b> row i for wire t: the row's C has t with coefficient 1 and A and B do not
 *       mention t, so t = &lt;A_i,w&gt; * &lt;B_i,w&gt; - &lt;C_i,w&gt; evaluated while t is still
 *       zero (products, selections and materialized sums are made this way);
 *   <li><b>check</b> row i: an assertion, verified by the checked generator;
 *   <li><b>hint</b> call j: evaluate its input linear combinations, run the hint named by its id,
 *       write its output wires.
 * </ul>
 *
 * <p>Rows refer to the {@link org.zkml4j.circuit.R1cs} compiled alongside. Storage is flat arrays,
 * a few ints per step, so millions of steps cost tens of megabytes. Immutable; made by the circuit
 * compiler through {@link Builder}, which is low-level and checks little beyond array bounds.
 */
public final class WitnessProgram {
  static final byte SOLVE = 0;
  static final byte CHECK = 1;
  static final byte HINT = 2;

  final int numWires;
  final List<Signal> signals;
  final Map<String, Signal> signalsByName;
  final int numSteps;
  final byte[] kinds;
  final int[] args;
  final int[] targets;
  final String[] hintIds;
  final int numCalls;
  final int[] callHint;
  final int[] callInputStart;
  final int[] lcStart;
  final int[] termWires;
  final long[] termCoefficients;
  final int[] callOutputStart;
  final int[] outputWires;
  final int[] scopeStep;
  final String[] scopePath;

  private WitnessProgram(Builder b, int numWires, List<Signal> signals, int[] wireMap) {
    this.numWires = numWires;
    this.signals = List.copyOf(signals);
    Map<String, Signal> byName = new LinkedHashMap<>();
    for (Signal s : signals) {
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException("two signals are named " + s.name());
      }
    }
    this.signalsByName = byName;
    numSteps = b.numSteps;
    kinds = Arrays.copyOf(b.kinds, numSteps);
    args = Arrays.copyOf(b.args, numSteps);
    targets = new int[numSteps];
    for (int s = 0; s < numSteps; s++) {
      targets[s] = kinds[s] == SOLVE ? wireMap[b.targets[s]] : -1;
    }
    hintIds = b.hintIds.toArray(String[]::new);
    numCalls = b.numCalls;
    callHint = Arrays.copyOf(b.callHint, numCalls);
    callInputStart = Arrays.copyOf(b.callInputStart, numCalls + 1);
    lcStart = Arrays.copyOf(b.lcStart, b.numLcs + 1);
    termWires = new int[b.numTerms];
    for (int k = 0; k < b.numTerms; k++) {
      termWires[k] = wireMap[b.termWires[k]];
    }
    termCoefficients = Arrays.copyOf(b.termCoefficients, 4 * b.numTerms);
    callOutputStart = Arrays.copyOf(b.callOutputStart, numCalls + 1);
    int outputs = callOutputStart[numCalls];
    outputWires = new int[outputs];
    for (int k = 0; k < outputs; k++) {
      outputWires[k] = wireMap[b.outputWires[k]];
    }
    scopeStep = b.scopeStep.stream().mapToInt(Integer::intValue).toArray();
    scopePath = b.scopePath.toArray(String[]::new);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Wires of the circuit, wire 0 included. */
  public int numWires() {
    return numWires;
  }

  /** The interface signals: outputs, public inputs, private inputs, in wire order. */
  public List<Signal> signals() {
    return signals;
  }

  public int numSteps() {
    return numSteps;
  }

  public int numHintCalls() {
    return numCalls;
  }

  /** The id of the hint that call {@code call} runs. */
  public String hintId(int call) {
    return hintIds[callHint[call]];
  }

  /** The scope path (such as {@code "dense1/relu"}) a step was built in; "" for the top level. */
  public String scopeOfStep(int step) {
    int i = Arrays.binarySearch(scopeStep, step);
    if (i < 0) {
      i = -i - 2;
    } else {
      while (i + 1 < scopeStep.length && scopeStep[i + 1] == step) {
        i++; // several scope changes before one step: the last one applies
      }
    }
    return i < 0 ? "" : scopePath[i];
  }

  /**
   * Records steps with the compiler's provisional wire numbers; {@link #build} renumbers them into
   * circom's order.
   */
  public static final class Builder {
    private int numSteps;
    private byte[] kinds = new byte[64];
    private int[] args = new int[64];
    private int[] targets = new int[64];
    private final List<String> hintIds = new ArrayList<>();
    private final Map<String, Integer> hintIndex = new LinkedHashMap<>();
    private int numCalls;
    private int[] callHint = new int[16];
    private int[] callInputStart = new int[17];
    private int numLcs;
    private int[] lcStart = new int[17];
    private int numTerms;
    private int[] termWires = new int[64];
    private long[] termCoefficients = new long[256];
    private int[] callOutputStart = new int[17];
    private int numOutputs;
    private int[] outputWires = new int[64];
    private final List<Integer> scopeStep = new ArrayList<>();
    private final List<String> scopePath = new ArrayList<>();

    private Builder() {}

    /** Adds a step that solves {@code row} for {@code target} (see the class comment). */
    public void solve(int row, int target) {
      step(SOLVE, row, target);
    }

    /** Adds a step that checks the assertion {@code row}. */
    public void check(int row) {
      step(CHECK, row, -1);
    }

    /** Adds one input, a linear combination, to the hint call being built. */
    public void hintInput(int[] wires, long[] coefficients, int terms) {
      if (numTerms + terms > termWires.length) {
        int capacity = Math.max(numTerms + terms, termWires.length + (termWires.length >> 1));
        termWires = Arrays.copyOf(termWires, capacity);
        termCoefficients = Arrays.copyOf(termCoefficients, 4 * capacity);
      }
      System.arraycopy(wires, 0, termWires, numTerms, terms);
      System.arraycopy(coefficients, 0, termCoefficients, 4 * numTerms, 4 * terms);
      numTerms += terms;
      numLcs++;
      if (numLcs + 1 > lcStart.length) {
        lcStart = Arrays.copyOf(lcStart, lcStart.length * 2);
      }
      lcStart[numLcs] = numTerms;
    }

    /**
     * Ends the hint call whose inputs were added since the previous call, and adds its step.
     *
     * @param outputs the wires it fills, in output order
     */
    public void hintCall(String id, int[] outputs) {
      Integer index = hintIndex.get(id);
      if (index == null) {
        index = hintIds.size();
        hintIds.add(id);
        hintIndex.put(id, index);
      }
      if (numCalls + 2 > callInputStart.length) {
        int capacity = callInputStart.length * 2;
        callHint = Arrays.copyOf(callHint, capacity);
        callInputStart = Arrays.copyOf(callInputStart, capacity);
        callOutputStart = Arrays.copyOf(callOutputStart, capacity);
      }
      if (numOutputs + outputs.length > outputWires.length) {
        outputWires = Arrays.copyOf(outputWires, Math.max(numOutputs + outputs.length, outputWires.length * 2));
      }
      System.arraycopy(outputs, 0, outputWires, numOutputs, outputs.length);
      numOutputs += outputs.length;
      callHint[numCalls] = index;
      callInputStart[numCalls + 1] = numLcs;
      callOutputStart[numCalls + 1] = numOutputs;
      step(HINT, numCalls, -1);
      numCalls++;
    }

    /** Steps added from now on belong to the scope {@code path} ("" for the top level). */
    public void scope(String path) {
      scopeStep.add(numSteps);
      scopePath.add(path);
    }

    /**
     * Freezes the program.
     *
     * @param wireMap the final index of every provisional wire
     */
    public WitnessProgram build(int numWires, List<Signal> signals, int[] wireMap) {
      return new WitnessProgram(this, numWires, signals, wireMap);
    }

    private void step(byte kind, int arg, int target) {
      if (numSteps == kinds.length) {
        int capacity = kinds.length + (kinds.length >> 1);
        kinds = Arrays.copyOf(kinds, capacity);
        args = Arrays.copyOf(args, capacity);
        targets = Arrays.copyOf(targets, capacity);
      }
      kinds[numSteps] = kind;
      args[numSteps] = arg;
      targets[numSteps] = target;
      numSteps++;
    }
  }
}
