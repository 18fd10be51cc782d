package org.zkml4j.circuit.gadget.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The reference semantics against independent formulations of the same rules. */
class FixedPointTest {
  /**
   * Round half up, defined without floors of shifted values: the integer q nearest to x / d, the
   * larger one when two are equally near.
   */
  private static BigInteger nearestHalfUp(BigInteger x, BigInteger d) {
    BigInteger best = null;
    BigInteger bestDistance = null;
    BigInteger q0 = new java.math.BigDecimal(x).divide(new java.math.BigDecimal(d), 0, java.math.RoundingMode.FLOOR)
        .toBigIntegerExact();
    for (BigInteger q = q0.subtract(BigInteger.ONE); q.compareTo(q0.add(BigInteger.TWO)) <= 0; q = q.add(BigInteger.ONE)) {
      BigInteger distance = x.subtract(q.multiply(d)).abs(); // |x - q d| = d |x/d - q|
      if (best == null || distance.compareTo(bestDistance) <= 0) {
        best = q;
        bestDistance = distance;
      }
    }
    return best;
  }

  @Property(tries = 2000)
  void divRoundIsNearestWithTiesUp(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long x,
      @ForAll @LongRange(min = 1, max = 100_000) long d) {
    BigInteger expected = nearestHalfUp(BigInteger.valueOf(x), BigInteger.valueOf(d));
    assertEquals(expected.longValueExact(), FixedPoint.divRound(x, d));
    assertEquals(expected, FixedPoint.divRound(BigInteger.valueOf(x), BigInteger.valueOf(d)));
  }

  @Property(tries = 2000)
  void rescaleIsFloorOfXOver2kPlusHalf(@ForAll @LongRange(min = -(1L << 40), max = 1L << 40) long x,
      @ForAll @IntRange(min = 0, max = 12) int k) {
    // Exact in doubles: |x| < 2^40 and k <= 12.
    long expected = (long) Math.floor(x / Math.pow(2, k) + 0.5);
    assertEquals(expected, FixedPoint.rescale(x, k));
    assertEquals(BigInteger.valueOf(expected), FixedPoint.rescale(BigInteger.valueOf(x), k));
  }

  @Property(tries = 1000)
  void divFloorAgreesWithBigDecimal(@ForAll long x, @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long d) {
    BigInteger expected = new java.math.BigDecimal(x).divide(new java.math.BigDecimal(d), 0,
        java.math.RoundingMode.FLOOR).toBigIntegerExact();
    assertEquals(expected.longValueExact(), FixedPoint.divFloor(x, d));
    assertEquals(expected, FixedPoint.divFloor(BigInteger.valueOf(x), BigInteger.valueOf(d)));
  }

  @Test
  void theDocumentedExamples() {
    assertEquals(3, FixedPoint.rescale(5, 1));
    assertEquals(-2, FixedPoint.rescale(-5, 1));
    assertEquals(-1, FixedPoint.rescale(-6, 2));
    assertEquals(-2, FixedPoint.rescale(-7, 2));
    assertEquals(7, FixedPoint.rescale(7, 0));
    assertEquals(2, FixedPoint.divRound(7, 3));
    assertEquals(-2, FixedPoint.divRound(-7, 3));
    assertEquals(-3, FixedPoint.divFloor(-7, 3));
  }

  @Test
  void theOtherOperators() {
    assertEquals(0, FixedPoint.relu(-4));
    assertEquals(4, FixedPoint.relu(4));
    assertEquals(-3, FixedPoint.clamp(-9, -3, 5));
    assertEquals(5, FixedPoint.clamp(9, -3, 5));
    assertEquals(1, FixedPoint.clamp(1, -3, 5));
    assertEquals(1, FixedPoint.argmax(3, 7, 7, -1));
    assertEquals(0, FixedPoint.argmax(2, 2));
    assertEquals(7, FixedPoint.max(3, 7, 7, -1));
    assertEquals(-4 * (-4 + 3), FixedPoint.polynomial(-4, 3));
    assertTrue(FixedPoint.fitsSigned(-32, 6));
    assertFalse(FixedPoint.fitsSigned(32, 6));
    assertThrows(ArithmeticException.class, () -> FixedPoint.polynomial(Long.MAX_VALUE, 0));
    assertThrows(IllegalArgumentException.class, () -> FixedPoint.divRound(1, 0));
    assertThrows(IllegalArgumentException.class, () -> FixedPoint.clamp(0, 2, 1));
  }
}
