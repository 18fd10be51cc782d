package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Applying a key against BigInteger arithmetic on discrete logarithms: point i is k_i times the
 * generator, so its image must be (k_i * first * inc^i mod r) times the generator. Covers the
 * lanes' shared-scalar path (inc = 1, a phase-2 contribution) and the per-point one, over a count
 * that leaves a partial last block of lanes, with a point at infinity, in both groups.
 */
class KeyApplicationTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  @Test
  void imagesMatchBigIntegerArithmetic() {
    for (Supplier<CurveGroup> groups : List.<Supplier<CurveGroup>>of(G1::new, G2::new)) {
      CurveGroup group = groups.get();
      Random random = new Random(group.affineSize());
      int n = 301, a = group.affineSize();
      BigInteger[] logs = new BigInteger[n];
      long[] points = new long[n * a];
      long[] jac = new long[group.jacobianSize()];
      for (int i = 0; i < n; i++) {
        logs[i] = i == 5 ? BigInteger.ZERO : new BigInteger(250, random);
        pointOf(group, logs[i], points, i * a, jac);
      }
      BigInteger first = new BigInteger(253, random);
      for (BigInteger inc : List.of(BigInteger.ONE, new BigInteger(253, random))) {
        long[] out = KeyApplication.apply(groups, points, n, Bn254.FR.element(first), Bn254.FR.element(inc),
            Parallelism.shared(), new ProgressCounter(Progress.NONE, "test", n));
        BigInteger factor = first;
        for (int i = 0; i < n; i++) {
          long[] want = new long[a];
          pointOf(group, logs[i].multiply(factor).mod(R), want, 0, jac);
          assertArrayEquals(want, java.util.Arrays.copyOfRange(out, i * a, i * a + a),
              (group instanceof G2 ? "G2" : "G1") + " inc " + inc + " point " + i);
          factor = factor.multiply(inc).mod(R);
        }
      }
    }
  }

  private static void pointOf(CurveGroup group, BigInteger log, long[] out, int offset, long[] jac) {
    group.fromAffine(jac, 0, group.generator(), 0);
    group.scalarMul(jac, 0, jac, 0, log);
    group.toAffine(out, offset, jac, 0);
  }
}
