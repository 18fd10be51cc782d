package org.zkml4j.circuit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.math.field.Bn254;

/**
 * Random straight-line programs over inputs, built through the Api and evaluated in parallel with
 * BigInteger arithmetic mod r: every intermediate the program outputs must equal the reference, and
 * the witness must satisfy the R1CS, whatever the materialization threshold.
 */
class RandomProgramTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  @Property(tries = 200)
  void witnessValuesMatchBigIntegerEvaluation(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int threshold)
      throws Exception {
    Random rnd = new Random(seed);
    int inputs = 1 + rnd.nextInt(6);
    int steps = 1 + rnd.nextInt(60);
    long[] inputValues = new long[inputs];
    for (int i = 0; i < inputs; i++) {
      inputValues[i] = rnd.nextInt(2001) - 1000;
    }
    long programSeed = rnd.nextLong();
    List<BigInteger> expected = new ArrayList<>();
    CompiledCircuit c = CircuitCompiler.compile(api -> {
      Random p = new Random(programSeed);
      List<Variable> vars = new ArrayList<>(List.of(api.privateInputs("x", inputs)));
      List<BigInteger> values = new ArrayList<>();
      for (long v : inputValues) {
        values.add(BigInteger.valueOf(v).mod(R));
      }
      for (int s = 0; s < steps; s++) {
        int i = p.nextInt(vars.size()), j = p.nextInt(vars.size());
        Variable a = vars.get(i), b = vars.get(j);
        BigInteger va = values.get(i), vb = values.get(j);
        long k = p.nextInt(21) - 10;
        switch (p.nextInt(7)) {
          case 0 -> add(vars, values, api.add(a, b), va.add(vb));
          case 1 -> add(vars, values, api.sub(a, b), va.subtract(vb));
          case 2 -> add(vars, values, api.scale(a, k), va.multiply(BigInteger.valueOf(k)));
          case 3 -> add(vars, values, api.mul(a, b), va.multiply(vb));
          case 4 -> add(vars, values, api.add(a, api.constant(k)), va.add(BigInteger.valueOf(k)));
          case 5 -> {
            int n = 1 + p.nextInt(vars.size());
            long[] w = new long[n];
            Variable[] terms = new Variable[n];
            BigInteger sum = BigInteger.ZERO;
            for (int t = 0; t < n; t++) {
              int pick = p.nextInt(vars.size());
              w[t] = p.nextInt(7) - 3;
              terms[t] = vars.get(pick);
              sum = sum.add(values.get(pick).multiply(BigInteger.valueOf(w[t])));
            }
            add(vars, values, api.weightedSum(w, terms), sum);
          }
          default -> {
            Variable bit = api.mul(api.constant(k & 1), api.constant(1));
            add(vars, values, api.select(bit, a, b), (k & 1) == 1 ? va : vb);
          }
        }
      }
      api.outputs("y", vars.toArray(Variable[]::new));
      expected.addAll(values);
    }, new CompileOptions(threshold));
    Witness w = c.witness(Assignment.builder().set("x", inputValues).build());
    assertTrue(R1csChecker.isSatisfied(c.r1cs(), w));
    assertEquals(expected, List.of(c.values(w, "y")));
  }

  private static void add(List<Variable> vars, List<BigInteger> values, Variable v, BigInteger value) {
    vars.add(v);
    values.add(value.mod(R));
  }
}
