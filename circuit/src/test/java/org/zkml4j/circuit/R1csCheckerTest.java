package org.zkml4j.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.parallel.Parallelism;

/** The checker against R1csSpec's BigInteger evaluation on random systems, small and large. */
class R1csCheckerTest {
  private static final BigInteger R = R1csSpec.R;

  @Property(tries = 300)
  void firstViolationMatchesBigIntegerReference(@ForAll long seed) {
    Random rnd = new Random(seed);
    List<BigInteger> w = R1csSpec.randomWitness(rnd, 2 + rnd.nextInt(12));
    R1csSpec spec = R1csSpec.random(rnd, w, rnd.nextInt(40), rnd.nextInt(3) * 0.05);
    Optional<ConstraintViolation> found = R1csChecker.firstViolation(spec.build(), Witness.ofValues(w),
        new Parallelism(1));
    assertViolation(spec, w, found);
  }

  @Test
  void parallelCheckReportsTheLowestViolation() {
    Random rnd = new Random(7);
    List<BigInteger> w = R1csSpec.randomWitness(rnd, 300);
    R1csSpec spec = R1csSpec.random(rnd, w, 40_000, 0);
    R1cs r1cs = spec.build();
    Parallelism four = new Parallelism(4);
    assertTrue(R1csChecker.firstViolation(r1cs, Witness.ofValues(w), four).isEmpty());
    // Break constraints in several chunks; the lowest must win whichever chunk finishes first.
    for (int broken : new int[] {39_999, 31_000, 20_124, 20_123, 9_000}) {
      spec.constraints().get(broken).get(2).replaceAll((wire, c) -> c.add(BigInteger.ONE));
      assertViolation(spec, w, R1csChecker.firstViolation(spec.build(), Witness.ofValues(w), four));
      assertEquals(broken, spec.firstViolation(w));
    }
  }

  @Test
  void violationNamesValuesAndWires() {
    // w = (1, out=35, a=5, b=7); constraint 0: a*b = out; constraint 1: (a + 2) * 1 = out.
    R1cs r1cs = new R1csBuilder(1, 1, 1)
        .term(R1cs.Matrix.A, 2, BigInteger.ONE).term(R1cs.Matrix.B, 3, BigInteger.ONE)
        .term(R1cs.Matrix.C, 1, BigInteger.ONE).endConstraint()
        .term(R1cs.Matrix.A, 2, BigInteger.ONE).term(R1cs.Matrix.A, 0, BigInteger.TWO)
        .term(R1cs.Matrix.B, 0, BigInteger.ONE).term(R1cs.Matrix.C, 1, BigInteger.valueOf(-1)).endConstraint()
        .build();
    Witness w = Witness.ofValues(List.of(BigInteger.ONE, BigInteger.valueOf(35), BigInteger.valueOf(5),
        BigInteger.valueOf(7)));
    ConstraintViolation v = R1csChecker.firstViolation(r1cs, w).orElseThrow();
    assertEquals(1, v.constraint());
    assertEquals(BigInteger.valueOf(7), v.a());
    assertEquals(BigInteger.ONE, v.b());
    assertEquals(R.subtract(BigInteger.valueOf(35)), v.c());
    assertEquals(List.of(0, 1, 2), List.copyOf(v.wires()));
    assertEquals(new ConstraintViolation.Term(1, R.subtract(BigInteger.ONE), BigInteger.valueOf(35)), v.termsC().get(0));
    String message = v.message();
    assertTrue(message.startsWith("constraint 1 is not satisfied: <A,w> * <B,w> = 7 * 1 = 7, but <C,w> = -35"),
        message);
    assertTrue(message.contains("A = 1*w[2](=5) + 2*w[0](=1)"), message);
    assertTrue(message.contains("C = -1*w[1](=35)"), message);
  }

  @Test
  void longLinearCombinationsAreShortenedInTheMessage() {
    // 1 * 1 = -(w1 + ... + w20) with every wire 1: C = -20.
    R1csBuilder builder = new R1csBuilder(0, 0, 0).term(R1cs.Matrix.A, 0, BigInteger.ONE)
        .term(R1cs.Matrix.B, 0, BigInteger.ONE);
    List<BigInteger> w = new ArrayList<>(List.of(BigInteger.ONE));
    for (int wire = 1; wire <= 20; wire++) {
      builder.term(R1cs.Matrix.C, wire, BigInteger.valueOf(-1));
      w.add(BigInteger.ONE);
    }
    ConstraintViolation v = R1csChecker.firstViolation(builder.endConstraint().build(), Witness.ofValues(w))
        .orElseThrow();
    assertEquals(21, v.wires().size());
    assertTrue(v.message().contains("<C,w> = -20\n  A = 1*w[0](=1)\n  B = 1*w[0](=1)\n  C = -1*w[1](=1) - 1*w[2](=1)"
        + " - 1*w[3](=1)"), v.message());
    assertTrue(v.message().endsWith(" - 1*w[16](=1) + ... (4 more terms)"), v.message());
  }

  @Test
  void emptyLinearCombinationsAreZero() {
    R1cs r1cs = new R1csBuilder(0, 0, 1).term(R1cs.Matrix.A, 1, BigInteger.ONE).endConstraint().build();
    assertTrue(R1csChecker.isSatisfied(r1cs, Witness.ofValues(List.of(BigInteger.ONE, BigInteger.TEN))));
    R1cs bad = new R1csBuilder(0, 0, 1).term(R1cs.Matrix.C, 1, BigInteger.ONE).endConstraint().build();
    ConstraintViolation v = R1csChecker.firstViolation(bad, Witness.ofValues(List.of(BigInteger.ONE, BigInteger.TEN)))
        .orElseThrow();
    assertTrue(v.message().contains("A = 0"), v.message());
    assertFalse(R1csChecker.isSatisfied(bad, Witness.ofValues(List.of(BigInteger.ONE, BigInteger.TEN))));
  }

  @Test
  void witnessOfWrongSizeIsRejected() {
    R1cs r1cs = new R1csBuilder(1, 0, 0).endConstraint().build();
    var e = assertThrows(IllegalArgumentException.class,
        () -> R1csChecker.firstViolation(r1cs, Witness.ofValues(List.of(BigInteger.ONE))));
    assertEquals("the witness has 1 wires, the R1CS has 2", e.getMessage());
  }

  /** The checker's answer equals the reference's, down to values and terms. */
  static void assertViolation(R1csSpec spec, List<BigInteger> w, Optional<ConstraintViolation> found) {
    int expected = spec.firstViolation(w);
    assertEquals(expected, found.map(ConstraintViolation::constraint).orElse(-1));
    if (expected < 0) {
      return;
    }
    ConstraintViolation v = found.orElseThrow();
    List<Map<Integer, BigInteger>> c = spec.constraints().get(expected);
    assertEquals(R1csSpec.evaluate(c.get(0), w), v.a());
    assertEquals(R1csSpec.evaluate(c.get(1), w), v.b());
    assertEquals(R1csSpec.evaluate(c.get(2), w), v.c());
    List<List<ConstraintViolation.Term>> terms = List.of(v.termsA(), v.termsB(), v.termsC());
    for (int m = 0; m < 3; m++) {
      List<ConstraintViolation.Term> expectedTerms = c.get(m).entrySet().stream()
          .map(e -> new ConstraintViolation.Term(e.getKey(), e.getValue().mod(R), w.get(e.getKey()).mod(R)))
          .toList();
      assertEquals(expectedTerms, terms.get(m));
    }
  }
}
