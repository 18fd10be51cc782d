package org.zkml4j.circuit.gadget.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.testing.Domains;
import org.zkml4j.circuit.testing.MaliciousHints;
import org.zkml4j.circuit.witness.Assignment;

/** ReLU (alone and after a rescale) and the polynomial activation, every value of small ranges. */
class ActivationTest {
  @Test
  void reluOnEverySixBitValue() {
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> new Variable[] {Relu.relu(api, x[0], 6)})
        .expecting(x -> Domains.within(x[0], -32, 31) ? Optional.of(new BigInteger[] {x[0].max(BigInteger.ZERO)})
            : Optional.empty())
        .on(Domains.singles(-45, 45))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(6))
        .check();
    assertEquals(7, r.gadgetConstraints());
  }

  @Test
  void aFakedReluOutputIsRejected() throws Exception {
    CompiledCircuit c = CircuitCompiler.compile(api -> api.output("y", Relu.relu(api, api.privateInput("x"), 6)));
    int y = c.signal("y").firstWire();
    // Honest: relu(7) = 7 and relu(-5) = 0. Claim 0 for the first and -5 for the second.
    Witness seven = CircuitAssert.assertAccepts(c, Assignment.builder().set("x", 7).build());
    assertFalse(R1csChecker.isSatisfied(c.r1cs(), seven.with(y, BigInteger.ZERO)));
    Witness minusFive = CircuitAssert.assertAccepts(c, Assignment.builder().set("x", -5).build());
    assertEquals(BigInteger.ZERO, minusFive.value(y));
    assertFalse(R1csChecker.isSatisfied(c.r1cs(), minusFive.with(y, BigInteger.valueOf(-5))));
    // Lying about the sign instead: the decomposition cannot have its top bit set for x < 0.
    CircuitAssert.assertRejects(c, Assignment.builder().set("x", -5).build(), MaliciousHints.bitsWithTopFlipped());
  }

  @Test
  void reluAfterRescaleCostsOneConstraint() {
    int k = 2, q = 4;
    CircuitAssert.Report r = CircuitAssert.forGadget(1,
            (api, x) -> new Variable[] {Relu.relu(api, Division.rescale(api, x[0], k, q))})
        .expecting(x -> {
          BigInteger y = FixedPoint.rescale(x[0], k);
          return Domains.within(y, -8, 7) ? Optional.of(new BigInteger[] {y.max(BigInteger.ZERO)}) : Optional.empty();
        })
        .on(Domains.singles(-40, 40))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .withMaliciousHint(MaliciousHints.bitsBorrowingFromQuotient(k))
        .check();
    assertEquals(k + q + 1, r.gadgetConstraints());
  }

  @Test
  void polynomialActivation() {
    CircuitAssert.Report r = CircuitAssert.forGadget(1,
            (api, x) -> new Variable[] {PolynomialActivation.apply(api, x[0], 3)})
        .expecting(x -> Optional.of(new BigInteger[] {BigInteger.valueOf(FixedPoint.polynomial(x[0].longValue(), 3))}))
        .on(Domains.tuples(-30, 30, 1))
        .check();
    assertEquals(1, r.gadgetConstraints());
  }
}
