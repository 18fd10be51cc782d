package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;

/**
 * The lane-wide multiplication against plain double-and-add ({@link CurveGroup#scalarMul}) on
 * batches that mix random scalars with edge cases (0, 1, 2, r - 1, r - 2, powers of two, the
 * endomorphism's pivots) and bases at infinity, which must be flagged; and the regular recoding
 * against the value it encodes.
 */
class LaneBatchTest {
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final BigInteger SIX_U2 = BigInteger.valueOf(4965661367192848881L).pow(2).multiply(BigInteger.valueOf(6));

  @Test
  void matchesDoubleAndAdd() {
    for (CurveGroup group : List.of(new G1(), new G2())) {
      boolean g2 = group instanceof G2;
      List<BigInteger> scalars = scalars(new Random(g2 ? 2 : 1));
      int n = scalars.size();
      int a = group.affineSize();
      long[] bases = SnarkjsPrimitivesTest.randomPoints(group, n);
      java.util.Arrays.fill(bases, 5 * a, 6 * a, 0); // base 5 at infinity
      LaneBatch batch = new LaneBatch(g2, 64);
      Recoding recoding = new Recoding(n, g2);
      for (int start = 0; start < n; start += 64) {
        int count = Math.min(64, n - start);
        for (int k = 0; k < count; k++) {
          recoding.set(start + k, Bn254.FR.element(scalars.get(start + k)), 0);
          batch.setBase(k, bases, (start + k) * a);
          batch.setScalar(k, recoding, start + k);
        }
        batch.multiply(count);
        for (int k = 0; k < count; k++) {
          int i = start + k;
          BigInteger s = scalars.get(i);
          if (i == 5 || s.signum() == 0) {
            assertTrue(batch.failed[k], "job " + i + " must be flagged");
            continue;
          }
          assertTrue(!batch.failed[k], "job " + i + " flagged: " + s);
          long[] expected = new long[group.jacobianSize()];
          group.fromAffine(expected, 0, bases, i * a);
          group.scalarMul(expected, 0, expected, 0, s);
          long[] e = new long[a];
          group.toAffine(e, 0, expected, 0);
          long[] actual = new long[a];
          batch.resultTo(k, actual, 0);
          assertArrayEquals(e, actual, (g2 ? "G2" : "G1") + " * " + s);
        }
      }
    }
  }

  /**
   * Blocks of eight lanes that share a scalar (NAF path) beside lanes with their own (regular
   * path) in one batch: every scalar of the edge-case list goes through the shared path once.
   */
  @Test
  void sharedScalarsMatchDoubleAndAdd() {
    for (CurveGroup group : List.of(new G1(), new G2())) {
      boolean g2 = group instanceof G2;
      List<BigInteger> scalars = scalars(new Random(g2 ? 4 : 3)).subList(0, g2 ? 24 : 40);
      int a = group.affineSize();
      int sharedBlocks = 4, own = 13, count = 8 * sharedBlocks + own;
      long[] bases = SnarkjsPrimitivesTest.randomPoints(group, count);
      java.util.Arrays.fill(bases, 9 * a, 10 * a, 0); // a base at infinity in a shared block
      Recoding shared = new Recoding(scalars.size(), g2, true);
      Recoding perLane = new Recoding(count, g2);
      for (int i = 0; i < scalars.size(); i++) {
        shared.set(i, Bn254.FR.element(scalars.get(i)), 0);
      }
      LaneBatch batch = new LaneBatch(g2, 64);
      Random rnd = new Random(5);
      for (int first = 0; first < scalars.size(); first += sharedBlocks) {
        BigInteger[] expectedScalar = new BigInteger[count];
        for (int k = 0; k < count; k++) {
          batch.setBase(k, bases, k * a);
          if (k < 8 * sharedBlocks) {
            int job = Math.min(first + k / 8, scalars.size() - 1);
            batch.setSharedScalar(k, shared, job);
            expectedScalar[k] = scalars.get(job);
          } else {
            expectedScalar[k] = new BigInteger(254, rnd).mod(R);
            perLane.set(k, Bn254.FR.element(expectedScalar[k]), 0);
            batch.setScalar(k, perLane, k);
          }
        }
        batch.multiply(8 * sharedBlocks, count);
        for (int k = 0; k < count; k++) {
          BigInteger s = expectedScalar[k];
          if (k == 9 || s.signum() == 0) {
            assertTrue(batch.failed[k], "lane " + k + " must be flagged");
            continue;
          }
          assertTrue(!batch.failed[k], "lane " + k + " flagged: " + s);
          long[] expected = new long[group.jacobianSize()];
          group.fromAffine(expected, 0, bases, k * a);
          group.scalarMul(expected, 0, expected, 0, s);
          long[] e = new long[a];
          group.toAffine(e, 0, expected, 0);
          long[] actual = new long[a];
          batch.resultTo(k, actual, 0);
          assertArrayEquals(e, actual, (g2 ? "G2" : "G1") + " lane " + k + " * " + s);
        }
      }
    }
  }

  @Test
  void nafEncodesTheParts() {
    Random rnd = new Random(34);
    for (boolean g2 : new boolean[] {false, true}) {
      for (BigInteger s : scalars(rnd)) {
        Recoding r = new Recoding(1, g2, true);
        r.set(0, Bn254.FR.element(s), 0);
        if (s.signum() == 0) {
          assertTrue(r.general[0]);
          continue;
        }
        BigInteger[] parts = g2 ? ScalarMultiplier.split4(s) : ScalarMultiplier.split(s, false);
        for (int p = 0; p < r.parts; p++) {
          BigInteger v = BigInteger.ZERO;
          int lastNonZero = Integer.MAX_VALUE;
          for (int i = r.nafLength - 1; i >= 0; i--) {
            int d = r.naf[p * r.nafLength + i];
            if (d != 0) {
              assertTrue(d % 2 != 0 && Math.abs(d) <= 15, "digit " + d);
              assertTrue(lastNonZero - i >= 5, "non-zero digits closer than 5 apart in part " + p + " of " + s);
              lastNonZero = i;
            }
            if (i > r.nafTop[p]) {
              assertEquals(0, d, "digit above the top");
            }
            v = v.shiftLeft(1).add(BigInteger.valueOf(d));
          }
          assertEquals(parts[p], v, "part " + p + " of " + s);
        }
      }
    }
  }

  @Test
  void recodingEncodesTheParts() {
    Random rnd = new Random(33);
    BigInteger mu = SIX_U2;
    for (boolean g2 : new boolean[] {false, true}) {
      for (BigInteger s : scalars(rnd)) {
        Recoding r = new Recoding(1, g2);
        r.set(0, Bn254.FR.element(s), 0);
        BigInteger[] parts = g2 ? ScalarMultiplier.split4(s) : ScalarMultiplier.split(s, false);
        assertEquals(r.parts, parts.length);
        BigInteger recombined = BigInteger.ZERO;
        for (int p = r.parts - 1; p >= 0; p--) {
          BigInteger v = BigInteger.ZERO;
          for (int w = r.windows - 1; w >= 0; w--) {
            int d = r.digits[p * r.windows + w];
            assertTrue(d % 2 != 0 && Math.abs(d) <= 15, "digit " + d);
            v = v.shiftLeft(4).add(BigInteger.valueOf(d));
          }
          assertEquals(parts[p], v.add(BigInteger.valueOf(r.corrections[p])), "part " + p + " of " + s);
          assertTrue(parts[p].bitLength() <= (g2 ? 65 : 129), "part " + p + " of " + s + " is short");
          recombined = g2 ? recombined.multiply(mu).add(parts[p]) : recombined;
        }
        if (g2) {
          assertEquals(s, recombined.mod(R), "sum k_i mu^i = k");
        }
      }
    }
  }

  private static List<BigInteger> scalars(Random rnd) {
    List<BigInteger> s = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15),
        BigInteger.valueOf(16), R.subtract(BigInteger.ONE), R.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(128),
        BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), SIX_U2, SIX_U2.subtract(BigInteger.ONE),
        SIX_U2.multiply(BigInteger.TWO), BigInteger.ONE.shiftLeft(253)));
    while (s.size() < 150) {
      s.add(new BigInteger(254, rnd).mod(R));
    }
    return s;
  }
}
