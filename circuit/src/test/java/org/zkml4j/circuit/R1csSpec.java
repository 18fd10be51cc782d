package org.zkml4j.circuit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.zkml4j.math.field.Bn254;

/**
 * Test reference: an R1CS as plain BigInteger maps (wire to coefficient, in insertion order), with
 * its own BigInteger evaluation, so tests never check the code under test against itself.
 *
 * @param constraints each constraint is three linear combinations, A, B and C
 */
public record R1csSpec(int numWires, int numOutputs, int numPublicInputs, int numPrivateInputs,
    List<List<Map<Integer, BigInteger>>> constraints) {
  public static final BigInteger R = Bn254.R_MODULUS;

  /** Builds the R1cs with the code under test. */
  public R1cs build() {
    R1csBuilder builder = new R1csBuilder(numOutputs, numPublicInputs, numPrivateInputs).numWires(numWires);
    for (List<Map<Integer, BigInteger>> constraint : constraints) {
      for (R1cs.Matrix m : R1cs.Matrix.values()) {
        constraint.get(m.ordinal()).forEach((wire, coefficient) -> builder.term(m, wire, coefficient));
      }
      builder.endConstraint();
    }
    return builder.build();
  }

  /** Value of one linear combination, in [0, r). */
  public static BigInteger evaluate(Map<Integer, BigInteger> lc, List<BigInteger> w) {
    BigInteger sum = BigInteger.ZERO;
    for (var e : lc.entrySet()) {
      sum = sum.add(e.getValue().multiply(w.get(e.getKey())));
    }
    return sum.mod(R);
  }

  /** Index of the first constraint the witness breaks, or -1. */
  public int firstViolation(List<BigInteger> w) {
    for (int i = 0; i < constraints.size(); i++) {
      List<Map<Integer, BigInteger>> c = constraints.get(i);
      if (!evaluate(c.get(0), w).multiply(evaluate(c.get(1), w)).mod(R).equals(evaluate(c.get(2), w))) {
        return i;
      }
    }
    return -1;
  }

  /** A random witness: wire 0 is 1, the others random non-zero values (small or full width). */
  public static List<BigInteger> randomWitness(Random rnd, int numWires) {
    List<BigInteger> w = new ArrayList<>();
    w.add(BigInteger.ONE);
    for (int i = 1; i < numWires; i++) {
      w.add(rnd.nextBoolean() ? BigInteger.valueOf(1 + rnd.nextInt(1000))
          : new BigInteger(254, rnd).mod(R.subtract(BigInteger.ONE)).add(BigInteger.ONE));
    }
    return w;
  }

  /**
   * A random system that {@code w} satisfies: A and B are random, and C's last term is solved so
   * that C = A*B. With probability {@code breakRate} a constraint gets C's last coefficient plus
   * one, which breaks it (that wire's value is non-zero).
   */
  public static R1csSpec random(Random rnd, List<BigInteger> w, int numConstraints, double breakRate) {
    int numWires = w.size();
    int io = Math.min(numWires - 1, rnd.nextInt(4));
    int outputs = rnd.nextInt(io + 1);
    int pub = rnd.nextInt(io - outputs + 1);
    List<List<Map<Integer, BigInteger>>> constraints = new ArrayList<>();
    for (int i = 0; i < numConstraints; i++) {
      Map<Integer, BigInteger> a = randomLc(rnd, numWires, rnd.nextInt(4), -1);
      Map<Integer, BigInteger> b = randomLc(rnd, numWires, rnd.nextInt(4), -1);
      int last = 1 + rnd.nextInt(numWires - 1);
      Map<Integer, BigInteger> c = randomLc(rnd, numWires, rnd.nextInt(3), last);
      BigInteger target = evaluate(a, w).multiply(evaluate(b, w)).subtract(evaluate(c, w));
      BigInteger coefficient = target.multiply(w.get(last).modInverse(R)).mod(R);
      if (rnd.nextDouble() < breakRate) {
        coefficient = coefficient.add(BigInteger.ONE).mod(R);
      }
      c.put(last, coefficient);
      constraints.add(List.of(a, b, c));
    }
    return new R1csSpec(numWires, outputs, pub, io - outputs - pub, constraints);
  }

  /** Up to {@code terms} terms on distinct wires other than {@code excluded}. */
  private static Map<Integer, BigInteger> randomLc(Random rnd, int numWires, int terms, int excluded) {
    Map<Integer, BigInteger> lc = new LinkedHashMap<>();
    while (lc.size() < Math.min(terms, numWires - 1)) {
      int wire = rnd.nextInt(numWires);
      if (wire == excluded) {
        continue;
      }
      BigInteger coefficient = switch (rnd.nextInt(4)) {
        case 0 -> BigInteger.ONE;
        case 1 -> R.subtract(BigInteger.ONE);
        case 2 -> BigInteger.valueOf(rnd.nextInt(1 << 20));
        default -> new BigInteger(254, rnd).mod(R);
      };
      lc.putIfAbsent(wire, coefficient);
    }
    return lc;
  }
}
