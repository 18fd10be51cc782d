package org.zkml4j.circuit.gadget.rangecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.testing.Domains;
import org.zkml4j.circuit.testing.MaliciousHints;

/** Every value in and around each range, under a cheating prover. */
class RangeCheckTest {
  private static final BigInteger[] NO_OUTPUTS = new BigInteger[0];

  private static Optional<BigInteger[]> acceptIf(boolean inRange) {
    return inRange ? Optional.of(NO_OUTPUTS) : Optional.empty();
  }

  @Test
  void unsignedSixBits() {
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> {
      RangeCheck.unsigned(api, x[0], 6);
      return new Variable[0];
    }).expecting(x -> acceptIf(Domains.within(x[0], 0, 63))).on(Domains.singles(-70, 130))
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(6))
        .withMaliciousHint(MaliciousHints.bitsWithoutBooleanity())
        .check();
    assertEquals(6, r.gadgetConstraints());
    assertTrue(r.maliciousRejections() > 0);
  }

  @Test
  void signedSixBitsEveryValue() {
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> {
      RangeCheck.signed(api, x[0], 6);
      return new Variable[0];
    }).expecting(x -> acceptIf(Domains.within(x[0], -32, 31))).on(Domains.singles(-70, 70))
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(6))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .check();
    assertEquals(6, r.gadgetConstraints());
    assertTrue(r.validCases() >= 2 * 64, r.toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 5, 8, 13, 100})
  void belowABound(int bound) {
    int m = BigInteger.valueOf(bound - 1).bitLength();
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> {
      RangeCheck.below(api, x[0], BigInteger.valueOf(bound));
      return new Variable[0];
    }).expecting(x -> acceptIf(Domains.within(x[0], 0, bound - 1))).on(Domains.singles(-5, bound + (1L << m)))
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(m))
        .check();
    assertEquals(Integer.bitCount(bound) == 1 ? m : 2 * m, r.gadgetConstraints());
  }

  @Test
  void argumentsAreChecked() {
    CircuitCompiler.compile(api -> {
      Variable x = api.privateInput("x");
      assertThrows(IllegalArgumentException.class, () -> RangeCheck.below(api, x, BigInteger.ONE));
      assertThrows(IllegalArgumentException.class, () -> RangeCheck.signed(api, x, 253));
      RangeCheck.unsigned(api, x, 3);
    });
  }
}
