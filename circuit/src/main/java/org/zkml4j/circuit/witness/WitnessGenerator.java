package org.zkml4j.circuit.witness;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.SparseMatrix;
import org.zkml4j.circuit.Witness;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Computes every wire of a compiled circuit from its inputs by running its {@link WitnessProgram}:
 * inputs are copied in, then products, sums and hint outputs are filled in the order the circuit
 * built them, so the result satisfies the {@link R1cs} whenever the inputs are ones the circuit
 * accepts.
 *
 * <p>{@link #generate} also verifies every assertion as it goes and stops at the first one that
 * fails, naming the constraint and the scope it was built in: this is how an input outside the
 * range a circuit was compiled for is reported. {@link #generateUnchecked} skips those checks and
 * returns whatever the (possibly replaced) hints produce: the witness a cheating prover would
 * submit, for tests to feed to {@link org.zkml4j.circuit.R1csChecker}.
 *
 * <p>Immutable and thread-safe (each run allocates its own vectors), provided the hints are.
 * A run costs about one field multiplication per constraint term plus the hints.
 */
public final class WitnessGenerator {
  private static final PrimeField FR = Bn254.FR;

  private final R1cs r1cs;
  private final WitnessProgram program;
  private final HintRegistry hints;

  /**
   * A generator for a circuit.
   *
   * @throws IllegalArgumentException if the program and the R1CS disagree on the wires
   */
  public WitnessGenerator(R1cs r1cs, WitnessProgram program, HintRegistry hints) {
    if (r1cs.numWires() != program.numWires()) {
      throw new IllegalArgumentException("the R1CS has " + r1cs.numWires() + " wires, the witness program "
          + program.numWires());
    }
    this.r1cs = r1cs;
    this.program = program;
    this.hints = hints;
  }

  public R1cs r1cs() {
    return r1cs;
  }

  public WitnessProgram program() {
    return program;
  }

  /** The hints this generator runs. */
  public HintRegistry hints() {
    return hints;
  }

  /** The same circuit solved with other hints. */
  public WitnessGenerator withHints(HintRegistry replacement) {
    return new WitnessGenerator(r1cs, program, replacement);
  }

  /** The same circuit with one hint replaced (by id): the way tests inject malicious hint outputs. */
  public WitnessGenerator withHint(Hint replacement) {
    return withHints(hints.with(replacement));
  }

  /**
   * The witness for the given inputs, every assertion verified.
   *
   * @throws WitnessException if an input is missing or malformed, a hint is missing or fails, or a
   *     constraint does not hold
   */
  public Witness generate(Assignment inputs) throws WitnessException {
    return Witness.of(run(inputs, true));
  }

  /**
   * The wires the program computes for the given inputs without verifying any assertion; the
   * result need not satisfy the R1CS.
   *
   * @throws WitnessException if an input is missing or malformed, or a hint is missing or fails
   */
  public Witness generateUnchecked(Assignment inputs) throws WitnessException {
    return Witness.of(run(inputs, false));
  }

  private long[] run(Assignment inputs, boolean check) throws WitnessException {
    WitnessProgram p = program;
    long[] w = FR.newVector(p.numWires);
    FR.setOne(w, 0);
    assignInputs(inputs, w);
    Hint[] impl = resolveHints();
    SparseMatrix a = r1cs.a(), b = r1cs.b(), c = r1cs.c();
    long[] va = new long[4], vb = new long[4], vc = new long[4], tmp = new long[4];
    long[] in = new long[64], out = new long[64];
    for (int s = 0; s < p.numSteps; s++) {
      switch (p.kinds[s]) {
        case WitnessProgram.SOLVE -> {
          int row = p.args[s];
          dot(a, row, w, va, tmp);
          dot(b, row, w, vb, tmp);
          dot(c, row, w, vc, tmp);
          int t = 4 * p.targets[s];
          FR.mul(va, 0, va, 0, vb, 0);
          FR.sub(w, t, va, 0, vc, 0);
        }
        case WitnessProgram.CHECK -> {
          if (check) {
            int row = p.args[s];
            dot(a, row, w, va, tmp);
            dot(b, row, w, vb, tmp);
            dot(c, row, w, vc, tmp);
            FR.mul(tmp, 0, va, 0, vb, 0);
            if (!PrimeField.equal(tmp, 0, vc, 0)) {
              throw new WitnessException(WitnessException.Reason.CONSTRAINT, "constraint " + row + " (built in scope '" + p.scopeOfStep(s)
                  + "') does not hold: <A,w> * <B,w> = " + signed(va) + " * " + signed(vb) + ", but <C,w> = "
                  + signed(vc) + "; an input is outside the range the circuit accepts, or a hint is wrong");
            }
          }
        }
        default -> {
          int call = p.args[s];
          int firstLc = p.callInputStart[call], lcs = p.callInputStart[call + 1] - firstLc;
          int firstOut = p.callOutputStart[call], outs = p.callOutputStart[call + 1] - firstOut;
          if (in.length < 4 * lcs) {
            in = new long[4 * lcs];
          }
          if (out.length < 4 * outs) {
            out = new long[4 * outs];
          }
          for (int i = 0; i < lcs; i++) {
            evaluateInput(firstLc + i, w, in, 4 * i, tmp);
          }
          Arrays.fill(out, 0, 4 * outs, 0L);
          Hint hint = impl[p.callHint[call]];
          try {
            hint.compute(in, lcs, out, outs);
          } catch (HintException | RuntimeException e) {
            throw new WitnessException(WitnessException.Reason.HINT, "hint " + hint.id() + " (call " + call + ", scope '" + p.scopeOfStep(s)
                + "') failed: " + e.getMessage(), e);
          }
          for (int i = 0; i < outs; i++) {
            if (!FR.isCanonical(out, 4 * i)) {
              throw new WitnessException(WitnessException.Reason.HINT, "hint " + hint.id() + " (call " + call + ") returned a non-canonical value for"
                  + " output " + i);
            }
            PrimeField.copy(w, 4 * p.outputWires[firstOut + i], out, 4 * i);
          }
        }
      }
    }
    return w;
  }

  private void assignInputs(Assignment inputs, long[] w) throws WitnessException {
    Set<String> expected = new HashSet<>();
    for (Signal s : program.signals) {
      if (!s.isInput()) {
        continue;
      }
      expected.add(s.name());
      long[] v = inputs.raw(s.name());
      if (v == null) {
        throw new WitnessException(WitnessException.Reason.INPUT, "input '" + s.name() + "' (" + s.count() + " values) is not assigned");
      }
      if (v.length != 4 * s.count()) {
        throw new WitnessException(WitnessException.Reason.INPUT, "input '" + s.name() + "' has " + v.length / 4 + " values; the circuit expects "
            + s.count());
      }
      System.arraycopy(v, 0, w, 4 * s.firstWire(), v.length);
    }
    for (String name : inputs.names()) {
      if (!expected.contains(name)) {
        Signal s = program.signalsByName.get(name);
        throw new WitnessException(WitnessException.Reason.INPUT, s == null ? "the circuit has no input named '" + name + "'; its inputs are "
            + expected : "'" + name + "' is an output, computed by the circuit; it cannot be assigned");
      }
    }
  }

  private Hint[] resolveHints() throws WitnessException {
    Hint[] impl = new Hint[program.hintIds.length];
    for (int i = 0; i < impl.length; i++) {
      String id = program.hintIds[i];
      impl[i] = hints.find(id).orElseThrow(() -> new WitnessException(WitnessException.Reason.INPUT, "no hint is registered for id " + id
          + "; the circuit calls it (registered: " + hints.ids() + ")"));
    }
    return impl;
  }

  private void evaluateInput(int lc, long[] w, long[] z, int zo, long[] tmp) {
    FR.setZero(z, zo);
    long[] coefficients = program.termCoefficients;
    for (int k = program.lcStart[lc], end = program.lcStart[lc + 1]; k < end; k++) {
      FR.mul(tmp, 0, coefficients, 4 * k, w, 4 * program.termWires[k]);
      FR.add(z, zo, z, zo, tmp, 0);
    }
  }

  /** z = &lt;row, w&gt;, through the matrix's public accessors. */
  private static void dot(SparseMatrix m, int row, long[] w, long[] z, long[] coefficient) {
    FR.setZero(z, 0);
    for (int k = m.rowStart(row), end = m.rowEnd(row); k < end; k++) {
      m.coefficient(k, coefficient, 0);
      int wo = 4 * m.wire(k);
      if (FR.isOne(coefficient, 0)) {
        FR.add(z, 0, z, 0, w, wo);
      } else {
        FR.mul(coefficient, 0, coefficient, 0, w, wo);
        FR.add(z, 0, z, 0, coefficient, 0);
      }
    }
  }

  private static String signed(long[] x) {
    BigInteger v = FR.toBigInteger(x, 0);
    return v.compareTo(Bn254.R_MODULUS.shiftRight(1)) > 0 ? v.subtract(Bn254.R_MODULUS).toString() : v.toString();
  }
}
