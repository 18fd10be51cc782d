package org.zkml4j.circuit.gadget.bits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.testing.Domains;
import org.zkml4j.circuit.testing.MaliciousHints;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.math.field.Bn254;

/** Decompositions checked exhaustively against BigInteger.testBit, under a cheating prover. */
class BitsTest {
  /** The n binary digits of x, or empty when x is outside [0, 2^n). */
  private static Optional<BigInteger[]> bitsOf(BigInteger x, int n) {
    if (x.signum() < 0 || x.bitLength() > n) {
      return Optional.empty();
    }
    BigInteger[] bits = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      bits[i] = x.testBit(i) ? BigInteger.ONE : BigInteger.ZERO;
    }
    return Optional.of(bits);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 6})
  void everyValueAroundTheRangeIsDecomposedOrRejected(int n) {
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> Bits.toBits(api, x[0], n))
        .expecting(x -> bitsOf(x[0], n))
        .on(Domains.singles(-(1L << n) - 2, (1L << (n + 1)) + 2))
        .withMaliciousHint(MaliciousHints.bitsWithoutBooleanity())
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(n))
        .check();
    assertEquals(n, r.gadgetConstraints());
    assertTrue(r.validCases() > 0 && r.invalidCases() > 0, r.toString());
    if (n >= 2) {
      assertTrue(r.tamperedRuns() > 0, r.toString());
      assertTrue(r.maliciousRejections() > 0, r.toString());
    }
  }

  @Test
  void signedDecompositionIsOffsetBinary() {
    int n = 6;
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> Bits.signedToBits(api, x[0], n))
        .expecting(x -> bitsOf(x[0].add(BigInteger.valueOf(32)), n))
        .on(Domains.singles(-40, 40))
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(n))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .check();
    assertEquals(6, r.gadgetConstraints());
  }

  @Test
  void aNegativeValueCannotPassAsSmall() throws Exception {
    // x = -3 = r - 3: the wrapped bits (of 61) satisfy every constraint except the recomposition.
    CompiledCircuit c = CircuitCompiler.compile(api -> Bits.toBits(api, api.privateInput("x"), 6));
    Assignment minusThree = Assignment.builder().set("x", -3).build();
    CircuitAssert.assertRejects(c, minusThree);
    CircuitAssert.assertRejects(c, minusThree, MaliciousHints.bitsOfWrappedValue(6));
  }

  @Test
  void fromBitsRecomposesForFree() throws Exception {
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable x = api.privateInput("x");
      Variable[] bits = Bits.toBits(api, x, 40);
      api.output("y", api.mul(Bits.fromBits(api, bits), api.constant(3)));
    });
    assertEquals(41, c.r1cs().numConstraints()); // 40 for the bits, 1 for the output
    BigInteger x = BigInteger.valueOf(987_654_321_012L);
    assertEquals(x.multiply(BigInteger.valueOf(3)),
        c.values(c.witness(Assignment.builder().set("x", x).build()), "y")[0]);
  }

  @Test
  void constantsFoldAndBoundsAreEnforced() {
    CircuitCompiler.compile(api -> {
      Variable[] bits = Bits.toBits(api, api.constant(5), 3);
      assertEquals(List.of(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE),
          List.of(bits).stream().map(b -> api.constantValue(b).orElseThrow()).toList());
      assertEquals(0, api.numConstraints());
      Variable x = api.privateInput("x");
      assertThrows(IllegalArgumentException.class, () -> Bits.toBits(api, x, 0));
      assertThrows(IllegalArgumentException.class, () -> Bits.toBits(api, x, Bits.MAX_BITS + 1));
      assertThrows(IllegalArgumentException.class, () -> Bits.toBits(api, api.constant(8), 3));
      assertThrows(IllegalArgumentException.class,
          () -> Bits.toBits(api, api.constant(Bn254.R_MODULUS.subtract(BigInteger.ONE)), 252));
    });
  }
}
