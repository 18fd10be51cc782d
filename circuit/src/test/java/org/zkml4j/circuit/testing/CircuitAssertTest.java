package org.zkml4j.circuit.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.bits.Bits;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.math.field.Bn254;

/**
 * The tester tested: deliberately under-constrained gadgets, of the kinds found in published
 * circuits, must make {@link CircuitAssert#check()} fail.
 */
class CircuitAssertTest {
  /** Outputs 1/x, or 0 for x = 0. */
  private static final Hint INVERSE = new Hint() {
    @Override
    public String id() {
      return "test.inverse";
    }

    @Override
    public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
      if (!Bn254.FR.isZero(inputs, 0)) {
        Bn254.FR.inverse(outputs, 0, inputs, 0);
      }
    }
  };

  /** Outputs the low bits of x, starting at bit 0 (a decomposition without the lowest-bit trick). */
  private static final Hint ALL_BITS = new Hint() {
    @Override
    public String id() {
      return "zkml4j.bits.decompose";
    }

    @Override
    public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
      BigInteger x = Bn254.FR.toBigInteger(inputs, 0);
      int shift = Bn254.FR.toBigInteger(inputs, 4).intValueExact();
      for (int i = 0; i < outputCount; i++) {
        Bn254.FR.fromLong(outputs, 4 * i, x.testBit(shift + i) ? 1 : 0);
      }
    }
  };

  private static Optional<BigInteger[]> isZero(BigInteger[] x) {
    return Optional.of(new BigInteger[] {x[0].signum() == 0 ? BigInteger.ONE : BigInteger.ZERO});
  }

  @Test
  void isZeroWithoutItsSecondConstraintIsCaught() {
    // out = 1 - x * inv, but "x * out = 0" is missing: any inv other than 1/x gives out != 0.
    AssertionError e = assertThrows(AssertionError.class, () -> CircuitAssert.forGadget(1, (api, x) -> {
      Variable inv = api.hint(INVERSE, 1, x[0])[0];
      return new Variable[] {api.sub(api.constant(1), api.mul(x[0], inv))};
    }).expecting(CircuitAssertTest::isZero).on(Domains.singles(-3, 3)).check());
    assertTrue(e.getMessage().contains("is accepted by the R1CS"), e.getMessage());
  }

  @Test
  void theCompleteIsZeroPasses() {
    // The same gadget with x * out = 0. For x = 0 the inverse stays free, but the output does not:
    // the test domain avoids x = 0 for tampering, where a free inverse is harmless by design.
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> {
      Variable inv = api.hint(INVERSE, 1, x[0])[0];
      Variable out = api.sub(api.constant(1), api.mul(x[0], inv));
      api.assertEqual(api.mul(x[0], out), api.constant(0));
      return new Variable[] {out};
    }).expecting(CircuitAssertTest::isZero).on(Domains.tuples(1, 5, 1)).check();
    assertTrue(r.tamperedRuns() > 0);
  }

  @Test
  void aDecompositionWithoutBooleanityIsCaught() {
    // Recomposition only: b_1 + 2, b_2 - 1 satisfies it.
    AssertionError e = assertThrows(AssertionError.class, () -> CircuitAssert.forGadget(1, (api, x) -> {
      Variable[] bits = api.hint(ALL_BITS, 4, x[0], api.constant(0));
      api.assertEqual(Bits.fromBits(api, bits), x[0]);
      return new Variable[0];
    }).expecting(x -> x[0].signum() >= 0 && x[0].bitLength() <= 4 ? Optional.of(new BigInteger[0]) : Optional.empty())
        .on(Domains.singles(0, 15)).withMaliciousHint(MaliciousHints.bitsWithoutBooleanity()).check());
    assertTrue(e.getMessage().contains("malicious hint"), e.getMessage());
  }

  @Test
  void aFreeHintOutputHiddenInATautologyIsCaught() {
    // h appears in constraints, so the compiler's check passes, but h * x = h * x holds for any h.
    AssertionError e = assertThrows(AssertionError.class, () -> CircuitAssert.forGadget(1, (api, x) -> {
      Variable h = api.hint(INVERSE, 1, x[0])[0];
      api.assertEqual(api.mul(h, x[0]), api.mul(x[0], h));
      return new Variable[0];
    }).expecting(x -> Optional.of(new BigInteger[0])).on(Domains.tuples(1, 3, 1)).check());
    assertTrue(e.getMessage().contains("accepted"), e.getMessage());
  }

  @Test
  void aWrongOutputIsReported() {
    AssertionError e = assertThrows(AssertionError.class, () -> CircuitAssert.forGadget(1,
        (api, x) -> new Variable[] {api.mul(x[0], x[0])})
        .expecting(x -> Optional.of(new BigInteger[] {x[0].multiply(x[0]).add(BigInteger.ONE)}))
        .on(Domains.tuples(2, 2, 1)).check());
    assertTrue(e.getMessage().contains("output 0 is 4, expected 5"), e.getMessage());
  }

  @Test
  void aMalformedAssignmentIsNotARejection() {
    org.zkml4j.circuit.api.CompiledCircuit c = org.zkml4j.circuit.api.CircuitCompiler.compile(api -> {
      Variable x = api.privateInput("x");
      api.output("y", api.mul(x, x));
    });
    AssertionError e = assertThrows(AssertionError.class, () -> CircuitAssert.assertRejects(c,
        org.zkml4j.circuit.witness.Assignment.builder().set("z", 1).build()));
    assertTrue(e.getMessage().contains("do not fit the circuit"), e.getMessage());
  }

  @Test
  void anAcceptedInvalidInputIsReported() {
    AssertionError e = assertThrows(AssertionError.class, () -> CircuitAssert.forGadget(1,
        (api, x) -> new Variable[] {x[0]})
        .expecting(x -> x[0].signum() > 0 ? Optional.of(x) : Optional.empty())
        .on(Domains.tuples(-1, 1, 1)).check());
    assertTrue(e.getMessage().contains("invalid inputs accepted"), e.getMessage());
  }
}
