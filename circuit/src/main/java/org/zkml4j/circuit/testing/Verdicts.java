package org.zkml4j.circuit.testing;

import java.math.BigInteger;
import java.util.List;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.circuit.witness.WitnessGenerator;
import org.zkml4j.math.field.Bn254;

/**
 * The judgements {@link CircuitAssert} makes about one circuit and one assignment: accepted,
 * rejected, and rejected again under every tampering of hint outputs and single wires. Each throws
 * {@link AssertionError} with {@code what} (the inputs and allocation) in its message.
 */
final class Verdicts {
  private static final BigInteger R = Bn254.R_MODULUS;

  private Verdicts() {}

  static Witness accepted(CompiledCircuit c, Assignment a, String what) {
    Witness w;
    try {
      w = c.witness(a);
    } catch (WitnessException e) {
      throw new AssertionError(what + ": valid inputs rejected by the witness generator: " + e.getMessage(), e);
    }
    R1csChecker.firstViolation(c.r1cs(), w).ifPresent(v -> {
      throw new AssertionError(what + ": the generated witness fails the checker: " + v.message());
    });
    return w;
  }

  static void rejected(WitnessGenerator g, R1cs r1cs, Assignment a, String what) {
    try {
      g.generate(a);
      throw new AssertionError(what + ": invalid inputs accepted by the witness generator");
    } catch (WitnessException expected) {
      // the checked generator noticed
    }
    Witness w;
    try {
      w = g.generateUnchecked(a);
    } catch (WitnessException e) {
      if (e.reason() == WitnessException.Reason.INPUT) {
        throw new AssertionError(what + ": the inputs do not fit the circuit: " + e.getMessage(), e);
      }
      return; // a hint refused the inputs: there is no witness to check
    }
    if (R1csChecker.isSatisfied(r1cs, w)) {
      throw new AssertionError(what + ": the R1CS accepts invalid inputs");
    }
  }

  /** Every hint output of every call, each replaced by each wrong value; returns the runs. */
  static int tamper(CompiledCircuit c, Assignment a, String what) {
    Tampering plan = new Tampering();
    WitnessGenerator g = c.witnessGenerator().withHints(plan.wrap(c.hints()));
    plan.record();
    try {
      g.generateUnchecked(a);
    } catch (WitnessException e) {
      return 0; // the honest hints refuse these inputs; nothing to tamper with
    }
    List<Integer> calls = plan.outputCounts();
    int runs = 0;
    for (int call = 0; call < calls.size(); call++) {
      for (int out = 0; out < calls.get(call); out++) {
        for (int p = 0; p < Tampering.PERTURBATIONS; p++) {
          plan.target(call, out, p);
          Witness w;
          try {
            w = g.generateUnchecked(a);
          } catch (WitnessException e) {
            continue; // a later hint refused the tampered values
          }
          List<BigInteger> values = plan.targetValues();
          String change = what + ": hint " + c.witnessGenerator().program().hintId(call) + " call " + call
              + " output " + out + " changed from " + signed(values.get(0)) + " to " + signed(values.get(1));
          if (R1csChecker.isSatisfied(c.r1cs(), w)) {
            throw new AssertionError(change + " is accepted by the R1CS");
          }
          plan.target(call, out, p);
          try {
            g.generate(a);
            throw new AssertionError(change + " is accepted by the checked witness generator");
          } catch (WitnessException expected) {
            runs++;
          }
        }
      }
    }
    return runs;
  }

  /** Each output and internal wire changed alone (+1) must break a constraint. */
  static int changeEachWire(R1cs r1cs, Witness honest, String what) {
    int inputsEnd = 1 + r1cs.numOutputs() + r1cs.numPublicInputs() + r1cs.numPrivateInputs();
    int runs = 0;
    for (int wire = 1; wire < r1cs.numWires(); wire++) {
      if (wire > r1cs.numOutputs() && wire < inputsEnd) {
        continue;
      }
      Witness w = honest.with(wire, honest.value(wire).add(BigInteger.ONE));
      if (R1csChecker.isSatisfied(r1cs, w)) {
        throw new AssertionError(what + ": wire " + wire + " can change alone (it is not constrained)");
      }
      runs++;
    }
    return runs;
  }

  static String signed(BigInteger v) {
    return v.compareTo(R.shiftRight(1)) > 0 ? v.subtract(R).toString() : v.toString();
  }
}
