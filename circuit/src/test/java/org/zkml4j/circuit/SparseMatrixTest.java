package org.zkml4j.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

class SparseMatrixTest {
  @Test
  void multiplyMatchesBigIntegerEvaluation() {
    Random rnd = new Random(11);
    List<BigInteger> w = R1csSpec.randomWitness(rnd, 50);
    R1csSpec spec = R1csSpec.random(rnd, w, 10_000, 0.3);
    R1cs r1cs = spec.build();
    for (R1cs.Matrix m : R1cs.Matrix.values()) {
      long[] out = new long[4 * r1cs.numConstraints()];
      r1cs.matrix(m).multiply(Witness.ofValues(w), out, new Parallelism(3));
      for (int i = 0; i < r1cs.numConstraints(); i++) {
        assertEquals(R1csSpec.evaluate(spec.constraints().get(i).get(m.ordinal()), w),
            Bn254.FR.toBigInteger(out, 4 * i), m + " row " + i);
      }
    }
  }

  @Test
  void multiplyRejectsShortArguments() {
    R1cs r1cs = new R1csBuilder(0, 0, 0).term(R1cs.Matrix.A, 3, BigInteger.ONE).endConstraint().build();
    Witness shortWitness = Witness.ofValues(List.of(BigInteger.ONE, BigInteger.ONE));
    assertThrows(IllegalArgumentException.class,
        () -> r1cs.a().multiply(shortWitness, new long[4], Parallelism.shared()));
    Witness w = Witness.ofValues(List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE));
    assertThrows(IllegalArgumentException.class, () -> r1cs.a().multiply(w, new long[3], Parallelism.shared()));
  }
}
