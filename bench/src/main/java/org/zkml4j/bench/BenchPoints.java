package org.zkml4j.bench;

import java.math.BigInteger;
import java.util.Random;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.field.Bn254;

/** Inputs for the curve and MSM benchmarks: many distinct points and scalars of a chosen shape. */
final class BenchPoints {
  private BenchPoints() {}

  /** n affine points start + i*step for random start and step (one addition each, one inversion in all). */
  static long[] points(CurveGroup g, int n, Random rnd) {
    int js = g.jacobianSize();
    long[] step = new long[js], jac = new long[js * n];
    g.fromAffine(step, 0, g.generator(), 0);
    g.scalarMul(step, 0, step, 0, new BigInteger(254, rnd));
    g.fromAffine(jac, 0, g.generator(), 0);
    g.scalarMul(jac, 0, jac, 0, new BigInteger(254, rnd));
    for (int i = 1; i < n; i++) {
      g.add(jac, i * js, jac, (i - 1) * js, step, 0);
    }
    long[] affine = new long[g.affineSize() * n];
    g.batchToAffine(affine, 0, jac, 0, n);
    return affine;
  }

  /** n Fr scalars in Montgomery form: "random" (uniform below r) or "bits" (0 or 1). */
  static long[] scalars(String shape, int n, Random rnd) {
    long[] s = Bn254.FR.newVector(n);
    for (int i = 0; i < n; i++) {
      BigInteger v = switch (shape) {
        case "random" -> new BigInteger(256, rnd).mod(Bn254.R_MODULUS);
        case "bits" -> BigInteger.valueOf(rnd.nextInt(2));
        default -> throw new IllegalArgumentException("unknown scalar shape " + shape);
      };
      Bn254.FR.fromBigInteger(s, 4 * i, v);
    }
    return s;
  }
}
