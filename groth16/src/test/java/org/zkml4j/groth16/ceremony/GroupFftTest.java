package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The group inverse FFT against its definition, out_j = (1/m) sum_i w^(-ij) P_i, computed with
 * BigInteger scalars and plain double-and-add, on random points of G1 and G2 (one at infinity) for
 * m = 1 .. 32 (at m = 32 layer 2's twiddles serve eight butterflies each: the shared-scalar path),
 * single-threaded and on two threads.
 */
class GroupFftTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  @Test
  void matchesTheDefinition() {
    for (Supplier<CurveGroup> groups : List.<Supplier<CurveGroup>>of(G1::new, G2::new)) {
      CurveGroup g = groups.get();
      int a = g.affineSize(), js = g.jacobianSize();
      for (int k = 0; k <= 5; k++) {
        if (g instanceof G2 && k == 4) {
          continue; // the definition is quadratic; m = 32 is the first size whose layer 2 shares twiddles in blocks
        }
        int m = 1 << k;
        long[] points = SnarkjsPrimitivesTest.randomPoints(g, m);
        if (m > 2) {
          java.util.Arrays.fill(points, a, 2 * a, 0); // point 1 at infinity
        }
        long[] expected = definition(g, points, k);
        for (Parallelism par : List.of(new Parallelism(1), new Parallelism(2))) {
          long[] actual = points.clone();
          GroupFft.inverse(g instanceof G2, actual, k, par, new ProgressCounter(Progress.NONE, "fft", 1));
          assertArrayEquals(expected, actual, g.getClass().getSimpleName() + " m = " + m);
        }
      }
    }
  }

  private static long[] definition(CurveGroup g, long[] points, int k) {
    int m = 1 << k;
    int a = g.affineSize(), js = g.jacobianSize();
    BigInteger w = Bn254.FR.toBigInteger(EvaluationDomain.rootOfUnity(k), 0);
    BigInteger wInv = w.modInverse(R);
    BigInteger mInv = BigInteger.valueOf(m).modInverse(R);
    long[] out = new long[m * a];
    long[] acc = new long[js], term = new long[js];
    for (int j = 0; j < m; j++) {
      g.setInfinity(acc, 0);
      for (int i = 0; i < m; i++) {
        g.fromAffine(term, 0, points, i * a);
        g.scalarMul(term, 0, term, 0, wInv.modPow(BigInteger.valueOf((long) i * j), R).multiply(mInv).mod(R));
        g.add(acc, 0, acc, 0, term, 0);
      }
      g.toAffine(out, j * a, acc, 0);
    }
    return out;
  }
}
