package org.zkml4j.circuit.gadget.cmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.testing.Domains;
import org.zkml4j.circuit.testing.MaliciousHints;

/** Every pair of 6-bit (and 4-bit) signed operands, plus pairs breaking the precondition. */
class ComparisonTest {
  private interface Cmp {
    Variable apply(Api api, Variable a, Variable b, int n);
  }

  private static BigInteger bit(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  /** All pairs in the n-bit signed range, then pairs whose difference is too large. */
  private static List<BigInteger[]> pairs(int n) {
    long half = 1L << (n - 1);
    List<BigInteger[]> d = new ArrayList<>(Domains.tuples(-half, half - 1, 2));
    long[][] far = {{2 * half, -2 * half}, {-2 * half, 2 * half}, {half - 1, -half - 1}, {-half - 1, half - 1},
        {-half - 1, half}, {half, -half}};
    for (long[] p : far) {
      d.add(new BigInteger[] {BigInteger.valueOf(p[0]), BigInteger.valueOf(p[1])});
    }
    for (BigInteger v : Domains.FAR) {
      d.add(new BigInteger[] {v, BigInteger.ZERO});
      d.add(new BigInteger[] {BigInteger.ONE, v});
    }
    return d;
  }

  /**
   * Checks a comparison; {@code swapped} when it is computed as isLess(b, a) or its negation.
   * Outside the precondition the result is still right while the difference the gadget decomposes
   * (a - b, or b - a when swapped) lies in [-2^n, 2^n); otherwise no witness exists.
   */
  private static CircuitAssert.Report check(Cmp cmp, BiPredicate<BigInteger, BigInteger> truth, boolean swapped, int n,
      int tamper) {
    long limit = 1L << n;
    return CircuitAssert.forGadget(2, (api, x) -> new Variable[] {cmp.apply(api, x[0], x[1], n)})
        .expecting(x -> Domains.within(swapped ? x[1].subtract(x[0]) : x[0].subtract(x[1]), -limit, limit - 1)
            ? Optional.of(new BigInteger[] {bit(truth.test(x[0], x[1]))}) : Optional.empty())
        .on(pairs(n))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .withMaliciousHint(MaliciousHints.bitsWithoutBooleanity())
        .tamperingAtMost(tamper)
        .constantsAtMost(24)
        .check();
  }

  @Test
  void isLessOnEverySixBitPair() {
    CircuitAssert.Report r = check(Comparison::isLess, (a, b) -> a.compareTo(b) < 0, false, 6, 300);
    assertEquals(7, r.gadgetConstraints());
    assertTrue(r.validCases() >= 2 * 64 * 64 && r.tamperedRuns() > 0 && r.maliciousRejections() > 0, r.toString());
  }

  @Test
  void theOtherOrdersOnEveryFourBitPair() {
    assertEquals(5, check(Comparison::isLessOrEqual, (a, b) -> a.compareTo(b) <= 0, true, 4, 64).gadgetConstraints());
    assertEquals(5, check(Comparison::isGreater, (a, b) -> a.compareTo(b) > 0, true, 4, 64).gadgetConstraints());
    assertEquals(5, check(Comparison::isGreaterOrEqual, (a, b) -> a.compareTo(b) >= 0, false, 4, 64)
        .gadgetConstraints());
  }

  @Test
  void isNegativeProvesTheRangeItself() {
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> new Variable[] {Comparison.isNegative(api, x[0], 6)})
        .expecting(x -> Domains.within(x[0], -32, 31) ? Optional.of(new BigInteger[] {bit(x[0].signum() < 0)})
            : Optional.empty())
        .on(Domains.singles(-70, 70))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(6))
        .check();
    assertEquals(6, r.gadgetConstraints());
  }
}
