package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;

/**
 * Setup's short-coefficient sums against BigInteger arithmetic on discrete logarithms: every base
 * is k_i times the generator with k_i known, so each sum must be (sum of value * k_i mod r) times
 * the generator. The sums mix values of every length up to the limit, both signs, bases at
 * infinity, sums longer than one accumulator's chunk, interleaved outputs, and the exceptional
 * additions of the affine formulas (a base added to itself, a base and its negative, continuing
 * after a sum returned to zero), in both groups.
 */
class ShortTermSumsTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  @Test
  void sumsMatchBigIntegerArithmetic() {
    for (CurveGroup group : List.of(new G1(), new G2())) {
      boolean g2 = group instanceof G2;
      Random random = new Random(g2 ? 22 : 21);
      int a = group.affineSize(), js = group.jacobianSize();
      int nBases = 41;
      BigInteger[] logs = new BigInteger[nBases];
      long[] bases = new long[nBases * a];
      long[] other = new long[nBases * a]; // a second base array, as setup's sums have
      BigInteger[] otherLogs = new BigInteger[nBases];
      long[] jac = new long[group.jacobianSize()];
      for (int i = 0; i < nBases; i++) {
        logs[i] = i == 7 ? BigInteger.ZERO : new BigInteger(250, random);
        otherLogs[i] = new BigInteger(250, random);
        pointOf(group, logs[i], bases, i * a, jac);
        pointOf(group, otherLogs[i], other, i * a, jac);
      }
      int outputs = 29;
      BigInteger[] expected = new BigInteger[outputs];
      long[] accumulators = new long[outputs * js];
      for (int o = 0; o < outputs; o++) {
        // a non-trivial starting value in each Jacobian accumulator
        expected[o] = BigInteger.valueOf(o);
        group.fromAffine(accumulators, o * js, group.generator(), 0);
        group.scalarMul(accumulators, o * js, accumulators, o * js, BigInteger.valueOf(o));
      }
      ShortTermSums sums = new ShortTermSums(group);
      for (int round = 0; round < 3; round++) { // the instance is reused after addTo
        for (int o = 0; o < outputs; o++) {
          int terms = o == 3 ? 100 : o == 4 ? 0 : random.nextInt(12);
          for (int t = 0; t < terms; t++) {
            boolean second = random.nextInt(4) == 0;
            int base = random.nextInt(nBases);
            long value = switch (random.nextInt(6)) {
              case 0 -> random.nextBoolean() ? 1 : -1;
              case 1 -> random.nextInt(1 << 16) - (1 << 15);
              case 2 -> (random.nextLong() >> (64 - ShortTermSums.SHORT_BITS)) | 1; // up to 2^59 in size
              case 3 -> (1L << ShortTermSums.SHORT_BITS) - 1;
              case 4 -> -((1L << ShortTermSums.SHORT_BITS) - 1);
              default -> 0;
            };
            sums.add(o, second ? other : bases, base * a, value);
            BigInteger log = second ? otherLogs[base] : logs[base];
            expected[o] = expected[o].add(BigInteger.valueOf(value).multiply(log)).mod(R);
          }
        }
        // exceptional cases: P + P, P + (-P), P - P + Q, 3P - P - P - P + 2P
        int[][] cases = {{5, 1, 5, 1}, {6, 1, 6, -1}, {8, 2, 8, -2, 9, 3}, {10, 3, 10, -1, 10, -1, 10, -1, 10, 2}};
        for (int c = 0; c < cases.length; c++) {
          int o = 20 + c;
          for (int k = 0; k < cases[c].length; k += 2) {
            int base = cases[c][k];
            sums.add(o, bases, base * a, cases[c][k + 1]);
            expected[o] = expected[o].add(BigInteger.valueOf(cases[c][k + 1]).multiply(logs[base])).mod(R);
          }
        }
        // an interrupted sum: output 1 again after others
        sums.add(1, bases, 11 * a, -3);
        expected[1] = expected[1].add(BigInteger.valueOf(-3).multiply(logs[11])).mod(R);
        sums.addTo(accumulators);
        for (int o = 0; o < outputs; o++) {
          long[] want = new long[a], got = new long[a];
          pointOf(group, expected[o], want, 0, jac);
          group.toAffine(got, 0, accumulators, o * js);
          assertArrayEquals(want, got, (g2 ? "G2" : "G1") + " round " + round + " output " + o);
        }
      }
    }
  }

  @Test
  void shortCoefficientsAreRecognisedWithTheirSign() {
    long limit = 1L << ShortTermSums.SHORT_BITS;
    long[] plain = new long[4];
    assertEquals(0, LinearCombinations.signedShort(Bn254.FR.element(0), plain));
    assertEquals(1, LinearCombinations.signedShort(Bn254.FR.element(1), plain));
    assertEquals(-1, LinearCombinations.signedShort(Bn254.FR.element(R.subtract(BigInteger.ONE)), plain));
    assertEquals(limit - 1, LinearCombinations.signedShort(Bn254.FR.element(limit - 1), plain));
    assertEquals(-(limit - 1), LinearCombinations.signedShort(Bn254.FR.element(1 - limit), plain));
    assertEquals(Long.MIN_VALUE, LinearCombinations.signedShort(Bn254.FR.element(limit), plain));
    assertEquals(Long.MIN_VALUE, LinearCombinations.signedShort(Bn254.FR.element(-limit), plain));
    assertEquals(Long.MIN_VALUE, LinearCombinations.signedShort(Bn254.FR.element(R.shiftRight(1)), plain));
  }

  private static void pointOf(CurveGroup group, BigInteger log, long[] out, int offset, long[] jac) {
    group.fromAffine(jac, 0, group.generator(), 0);
    group.scalarMul(jac, 0, jac, 0, log);
    group.toAffine(out, offset, jac, 0);
  }
}
