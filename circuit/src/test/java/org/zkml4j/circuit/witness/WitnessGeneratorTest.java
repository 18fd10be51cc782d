package org.zkml4j.circuit.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.api.Scope;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.math.field.Bn254;

/** Inputs, hints, overrides and error reports of the witness generator. */
class WitnessGeneratorTest {
  /** Outputs the square root of a perfect square (a toy hint with a checkable result). */
  static final class SquareRootHint implements Hint {
    @Override
    public String id() {
      return "test.sqrt";
    }

    @Override
    public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) throws HintException {
      BigInteger x = Bn254.FR.toBigInteger(inputs, 0);
      BigInteger s = x.sqrt();
      if (!s.multiply(s).equals(x)) {
        throw new HintException(x + " is not a perfect square");
      }
      Bn254.FR.fromBigInteger(outputs, 0, s);
    }
  }

  /** A cheater's version: claims the root is one more than it is. */
  static final class WrongSquareRootHint implements Hint {
    @Override
    public String id() {
      return "test.sqrt";
    }

    @Override
    public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
      Bn254.FR.fromBigInteger(outputs, 0, Bn254.FR.toBigInteger(inputs, 0).sqrt().add(BigInteger.ONE));
    }
  }

  private static CompiledCircuit sqrtCircuit() {
    return CircuitCompiler.compile(api -> {
      Variable x = api.publicInput("x");
      try (Scope s = api.scope("root")) {
        Variable root = api.hint(new SquareRootHint(), 1, x)[0];
        api.assertEqual(api.mul(root, root), x); // constrains the hint output (up to sign)
        api.output("root", root);
      }
    });
  }

  @Test
  void hintsRunInOrderAndTheirOutputsAreConstrained() throws Exception {
    CompiledCircuit c = sqrtCircuit();
    Witness w = c.witness(Assignment.builder().set("x", 144).build());
    assertEquals(BigInteger.valueOf(12), c.values(w, "root")[0]);
    assertEquals("test.sqrt", c.witnessGenerator().program().hintId(0));
  }

  @Test
  void aMaliciousHintIsCaughtByTheCheckedGeneratorAndByTheChecker() throws Exception {
    CompiledCircuit c = sqrtCircuit();
    Assignment a = Assignment.builder().set("x", 144).build();
    WitnessGenerator cheat = c.witnessGenerator().withHint(new WrongSquareRootHint());
    WitnessException e = assertThrows(WitnessException.class, () -> cheat.generate(a));
    assertTrue(e.getMessage().contains("scope 'root'"), e.getMessage());
    assertEquals(WitnessException.Reason.CONSTRAINT, e.reason());
    Witness w = cheat.generateUnchecked(a);
    assertEquals(BigInteger.valueOf(13), c.values(w, "root")[0]);
    assertFalse(R1csChecker.isSatisfied(c.r1cs(), w));
  }

  @Test
  void inputErrorsNameTheSignal() {
    CompiledCircuit c = sqrtCircuit();
    WitnessGenerator g = c.witnessGenerator();
    WitnessException.Reason input = WitnessException.Reason.INPUT;
    assertMessage(g, Assignment.builder().build(), input, "input 'x'");
    assertMessage(g, Assignment.builder().set("x", 1, 4).build(), input, "has 2 values; the circuit expects 1");
    assertMessage(g, Assignment.builder().set("x", 4).set("z", 1).build(), input, "no input named 'z'");
    assertMessage(g, Assignment.builder().set("x", 4).set("root", 2).build(), input, "'root' is an output");
    assertMessage(g, Assignment.builder().set("x", 5).build(), WitnessException.Reason.HINT, "5 is not a perfect square");
    assertMessage(g.withHints(HintRegistry.empty()), Assignment.builder().set("x", 4).build(), input,
        "no hint is registered for id test.sqrt");
  }

  @Test
  void everyHintOutputMustAppearInAConstraint() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CircuitCompiler.compile(api -> {
      Variable x = api.publicInput("x");
      Variable[] free = api.hint(new SquareRootHint(), 1, x);
      api.add(free[0], x); // used, but in no constraint
    }));
    assertTrue(e.getMessage().contains("test.sqrt"), e.getMessage());
    // Declaring the free wire a public output does not constrain it either.
    assertThrows(IllegalStateException.class, () -> CircuitCompiler.compile(api ->
        api.output("claimed", api.hint(new SquareRootHint(), 1, api.publicInput("x"))[0])));
  }

  @Test
  void registriesRejectDifferentHintsWithOneId() {
    assertThrows(IllegalArgumentException.class, () -> HintRegistry.of(new SquareRootHint(), new WrongSquareRootHint()));
    HintRegistry r = HintRegistry.of(new SquareRootHint()).with(new WrongSquareRootHint());
    assertTrue(r.find("test.sqrt").orElseThrow() instanceof WrongSquareRootHint);
    assertThrows(IllegalArgumentException.class, () -> CircuitCompiler.compile(api -> {
      Variable x = api.publicInput("x");
      api.hint(new SquareRootHint(), 1, x);
      api.hint(new WrongSquareRootHint(), 1, x);
    }));
  }

  private static void assertMessage(WitnessGenerator g, Assignment a, WitnessException.Reason reason, String fragment) {
    WitnessException e = assertThrows(WitnessException.class, () -> g.generate(a));
    assertEquals(reason, e.reason());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
