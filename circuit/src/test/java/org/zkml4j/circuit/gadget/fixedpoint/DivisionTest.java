package org.zkml4j.circuit.gadget.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.testing.Domains;
import org.zkml4j.circuit.testing.MaliciousHints;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.math.field.Bn254;

/**
 * Rescaling and division by constants, exhaustively over every input whose quotient fits and a
 * margin around it, against {@link FixedPoint}; with cheating provers that move units between
 * quotient and remainder.
 */
class DivisionTest {
  /** (quotient, remainder, non-negative) for x + offset = q d + rem, or empty if q does not fit. */
  private static Optional<BigInteger[]> expected(BigInteger x, long d, boolean round, int q) {
    BigInteger bd = BigInteger.valueOf(d);
    BigInteger quotient = round ? FixedPoint.divRound(x, bd) : FixedPoint.divFloor(x, bd);
    if (!Domains.within(quotient, -(1L << (q - 1)), (1L << (q - 1)) - 1)) {
      return Optional.empty();
    }
    BigInteger offset = round ? bd.shiftRight(1) : BigInteger.ZERO;
    BigInteger remainder = x.add(offset).subtract(quotient.multiply(bd));
    return Optional.of(new BigInteger[] {quotient, remainder, quotient.signum() >= 0 ? BigInteger.ONE : BigInteger.ZERO});
  }

  private static Variable[] outputs(Quotient q) {
    return new Variable[] {q.quotient(), q.remainder(), q.nonNegative()};
  }

  @Property(tries = 150)
  void wideDivisionsMatchTheReference(@ForAll @IntRange(min = 1, max = 40) int q, @ForAll @IntRange(min = 1, max = 1 << 20) int d,
      @ForAll boolean round, @ForAll @IntRange(min = 0, max = 1) int powerOfTwo, @ForAll long seed) throws Exception {
    long divisor = powerOfTwo == 1 ? Integer.highestOneBit(d) : d;
    Random rnd = new Random(seed);
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Variable x = api.privateInput("x");
      Quotient r = round ? Division.divRound(api, x, divisor, q) : Division.divFloor(api, x, divisor, q);
      api.outputs("out", r.quotient(), r.remainder(), r.nonNegative());
    });
    int bits = BigInteger.valueOf(divisor).bitLength() + q;
    for (int i = 0; i < 4; i++) {
      // Mostly inside the quotient's bound, sometimes just outside or far away.
      BigInteger x = new BigInteger(bits - 1 + rnd.nextInt(3), rnd);
      x = rnd.nextBoolean() ? x.negate() : x;
      if (i == 3) {
        x = new BigInteger(200, rnd);
      }
      Assignment a = Assignment.builder().set("x", x).build();
      Optional<BigInteger[]> want = expected(x, divisor, round, q);
      if (want.isPresent()) {
        Witness w = CircuitAssert.assertAccepts(c, a);
        BigInteger[] got = c.values(w, "out");
        for (int j = 0; j < 3; j++) {
          assertEquals(want.get()[j].mod(Bn254.R_MODULUS), got[j]);
        }
      } else {
        CircuitAssert.assertRejects(c, a);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"1, 3", "2, 4", "3, 3", "0, 4"})
  void rescaleByPowersOfTwo(int k, int q) {
    long span = (1L << (k + q - 1)) + 8;
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> outputs(Division.rescale(api, x[0], k, q)))
        .expecting(x -> expected(x[0], 1L << k, true, q))
        .on(Domains.singles(-span, span))
        .withMaliciousHint(MaliciousHints.bitsBorrowingFromQuotient(k))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .withMaliciousHint(MaliciousHints.bitsWithoutBooleanity())
        .withMaliciousHint(MaliciousHints.bitsOfWrappedValue(k + q))
        .check();
    assertEquals(k + q, r.gadgetConstraints());
    assertTrue(r.maliciousRejections() > 0 && r.tamperedRuns() > 0, r.toString());
  }

  @ParameterizedTest
  @CsvSource({"3, true, 3", "5, true, 4", "6, true, 3", "10, false, 3", "7, false, 4", "8, false, 3"})
  void divisionByConstants(long d, boolean round, int q) {
    long span = d * (1L << (q - 1)) + d + 3;
    int m = BigInteger.valueOf(d - 1).bitLength();
    CircuitAssert.Report r = CircuitAssert.forGadget(1, (api, x) -> outputs(round ? Division.divRound(api, x[0], d, q)
            : Division.divFloor(api, x[0], d, q)))
        .expecting(x -> expected(x[0], d, round, q))
        .on(Domains.singles(-span, span))
        .withMaliciousHint(MaliciousHints.remainderShifted(1))
        .withMaliciousHint(MaliciousHints.remainderShifted(-1))
        .withMaliciousHint(MaliciousHints.bitsWithTopFlipped())
        .check();
    assertEquals(Long.bitCount(d) == 1 ? m + q : q + 2 * m, r.gadgetConstraints());
    if (Long.bitCount(d) != 1) {
      assertTrue(r.maliciousRejections() > 0, r.toString());
    }
  }
}
