package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;

/**
 * The endomorphism-accelerated multiplication against plain double-and-add
 * ({@link CurveGroup#scalarMul}, itself tested against a BigInteger model in math), on random and
 * edge-case scalars: 0, 1, r - 1, values around the decomposition's pivots, and powers of two.
 */
class ScalarMultiplierTest {
  @Test
  void matchesDoubleAndAddOnG1AndG2() {
    Random rnd = new Random(127);
    BigInteger r = Bn254.R_MODULUS;
    BigInteger sixU2 = BigInteger.valueOf(4965661367192848881L).pow(2).multiply(BigInteger.valueOf(6));
    List<BigInteger> scalars = new java.util.ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        r.subtract(BigInteger.ONE), r.subtract(BigInteger.TWO), sixU2, sixU2.subtract(BigInteger.ONE),
        sixU2.add(BigInteger.ONE), sixU2.multiply(sixU2).mod(r), BigInteger.ONE.shiftLeft(127),
        BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(253)));
    for (int i = 0; i < 40; i++) {
      scalars.add(new BigInteger(254, rnd).mod(r));
    }
    for (CurveGroup group : List.of(new G1(), new G2())) {
      ScalarMultiplier mul = ScalarMultiplier.of(group);
      long[] points = SnarkjsPrimitivesTest.randomPoints(group, 4);
      int a = group.affineSize();
      for (BigInteger k : scalars) {
        for (int i = 0; i < 4; i++) {
          long[] expected = new long[group.jacobianSize()];
          group.fromAffine(expected, 0, points, i * a);
          group.scalarMul(expected, 0, expected, 0, k);
          long[] actual = new long[group.jacobianSize()];
          mul.multiplyAffine(actual, 0, points, i * a, Bn254.FR.element(k), 0);
          assertArrayEquals(affine(group, expected), affine(group, actual), group.getClass().getSimpleName() + " * " + k);
        }
      }
    }
  }

  private static long[] affine(CurveGroup group, long[] jac) {
    long[] out = new long[group.affineSize()];
    group.toAffine(out, 0, jac, 0);
    return out;
  }
}
