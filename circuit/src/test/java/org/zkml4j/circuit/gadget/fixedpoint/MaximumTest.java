package org.zkml4j.circuit.gadget.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.testing.Domains;
import org.zkml4j.circuit.testing.MaliciousHints;

/** Max, min, max pooling, clamp and argmax over every tuple of small signed values. */
class MaximumTest {
  private static long[] longs(BigInteger[] x) {
    return Arrays.stream(x).mapToLong(BigInteger::longValueExact).toArray();
  }

  @Test
  void maxAndMinOfEveryFiveBitPair() {
    CircuitAssert.Report r = CircuitAssert.forGadget(2,
            (api, x) -> new Variable[] {Maximum.max(api, x[0], x[1], 5), Maximum.min(api, x[0], x[1], 5)})
        .expecting(x -> Optional.of(new BigInteger[] {x[0].max(x[1]), x[0].min(x[1])}))
        .on(Domains.tuples(-16, 15, 2))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .tamperingAtMost(200)
        .constantsAtMost(16)
        .check();
    assertEquals(2 * (5 + 2), r.gadgetConstraints());
  }

  @Test
  void maxPoolingOfFiveValues() {
    CircuitAssert.Report r = CircuitAssert.forGadget(5, (api, x) -> new Variable[] {Maximum.max(api, x, 3)})
        .expecting(x -> Optional.of(new BigInteger[] {BigInteger.valueOf(FixedPoint.max(longs(x)))}))
        .on(Domains.tuples(-2, 1, 5))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .tamperingAtMost(100)
        .constantsAtMost(8)
        .check();
    assertEquals(4 * (3 + 2), r.gadgetConstraints());
  }

  @Test
  void clampEverySixBitValue() {
    CircuitAssert.Report r = CircuitAssert.forGadget(1,
            (api, x) -> new Variable[] {Maximum.clamp(api, x[0], -5, 7, 6)})
        .expecting(x -> Optional.of(new BigInteger[] {BigInteger.valueOf(FixedPoint.clamp(x[0].longValueExact(), -5, 7))}))
        .on(Domains.tuples(-32, 31, 1))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .check();
    assertEquals(2 * (6 + 2), r.gadgetConstraints());
  }

  @Test
  void argmaxTakesTheLowestIndexOfTies() {
    CircuitAssert.Report r = CircuitAssert.forGadget(4, (api, x) -> {
      Argmax a = Argmax.of(api, x, 3);
      Variable[] hot = a.oneHot(api);
      return new Variable[] {a.index(), a.max(), hot[0], hot[1], hot[2], hot[3]};
    }).expecting(x -> {
      int index = FixedPoint.argmax(longs(x));
      BigInteger[] out = new BigInteger[6];
      out[0] = BigInteger.valueOf(index);
      out[1] = x[index];
      for (int i = 0; i < 4; i++) {
        out[2 + i] = i == index ? BigInteger.ONE : BigInteger.ZERO;
      }
      return Optional.of(out);
    }).on(Domains.tuples(-2, 1, 4))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .withMaliciousHint(MaliciousHints.bitsWithoutBooleanity())
        .tamperingAtMost(128)
        .constantsAtMost(16)
        .check();
    // (m - 1)(n + 3) - 1 for index and max, 2(m - 2) for the one-hot vector.
    assertEquals(3 * 6 - 1 + 4, r.gadgetConstraints());
    assertTrue(r.maliciousRejections() > 0);
  }

  @Test
  void argmaxOfOneValue() {
    CircuitAssert.forGadget(1, (api, x) -> {
      Argmax a = Argmax.of(api, x, 3);
      return new Variable[] {a.index(), a.max(), a.oneHot(api)[0]};
    }).expecting(x -> Optional.of(new BigInteger[] {BigInteger.ZERO, x[0], BigInteger.ONE}))
        .on(Domains.tuples(-4, 3, 1)).check();
  }
}
