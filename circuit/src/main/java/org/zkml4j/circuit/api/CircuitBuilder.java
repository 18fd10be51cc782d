package org.zkml4j.circuit.api;

import static org.zkml4j.circuit.api.LinearCombinations.NO_COEFFICIENTS;
import static org.zkml4j.circuit.api.LinearCombinations.NO_WIRES;
import static org.zkml4j.circuit.api.LinearCombinations.ONE;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.witness.Hint;
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
  private final CompileOptions options;
  private final WireTable wires = new WireTable();
  private final ConstraintRows rows = new ConstraintRows();
  private final WitnessProgram.Builder program = WitnessProgram.builder();
  private final HintCalls hints = new HintCalls();
  private final ScopeStack scopes = new ScopeStack(this::numConstraints, wires::count, program::scope);
  private boolean finished;

  CircuitBuilder(CompileOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  // ------------------------------------------------------------------ inputs and outputs

  @Override
  public Variable publicInput(String name) {
    return publicInputs(name, 1)[0];
  }

  @Override
  public Variable[] publicInputs(String name, int count) {
    return inputs(name, count, Signal.Kind.PUBLIC_INPUT, WireTable.PUBLIC);
  }

  @Override
  public Variable privateInput(String name) {
    return privateInputs(name, 1)[0];
  }

  @Override
  public Variable[] privateInputs(String name, int count) {
    return inputs(name, count, Signal.Kind.PRIVATE_INPUT, WireTable.PRIVATE);
  }

  private Variable[] inputs(String name, int count, Signal.Kind kind, byte wire) {
    checkName(name);
    if (count < 1) {
      throw new IllegalArgumentException("input " + name + " needs at least one value, asked for " + count);
    }
    Variable[] vars = new Variable[count];
    int[] numbers = new int[count];
    for (int i = 0; i < count; i++) {
      numbers[i] = wires.add(wire);
      vars[i] = unit(numbers[i]);
    }
    wires.declare(name, kind, numbers);
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
    int[] numbers = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      Variable v = own(values[i]);
      if (v.isUnitWire() && wires.kind(v.wires[0]) == WireTable.INTERNAL) {
        numbers[i] = v.wires[0];
        wires.makeOutput(numbers[i]); // the wire itself becomes the output: no constraint
      } else {
        numbers[i] = wires.add(WireTable.OUTPUT);
        solveLinear(v, numbers[i]);
      }
    }
    wires.declare(name, Signal.Kind.OUTPUT, numbers);
  }

  private void checkName(String name) {
    checkOpen();
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a signal needs a non-empty name");
    }
    if (wires.isDeclared(name)) {
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
    int out = wires.add(WireTable.INTERNAL);
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
      int out = wires.add(WireTable.INTERNAL);
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
    int out = wires.add(WireTable.INTERNAL);
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
    for (Variable in : inputs) {
      own(in);
    }
    hints.register(hint);
    for (Variable in : inputs) {
      program.hintInput(in.wires, in.coefficients, in.wires.length);
    }
    int[] numbers = new int[outputs];
    Variable[] vars = new Variable[outputs];
    for (int i = 0; i < outputs; i++) {
      numbers[i] = wires.add(WireTable.INTERNAL);
      vars[i] = unit(numbers[i]);
    }
    hints.recordCall(hint.id(), numbers);
    program.hintCall(hint.id(), numbers);
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
    return scopes.open(name);
  }

  private String where() {
    return scopes.current().isEmpty() ? "" : " (in scope " + scopes.current() + ")";
  }

  // ------------------------------------------------------------------ compile

  /** Freezes the circuit; the builder cannot be used afterwards. */
  CompiledCircuit finish() {
    checkOpen();
    List<ConstraintReport.Entry> entries = scopes.entries();
    finished = true;
    hints.checkConstrained(rows.usedWires());
    WireTable.Numbering n = wires.number();
    R1cs r1cs = rows.toR1cs(n.outputs(), n.publicInputs(), n.privateInputs(), wires.count(), n.wireMap());
    WitnessProgram witnessProgram = program.build(wires.count(), n.signals(), n.wireMap());
    WitnessGenerator generator = new WitnessGenerator(r1cs, witnessProgram, hints.registry());
    return new CompiledCircuit(generator, new ConstraintReport(entries, rows.rows(), wires.count()));
  }

  // ------------------------------------------------------------------ wires

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
