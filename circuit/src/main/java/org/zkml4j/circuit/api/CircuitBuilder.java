package org.zkml4j.circuit.api;

import static org.zkml4j.circuit.api.LinearCombinations.NO_COEFFICIENTS;
import static org.zkml4j.circuit.api.LinearCombinations.NO_WIRES;
import static org.zkml4j.circuit.api.LinearCombinations.ONE;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.circuit.witness.HintRegistry;
import org.zkml4j.circuit.witness.Signal;
import org.zkml4j.circuit.witness.WitnessGenerator;
import org.zkml4j.circuit.witness.WitnessProgram;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * The R1CS implementation of {@link Api}: records constraints over provisional wire numbers (in
 * creation order) together with the witness program, and at {@link #finish()} renumbers wires into
 * circom's order (1, outputs, public inputs, private inputs, internal wires).
 */
final class CircuitBuilder implements Api {
  private static final PrimeField FR = Bn254.FR;
  private static final long[] MINUS_ONE = FR.element(-1);
  private static final byte ONE_WIRE = 0, OUTPUT = 1, PUBLIC = 2, PRIVATE = 3, INTERNAL = 4;

  /** A declared interface signal and its provisional wires. */
  private record Declared(String name, Signal.Kind kind, int[] wires) {}

  /** An open scope: its path and the counts when it was opened. */
  private record Frame(String path, int constraints, int wires) {}

  private final CompileOptions options;
  private byte[] wireKind = new byte[1024];
  private int numWires = 1;
  private final Map<String, Declared> declared = new LinkedHashMap<>();
  private final ConstraintRows rows = new ConstraintRows();
  private final WitnessProgram.Builder program = WitnessProgram.builder();
  private final Map<String, Hint> hints = new LinkedHashMap<>();
  private final List<String> callIds = new ArrayList<>();
  private int[] hintOutputs = new int[64];
  private int[] hintOutputCalls = new int[64];
  private int numHintOutputs;
  private final Deque<Frame> scopes = new ArrayDeque<>();
  private final Map<String, long[]> scopeTotals = new LinkedHashMap<>();
  private boolean finished;

  CircuitBuilder(CompileOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    wireKind[0] = ONE_WIRE;
  }

  // ------------------------------------------------------------------ inputs and outputs

  @Override
  public Variable publicInput(String name) {
    return publicInputs(name, 1)[0];
  }

  @Override
  public Variable[] publicInputs(String name, int count) {
    return inputs(name, count, Signal.Kind.PUBLIC_INPUT, PUBLIC);
  }

  @Override
  public Variable privateInput(String name) {
    return privateInputs(name, 1)[0];
  }

  @Override
  public Variable[] privateInputs(String name, int count) {
    return inputs(name, count, Signal.Kind.PRIVATE_INPUT, PRIVATE);
  }

  private Variable[] inputs(String name, int count, Signal.Kind kind, byte wire) {
    checkName(name);
    if (count < 1) {
      throw new IllegalArgumentException("input " + name + " needs at least one value, asked for " + count);
    }
    Variable[] vars = new Variable[count];
    int[] wires = new int[count];
    for (int i = 0; i < count; i++) {
      wires[i] = newWire(wire);
      vars[i] = unit(wires[i]);
    }
    declared.put(name, new Declared(name, kind, wires));
    return vars;
  }

  @Override
  public void output(String name, Variable value) {
    outputs(name, value);
  }

  @Override
  public void outputs(String name, Variable... values) {
    checkName(name);
    if (values.length == 0) {
      throw new IllegalArgumentException("output " + name + " has no values");
    }
    int[] wires = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      Variable v = own(values[i]);
      if (v.isUnitWire() && wireKind[v.wires[0]] == INTERNAL) {
        wires[i] = v.wires[0];
        wireKind[wires[i]] = OUTPUT; // the wire itself becomes the output: no constraint
      } else {
        wires[i] = newWire(OUTPUT);
        solveLinear(v, wires[i]);
      }
    }
    declared.put(name, new Declared(name, Signal.Kind.OUTPUT, wires));
  }

  private void checkName(String name) {
    checkOpen();
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a signal needs a non-empty name");
    }
    if (declared.containsKey(name)) {
      throw new IllegalArgumentException("a signal named " + name + " already exists");
    }
  }

  // ------------------------------------------------------------------ linear

  @Override
  public Variable constant(long value) {
    return constantOf(FR.element(value));
  }

  @Override
  public Variable constant(BigInteger value) {
    return constantOf(FR.element(value));
  }

  private Variable constantOf(long[] element) {
    checkOpen();
    return FR.isZero(element, 0) ? new Variable(this, NO_WIRES, NO_COEFFICIENTS)
        : new Variable(this, new int[] {0}, element);
  }

  @Override
  public Variable add(Variable a, Variable b) {
    return bounded(LinearCombinations.addScaled(this, own(a), own(b), ONE));
  }

  @Override
  public Variable sub(Variable a, Variable b) {
    Variable d = bounded(LinearCombinations.addScaled(this, own(a), own(b), MINUS_ONE));
    // 1 - b is boolean when b is.
    d.provenBoolean = b.provenBoolean && a.isConstant() && a.constantValue().equals(BigInteger.ONE);
    return d;
  }

  @Override
  public Variable neg(Variable a) {
    return LinearCombinations.scale(this, own(a), MINUS_ONE);
  }

  @Override
  public Variable scale(Variable a, long factor) {
    return scaleBy(own(a), FR.element(factor));
  }

  @Override
  public Variable scale(Variable a, BigInteger factor) {
    return scaleBy(own(a), FR.element(factor));
  }

  private Variable scaleBy(Variable a, long[] factor) {
    if (FR.isZero(factor, 0)) {
      return constantOf(factor);
    }
    Variable v = LinearCombinations.scale(this, a, factor);
    v.provenBoolean = a.provenBoolean && FR.isOne(factor, 0);
    return v;
  }

  @Override
  public Variable sum(Variable... terms) {
    long[] ones = FR.newVector(terms.length);
    for (int i = 0; i < terms.length; i++) {
      PrimeField.copy(ones, 4 * i, ONE, 0);
    }
    return weightedSumOfElements(ones, terms);
  }

  @Override
  public Variable weightedSum(long[] coefficients, Variable[] terms) {
    long[] elements = FR.newVector(coefficients.length);
    for (int i = 0; i < coefficients.length; i++) {
      FR.fromLong(elements, 4 * i, coefficients[i]);
    }
    return weightedSumOfElements(elements, terms);
  }

  @Override
  public Variable weightedSum(BigInteger[] coefficients, Variable[] terms) {
    long[] elements = FR.newVector(coefficients.length);
    for (int i = 0; i < coefficients.length; i++) {
      FR.fromBigInteger(elements, 4 * i, coefficients[i]);
    }
    return weightedSumOfElements(elements, terms);
  }

  @Override
  public Variable weightedSumOfElements(long[] coefficients, Variable[] terms) {
    checkOpen();
    if (coefficients.length != 4 * terms.length) {
      throw new IllegalArgumentException(coefficients.length / 4.0 + " coefficients for " + terms.length + " terms");
    }
    for (int i = 0; i < terms.length; i++) {
      own(terms[i]);
      if (!FR.isCanonical(coefficients, 4 * i)) {
        throw new IllegalArgumentException("coefficient " + i + " is not a canonical Fr element");
      }
    }
    return bounded(LinearCombinations.weightedSum(this, coefficients, terms));
  }

  /** The policy of {@link CompileOptions#maxLinearTerms()}: too long a combination becomes a wire. */
  private Variable bounded(Variable v) {
    return v.wires.length > options.maxLinearTerms() ? materializeNow(v) : v;
  }

  // ------------------------------------------------------------------ constraints

  @Override
  public Variable mul(Variable a, Variable b) {
    own(a);
    own(b);
    if (a.isConstant()) {
      return a.wires.length == 0 ? a : scaleBy(b, a.coefficients);
    }
    if (b.isConstant()) {
      return b.wires.length == 0 ? b : scaleBy(a, b.coefficients);
    }
    int out = newWire(INTERNAL);
    int row = rows.add(a.wires, a.coefficients, a.wires.length, b.wires, b.coefficients, b.wires.length,
        new int[] {out}, ONE, 1);
    program.solve(row, out);
    Variable product = unit(out);
    product.provenBoolean = a.provenBoolean && b.provenBoolean;
    return product;
  }

  @Override
  public Variable select(Variable condition, Variable ifTrue, Variable ifFalse) {
    own(ifTrue);
    own(ifFalse);
    assertBoolean(condition);
    boolean booleanResult = isKnownBoolean(ifTrue) && isKnownBoolean(ifFalse);
    if (condition.isConstant()) {
      return condition.wires.length == 0 ? ifFalse : ifTrue;
    }
    Variable d = LinearCombinations.addScaled(this, ifTrue, ifFalse, MINUS_ONE);
    Variable result;
    if (d.isConstant()) {
      result = d.wires.length == 0 ? ifFalse : add(ifFalse, scaleBy(condition, d.coefficients));
    } else {
      // condition * (ifTrue - ifFalse) = out - ifFalse
      int out = newWire(INTERNAL);
      int n = ifFalse.wires.length;
      int[] cw = new int[n + 1];
      long[] cc = new long[4 * (n + 1)];
      LinearCombinations.negatedPlusTarget(ifFalse, out, cw, cc);
      int row = rows.add(condition.wires, condition.coefficients, condition.wires.length, d.wires, d.coefficients,
          d.wires.length, cw, cc, n + 1);
      program.solve(row, out);
      result = unit(out);
    }
    result.provenBoolean |= booleanResult;
    return result;
  }

  private static boolean isKnownBoolean(Variable v) {
    if (v.provenBoolean) {
      return true;
    }
    if (!v.isConstant()) {
      return false;
    }
    BigInteger c = v.constantValue();
    return c.signum() == 0 || c.equals(BigInteger.ONE);
  }

  @Override
  public void assertEqual(Variable a, Variable b) {
    Variable d = LinearCombinations.addScaled(this, own(a), own(b), MINUS_ONE);
    if (d.isConstant()) {
      if (d.wires.length != 0) {
        throw new UnsatisfiableException("assertEqual of two different constants (difference " + d + ")"
            + where());
      }
      return;
    }
    int row = rows.add(NO_WIRES, NO_COEFFICIENTS, 0, NO_WIRES, NO_COEFFICIENTS, 0, d.wires, d.coefficients,
        d.wires.length);
    program.check(row);
  }

  @Override
  public void assertBoolean(Variable v) {
    own(v);
    if (v.provenBoolean) {
      return;
    }
    if (v.isConstant()) {
      if (!isKnownBoolean(v)) {
        throw new UnsatisfiableException("the constant " + v.constantValue() + " is not boolean" + where());
      }
      v.provenBoolean = true;
      return;
    }
    Variable vMinusOne = LinearCombinations.addScaled(this, v, constantOf(ONE), MINUS_ONE);
    int row = rows.add(v.wires, v.coefficients, v.wires.length, vMinusOne.wires, vMinusOne.coefficients,
        vMinusOne.wires.length, NO_WIRES, NO_COEFFICIENTS, 0);
    program.check(row);
    v.provenBoolean = true;
  }

  @Override
  public Variable materialize(Variable v) {
    own(v);
    return v.isUnitWire() || v.isConstant() ? v : materializeNow(v);
  }

  private Variable materializeNow(Variable v) {
    int out = newWire(INTERNAL);
    solveLinear(v, out);
    Variable w = unit(out);
    w.provenBoolean = v.provenBoolean;
    return w;
  }

  /** 0 * 0 = target - v: defines a new wire {@code target} as v. */
  private void solveLinear(Variable v, int target) {
    int n = v.wires.length;
    int[] cw = new int[n + 1];
    long[] cc = new long[4 * (n + 1)];
    LinearCombinations.negatedPlusTarget(v, target, cw, cc);
    int row = rows.add(NO_WIRES, NO_COEFFICIENTS, 0, NO_WIRES, NO_COEFFICIENTS, 0, cw, cc, n + 1);
    program.solve(row, target);
  }

  // ------------------------------------------------------------------ hints

  @Override
  public Variable[] hint(Hint hint, int outputs, Variable... inputs) {
    checkOpen();
    Objects.requireNonNull(hint, "hint");
    if (outputs < 1) {
      throw new IllegalArgumentException("hint " + hint.id() + " must have at least one output, asked for " + outputs);
    }
    Hint known = hints.putIfAbsent(hint.id(), hint);
    if (known != null && known.getClass() != hint.getClass()) {
      throw new IllegalArgumentException("two different hints share the id " + hint.id() + ": " + known + " and "
          + hint);
    }
    for (Variable in : inputs) {
      own(in);
      program.hintInput(in.wires, in.coefficients, in.wires.length);
    }
    int call = callIds.size();
    callIds.add(hint.id());
    int[] wires = new int[outputs];
    Variable[] vars = new Variable[outputs];
    for (int i = 0; i < outputs; i++) {
      wires[i] = newWire(INTERNAL);
      vars[i] = unit(wires[i]);
      if (numHintOutputs == hintOutputs.length) {
        hintOutputs = Arrays.copyOf(hintOutputs, 2 * numHintOutputs);
        hintOutputCalls = Arrays.copyOf(hintOutputCalls, 2 * numHintOutputs);
      }
      hintOutputs[numHintOutputs] = wires[i];
      hintOutputCalls[numHintOutputs++] = call;
    }
    program.hintCall(hint.id(), wires);
    return vars;
  }

  // ------------------------------------------------------------------ introspection and scopes

  @Override
  public Optional<BigInteger> constantValue(Variable v) {
    return own(v).isConstant() ? Optional.of(v.constantValue()) : Optional.empty();
  }

  @Override
  public int numConstraints() {
    return rows.rows();
  }

  @Override
  public Scope scope(String name) {
    checkOpen();
    if (name == null || name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("a scope name must be non-empty and without '/': " + name);
    }
    String path = scopes.isEmpty() ? name : scopes.peek().path() + "/" + name;
    Frame frame = new Frame(path, rows.rows(), numWires);
    scopes.push(frame);
    scopeTotals.computeIfAbsent(path, p -> new long[2]);
    program.scope(path);
    return new Scope() {
      private boolean closed;

      @Override
      public String path() {
        return path;
      }

      @Override
      public void close() {
        if (closed || scopes.peek() != frame) {
          throw new IllegalStateException(closed ? "scope " + path + " is already closed"
              : "scope " + path + " closed while " + scopes.peek().path() + " is open");
        }
        closed = true;
        scopes.pop();
        long[] totals = scopeTotals.get(path);
        totals[0] += rows.rows() - frame.constraints();
        totals[1] += numWires - frame.wires();
        program.scope(scopes.isEmpty() ? "" : scopes.peek().path());
      }
    };
  }

  private String where() {
    return scopes.isEmpty() ? "" : " (in scope " + scopes.peek().path() + ")";
  }

  // ------------------------------------------------------------------ compile

  /** Freezes the circuit; the builder cannot be used afterwards. */
  CompiledCircuit finish() {
    checkOpen();
    if (!scopes.isEmpty()) {
      throw new IllegalStateException("scope " + scopes.peek().path() + " was never closed");
    }
    finished = true;
    checkHintOutputsConstrained();
    int[] wireMap = new int[numWires];
    List<Signal> signals = new ArrayList<>();
    int next = 1;
    int[] counts = new int[3];
    Signal.Kind[] order = {Signal.Kind.OUTPUT, Signal.Kind.PUBLIC_INPUT, Signal.Kind.PRIVATE_INPUT};
    for (int k = 0; k < order.length; k++) {
      for (Declared d : declared.values()) {
        if (d.kind() == order[k]) {
          signals.add(new Signal(d.name(), d.kind(), next, d.wires().length));
          for (int w : d.wires()) {
            wireMap[w] = next++;
          }
          counts[k] += d.wires().length;
        }
      }
    }
    for (int w = 1; w < numWires; w++) {
      if (wireKind[w] == INTERNAL) {
        wireMap[w] = next++;
      }
    }
    R1cs r1cs = rows.toR1cs(counts[0], counts[1], counts[2], numWires, wireMap);
    WitnessProgram witnessProgram = program.build(numWires, signals, wireMap);
    WitnessGenerator generator = new WitnessGenerator(r1cs, witnessProgram, HintRegistry.of(hints.values()));
    List<ConstraintReport.Entry> entries = new ArrayList<>();
    scopeTotals.forEach((path, t) -> entries.add(new ConstraintReport.Entry(path, t[0], t[1])));
    return new CompiledCircuit(generator, new ConstraintReport(entries, rows.rows(), numWires));
  }

  /** The compile-time half of the hint rule: an output no constraint mentions is certainly free. */
  private void checkHintOutputsConstrained() {
    BitSet used = rows.usedWires();
    for (int i = 0; i < numHintOutputs; i++) {
      int wire = hintOutputs[i];
      if (!used.get(wire) && wireKind[wire] == INTERNAL) {
        int call = hintOutputCalls[i];
        int first = i;
        while (first > 0 && hintOutputCalls[first - 1] == call) {
          first--;
        }
        throw new IllegalStateException("output " + (i - first) + " of hint " + callIds.get(call) + " (call " + call
            + ") appears in no constraint: the gadget that calls a hint must constrain all its outputs");
      }
    }
  }

  // ------------------------------------------------------------------ wires

  private int newWire(byte kind) {
    if (numWires == wireKind.length) {
      if (numWires >= Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("too many wires");
      }
      wireKind = Arrays.copyOf(wireKind, (int) Math.min(Integer.MAX_VALUE - 8, numWires + (long) (numWires >> 1)));
    }
    wireKind[numWires] = kind;
    return numWires++;
  }

  private Variable unit(int wire) {
    return new Variable(this, new int[] {wire}, ONE);
  }

  private Variable own(Variable v) {
    checkOpen();
    if (Objects.requireNonNull(v, "variable").owner != this) {
      throw new IllegalArgumentException("variable " + v + " belongs to another circuit");
    }
    return v;
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the circuit is already compiled");
    }
  }
}
