package org.zkml4j.circuit.gadget.poseidon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.api.CircuitCompiler;
import org.zkml4j.circuit.api.CompiledCircuit;
import org.zkml4j.circuit.api.Scope;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.poseidon.Poseidon;

/**
 * The in-circuit hash against {@code math.poseidon.Poseidon} (itself checked against circomlibjs)
 * for every width, its constraint count, and rejection of tampered digests.
 */
class PoseidonGadgetTest {
  private static final BigInteger R = Bn254.R_MODULUS;
  /** circomlib's partial round counts for widths 2 .. 17 (a fact, repeated here on purpose). */
  private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};

  private static CompiledCircuit hashCircuit(int n) {
    return CircuitCompiler.compile(api -> {
      Variable[] x = api.privateInputs("x", n);
      Variable h;
      try (Scope s = api.scope("poseidon")) {
        h = PoseidonGadget.hash(api, x);
      }
      api.output("h", h);
    });
  }

  private static List<BigInteger[]> inputs(int n, Random rnd) {
    List<BigInteger[]> all = new ArrayList<>();
    BigInteger[] zeros = new BigInteger[n];
    BigInteger[] top = new BigInteger[n];
    java.util.Arrays.fill(zeros, BigInteger.ZERO);
    java.util.Arrays.fill(top, R.subtract(BigInteger.ONE));
    all.add(zeros);
    all.add(top);
    for (int k = 0; k < 2; k++) {
      BigInteger[] random = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        random[i] = new BigInteger(256, rnd).mod(R);
      }
      all.add(random);
    }
    return all;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void matchesPoseidonHashAtEveryWidth(int n) throws Exception {
    CompiledCircuit c = hashCircuit(n);
    int t = n + 1;
    assertEquals(3 * (8 * t + PARTIAL_ROUNDS[t - 2]) - 3, c.report().constraints("poseidon"));
    Random rnd = new Random(n);
    for (BigInteger[] x : inputs(n, rnd)) {
      Witness w = CircuitAssert.assertAccepts(c, Assignment.builder().set("x", x).build());
      assertEquals(Poseidon.hash(x), c.values(w, "h")[0]);
    }
  }

  @Test
  void tamperedDigestsAndIntermediatesAreRejected() {
    CompiledCircuit c = hashCircuit(2);
    Assignment a = Assignment.builder().set("x", BigInteger.valueOf(1), BigInteger.valueOf(2)).build();
    // The digest and every internal wire changed alone (no hints: every wire is a product).
    assertEquals(c.r1cs().numWires() - 3, CircuitAssert.assertTamperingDetected(c, a));
  }

  @Test
  void hashVectorChainsLikePoseidonHashVector() throws Exception {
    Random rnd = new Random(7);
    for (int length : new int[] {1, 2, 15, 16, 31, 40}) {
      CompiledCircuit c = CircuitCompiler.compile(api ->
          api.output("d", PoseidonGadget.hashVector(api, api.privateInputs("x", length))));
      List<BigInteger> xs = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        xs.add(new BigInteger(254, rnd).mod(R));
      }
      Witness w = c.witness(Assignment.builder().set("x", xs.toArray(BigInteger[]::new)).build());
      assertEquals(Poseidon.hashVector(xs), c.values(w, "d")[0], "length " + length);
    }
  }

  @Test
  void constantInputsFoldCompletely() {
    CircuitCompiler.compile(api -> {
      Variable h = PoseidonGadget.hash(api, api.constant(3), api.constant(4));
      assertEquals(0, api.numConstraints());
      assertEquals(Poseidon.hash(BigInteger.valueOf(3), BigInteger.valueOf(4)), api.constantValue(h).orElseThrow());
    });
  }

  @Test
  void inputCountsAreChecked() {
    CircuitCompiler.compile(api -> {
      assertThrows(IllegalArgumentException.class, () -> PoseidonGadget.hash(api));
      assertThrows(IllegalArgumentException.class, () -> PoseidonGadget.hash(api, api.privateInputs("x", 17)));
      assertThrows(IllegalArgumentException.class, () -> PoseidonGadget.hashVector(api));
      assertTrue(PoseidonGadget.MAX_INPUTS == Poseidon.MAX_INPUTS);
    });
  }
}
