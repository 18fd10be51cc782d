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
 * Setup's term sums against plain double-and-add ({@link CurveGroup#scalarMul}) per term: many
 * accumulators, each fed a mix of coefficients 0, 1, -1, short and short-negative ones (the
 * scalar path), full-length ones (the lane path, more than one batch of them, so the queue
 * flushes on its own), and terms whose base is the point at infinity (the lanes flag them and the
 * scalar code redoes them), in both groups.
 */
class LaneTermsTest {
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final int ACCUMULATORS = 37;
  private static final int TERMS = 9;

  @Test
  void sumsMatchDoubleAndAdd() {
    for (CurveGroup group : List.of(new G1(), new G2())) {
      boolean g2 = group instanceof G2;
      Random random = new Random(g2 ? 12 : 11);
      int a = group.affineSize(), js = group.jacobianSize();
      int bases = 23;
      long[] points = SnarkjsPrimitivesTest.randomPoints(group, bases);
      java.util.Arrays.fill(points, 4 * a, 5 * a, 0); // base 4 at infinity
      long[] jac = new long[ACCUMULATORS * js];
      long[] expected = new long[ACCUMULATORS * js];
      long[] product = new long[js];
      LaneTerms terms = new LaneTerms(group);
      for (int acc = 0; acc < ACCUMULATORS; acc++) {
        group.setInfinity(jac, acc * js);
        group.setInfinity(expected, acc * js);
      }
      for (int t = 0; t < TERMS; t++) {
        for (int acc = 0; acc < ACCUMULATORS; acc++) {
          int base = random.nextInt(bases);
          BigInteger coefficient = switch (random.nextInt(8)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE;
            case 2 -> R.subtract(BigInteger.ONE);
            case 3 -> BigInteger.valueOf(random.nextInt(1 << 20) + 2);
            case 4 -> R.subtract(BigInteger.valueOf(random.nextInt(1 << 20) + 2));
            default -> new BigInteger(R.bitLength() + 8, random).mod(R);
          };
          terms.add(jac, acc * js, points, base * a, Bn254.FR.element(coefficient), 0);
          group.fromAffine(product, 0, points, base * a);
          group.scalarMul(product, 0, product, 0, coefficient);
          group.add(expected, acc * js, expected, acc * js, product, 0);
        }
      }
      terms.flush(jac);
      for (int acc = 0; acc < ACCUMULATORS; acc++) {
        long[] want = new long[a], got = new long[a];
        group.toAffine(want, 0, expected, acc * js);
        group.toAffine(got, 0, jac, acc * js);
        assertArrayEquals(want, got, (g2 ? "G2" : "G1") + " accumulator " + acc);
      }
    }
  }
}
