package org.zkml4j.math.curve;

import java.math.BigInteger;
import java.util.Random;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;

/**
 * Builds Jacobian points with a random Z (X = x*Z^2, Y = y*Z^3) so tests exercise the formulas with
 * Z != 1, and infinity with arbitrary X, Y.
 */
final class JacobianForms {
  private JacobianForms() {}

  static long[] of(CurveGroup g, long[] affine, Random rnd) {
    int s = g.affineSize() / 2;
    long[] p = new long[3 * s];
    if (g.isInfinityAffine(affine, 0)) {
      for (int i = 0; i < 2 * s; i++) {
        p[i] = rnd.nextLong() & 0xFFFFL; // Z = 0 alone makes it infinity
      }
      return p;
    }
    long[] z = new long[s], z2 = new long[s], z3 = new long[s];
    if (s == 4) {
      Bn254.FQ.fromBigInteger(z, 0, new BigInteger(250, rnd).add(BigInteger.ONE));
      Bn254.FQ.square(z2, 0, z, 0);
      Bn254.FQ.mul(z3, 0, z2, 0, z, 0);
      Bn254.FQ.mul(p, 0, affine, 0, z2, 0);
      Bn254.FQ.mul(p, 4, affine, 4, z3, 0);
    } else {
      Fq2 fq2 = new Fq2();
      System.arraycopy(Fq2.element(new BigInteger(250, rnd).add(BigInteger.ONE), new BigInteger(250, rnd)), 0, z, 0, 8);
      fq2.square(z2, 0, z, 0);
      fq2.mul(z3, 0, z2, 0, z, 0);
      fq2.mul(p, 0, affine, 0, z2, 0);
      fq2.mul(p, 8, affine, 8, z3, 0);
    }
    System.arraycopy(z, 0, p, 2 * s, s);
    return p;
  }
}
