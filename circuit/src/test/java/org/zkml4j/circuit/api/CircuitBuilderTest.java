package org.zkml4j.circuit.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.Signal;
import org.zkml4j.math.field.Bn254;

/** Costs, wire order, folding and error behaviour of the builder, checked on small circuits. */
class CircuitBuilderTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v).mod(R);
  }

  @Test
  void wiresFollowCircomOrderWhateverTheDeclarationOrder() throws Exception {
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable a = api.privateInput("a");
      Variable[] p = api.publicInputs("p", 2);
      Variable b = api.privateInput("b");
      Variable ab = api.mul(a, b);
      api.output("sum", api.add(p[0], p[1]));
      api.output("product", ab);
    });
    R1cs r = c.r1cs();
    assertEquals(2, r.numOutputs());
    assertEquals(2, r.numPublicInputs());
    assertEquals(2, r.numPrivateInputs());
    assertEquals(List.of(new Signal("sum", Signal.Kind.OUTPUT, 1, 1), new Signal("product", Signal.Kind.OUTPUT, 2, 1),
        new Signal("p", Signal.Kind.PUBLIC_INPUT, 3, 2), new Signal("a", Signal.Kind.PRIVATE_INPUT, 5, 1),
        new Signal("b", Signal.Kind.PRIVATE_INPUT, 6, 1)), c.signals());
    // The product wire itself became output "product"; the sum needed one constraint and a wire.
    assertEquals(7, r.numWires());
    assertEquals(2, r.numConstraints());
    Witness w = c.witness(Assignment.builder().set("a", 6).set("b", -7).set("p", 10, 20).build());
    assertEquals(List.of(BigInteger.ONE, big(30), big(-42), big(10), big(20), big(6), big(-7)),
        java.util.stream.IntStream.range(0, 7).mapToObj(w::value).toList());
  }

  @Test
  void linearOperationsAndConstantFactorsCostNothing() throws Exception {
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", 3);
      Variable e = api.sub(api.scale(api.add(x[0], x[1]), 3), api.neg(x[2]));        // 3x0 + 3x1 + x2
      e = api.add(e, api.mul(api.constant(5), x[0]));                                   // 8x0 + 3x1 + x2
      e = api.add(e, api.weightedSum(new long[] {-8, 1}, new Variable[] {x[0], api.constant(11)})); // 3x1 + x2 + 11
      api.output("y", api.mul(e, x[0]));
      assertEquals(1, api.numConstraints());
      assertEquals(3, e.terms());
    });
    assertEquals(1, c.r1cs().numConstraints());
    Witness w = c.witness(Assignment.builder().set("x", 2, 3, -4).build());
    assertEquals(big((3 * 3 - 4 + 11) * 2), c.values(w, "y")[0]);
  }

  @Test
  void mergedTermsCancel() {
    CircuitCompiler.compile(api -> {
      Variable x = api.privateInput("x");
      Variable y = api.privateInput("y");
      Variable zero = api.sub(api.add(x, y), api.add(y, x));
      assertEquals(0, zero.terms());
      assertEquals(BigInteger.ZERO, api.constantValue(zero).orElseThrow());
      assertEquals(0, api.sum(x, api.neg(x), api.constant(0)).terms());
    });
  }

  @Test
  void operationsOnConstantsFoldOrFailAtOnce() {
    CircuitCompiler.compile(api -> {
      Variable six = api.mul(api.constant(2), api.constant(3));
      assertEquals(BigInteger.valueOf(6), api.constantValue(six).orElseThrow());
      api.assertEqual(six, api.constant(6));
      api.assertBoolean(api.constant(1));
      Variable x = api.privateInput("x");
      assertEquals(x, api.select(api.constant(1), x, six));
      assertEquals(0, api.numConstraints());
      assertThrows(UnsatisfiableException.class, () -> api.assertEqual(six, api.constant(7)));
      assertThrows(UnsatisfiableException.class, () -> api.assertBoolean(api.constant(2)));
      assertThrows(UnsatisfiableException.class, () -> api.select(api.constant(-1), x, six));
    });
  }

  @Test
  void selectAssertsItsConditionOnceAndComputesTheChoice() throws Exception {
    AtomicInteger afterFirst = new AtomicInteger();
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable b = api.privateInput("b");
      Variable x = api.privateInput("x");
      Variable y = api.privateInput("y");
      Variable first = api.select(b, x, y); // boolean check + selection
      afterFirst.set(api.numConstraints());
      Variable second = api.select(api.sub(api.constant(1), b), x, y); // 1 - b is known boolean
      api.outputs("out", first, second);
    });
    assertEquals(2, afterFirst.get());
    assertEquals(3, c.r1cs().numConstraints());
    for (long b : new long[] {0, 1}) {
      Witness w = c.witness(Assignment.builder().set("b", b).set("x", 10).set("y", -20).build());
      assertArrayEquals(new BigInteger[] {big(b == 1 ? 10 : -20), big(b == 1 ? -20 : 10)}, c.values(w, "out"));
    }
    CircuitAssert.assertRejects(c, Assignment.builder().set("b", 2).set("x", 10).set("y", -20).build());
  }

  @Test
  void longCombinationsAreMaterializedPastTheThreshold() throws Exception {
    int width = 40;
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", width);
      long[] w = new long[width];
      java.util.Arrays.fill(w, 2);
      // Ten stacked dense layers of 40 outputs with constant weights, no non-linearity between.
      Variable[] layer = x;
      for (int depth = 0; depth < 10; depth++) {
        Variable[] next = new Variable[width];
        for (int i = 0; i < width; i++) {
          next[i] = api.weightedSum(w, layer);
          assertTrue(next[i].terms() <= 16, "terms " + next[i].terms());
        }
        layer = next;
      }
      api.output("y", layer[0]);
    }, new CompileOptions(16));
    // Every weighted sum had 40 > 16 terms and became one wire: 10 * 40 constraints; the output
    // is such a wire, so it costs nothing more.
    assertEquals(400, c.r1cs().numConstraints());
    long[] ones = new long[width];
    java.util.Arrays.fill(ones, 1);
    Witness w = c.witness(Assignment.builder().set("x", ones).build());
    assertEquals(BigInteger.valueOf(80).pow(10).mod(R), c.values(w, "y")[0]);
  }

  @Test
  void shortCombinationsStaySymbolic() {
    CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", 200);
      long[] w = new long[200];
      java.util.Arrays.fill(w, 3);
      Variable y = api.weightedSum(w, x);
      assertEquals(200, y.terms());
      assertEquals(0, api.numConstraints());
      api.output("y", y);
    });
  }

  @Test
  void materializeMakesOneWire() throws Exception {
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", 3);
      Variable s = api.materialize(api.sum(x));
      assertEquals(1, s.terms());
      assertEquals(s, api.materialize(s));
      api.output("y", api.mul(s, s));
    });
    assertEquals(2, c.r1cs().numConstraints());
    assertEquals(big(36), c.values(c.witness(Assignment.builder().set("x", 1, 2, 3).build()), "y")[0]);
  }

  @Test
  void scopesCountConstraintsInclusivelyAndAccumulate() {
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable x = api.privateInput("x");
      for (int layer = 0; layer < 2; layer++) {
        try (Scope s = api.scope("dense")) {
          x = api.mul(x, x);
          try (Scope inner = api.scope("relu")) {
            assertEquals("dense/relu", inner.path());
            x = api.mul(x, x);
            x = api.mul(x, x);
          }
        }
      }
      api.output("y", x);
    });
    ConstraintReport report = c.report();
    assertEquals(6, report.constraints("dense"));
    assertEquals(4, report.constraints("dense/relu"));
    assertEquals(0, report.constraints("absent"));
    assertEquals(List.of("dense", "dense/relu"), List.copyOf(report.constraintsByPath().keySet()));
    assertEquals(6, report.totalConstraints());
    assertTrue(report.format().contains("relu"), report.format());
  }

  @Test
  void scopesMustNest() {
    assertThrows(IllegalStateException.class, () -> CircuitCompiler.compile(api -> api.scope("open")));
    assertThrows(IllegalStateException.class, () -> CircuitCompiler.compile(api -> {
      Scope outer = api.scope("outer");
      api.scope("inner");
      outer.close();
    }));
    assertThrows(IllegalArgumentException.class, () -> CircuitCompiler.compile(api -> api.scope("a/b")));
  }

  @Test
  void namesAndVariablesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> CircuitCompiler.compile(api -> {
      api.privateInput("x");
      api.publicInput("x");
    }));
    Variable[] stolen = new Variable[1];
    CircuitCompiler.compile(api -> stolen[0] = api.privateInput("x"));
    assertThrows(IllegalArgumentException.class, () -> CircuitCompiler.compile(api -> api.output("y", stolen[0])));
  }

  @Test
  void theGeneratedWitnessSatisfiesTheChecker() throws Exception {
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable x = api.privateInput("x");
      Variable x3 = api.mul(api.mul(x, x), x);
      api.output("y", api.add(x3, api.add(x, api.constant(5)))); // x^3 + x + 5
    });
    Witness w = c.witness(Assignment.builder().set("x", 3).build());
    assertTrue(R1csChecker.isSatisfied(c.r1cs(), w));
    assertEquals(big(35), c.values(w, "y")[0]);
    // y, x^2 and x^3 can each not change alone.
    assertEquals(3, CircuitAssert.assertTamperingDetected(c, Assignment.builder().set("x", 3).build()));
  }
}
