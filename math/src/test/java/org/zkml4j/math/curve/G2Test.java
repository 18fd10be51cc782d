package org.zkml4j.math.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import org.zkml4j.math.curve.AffineReference.Point;
import org.zkml4j.math.curve.PrecompileVectors.Vector;
import org.zkml4j.math.field.Bn254;

/**
 * G2 against the BigInteger reference, plus what only the twist has: a cofactor, hence points on
 * the curve but outside the group, which the subgroup check must reject.
 */
class G2Test extends CurveGroupContract {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  /** The twist's cofactor h = 2q - r, and its prime factors (computed offline, checked below). */
  private static final BigInteger H = Q.shiftLeft(1).subtract(R);
  private static final List<BigInteger> H_FACTORS = List.of(BigInteger.valueOf(10069), BigInteger.valueOf(5864401),
      new BigInteger("1875725156269"), new BigInteger("197620364512881247228717050342013327560683201906968909"));

  private final G2 g2 = new G2();

  @Override
  CurveGroup group() {
    return g2;
  }

  @Override
  AffineReference ref() {
    return AffineReference.G2;
  }

  @Override
  Point referenceGenerator() {
    return AffineReference.g2Generator();
  }

  private long[] times(BigInteger k, long[] affine) {
    long[] p = new long[24];
    g2.fromAffine(p, 0, affine, 0);
    g2.scalarMul(p, 0, p, 0, k);
    long[] a = new long[16];
    g2.toAffine(a, 0, p, 0);
    return a;
  }

  @Example
  void bnParametersAndCofactorFactorization() {
    BigInteger u = G2.BN_U;
    BigInteger u2 = u.multiply(u);
    assertEquals(R, u2.multiply(u2).multiply(BigInteger.valueOf(36)).add(u2.multiply(u).multiply(BigInteger.valueOf(36)))
        .add(u2.multiply(BigInteger.valueOf(18))).add(u.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE));
    assertEquals(Q.subtract(R), G2.SIX_U_SQUARED, "q = r + 6u^2");
    assertEquals(H, H_FACTORS.stream().reduce(BigInteger.ONE, BigInteger::multiply), "h = product of its factors");
    assertEquals(4, new HashSet<>(H_FACTORS).size(), "h is square-free");
    H_FACTORS.forEach(f -> assertTrue(f.isProbablePrime(64), f + " is prime"));
    assertFalse(H.mod(R).signum() == 0, "r does not divide h");
  }

  @Example
  void psiActsAsSixUSquaredOnG2() {
    Random rnd = new Random(5);
    for (int i = 0; i < 4; i++) {
      long[] a = point(new BigInteger(250, rnd));
      long[] psi = new long[16];
      g2.psi(psi, 0, a, 0);
      assertTrue(g2.isOnCurve(psi, 0));
      assertArrayEquals(times(G2.SIX_U_SQUARED, a), psi);
    }
  }

  @Example
  void twistPointsOutsideG2AreRejected() {
    Random rnd = new Random(3);
    for (int i = 0; i < 4; i++) {
      Point p = ref().randomCurvePoint(rnd);
      long[] a = ref().toLimbs(p);
      assertTrue(g2.isOnCurve(a, 0));
      assertFalse(g2.isInfinityAffine(times(R, a), 0), "r*P != O: not in G2");
      assertFalse(g2.isInSubgroup(a, 0), "random twist point");
      assertTrue(g2.isInfinityAffine(times(R.multiply(H), a), 0), "the twist has order r*h");
      long[] cleared = times(H, a);
      assertTrue(g2.isInfinityAffine(times(R, cleared), 0));
      assertTrue(g2.isInSubgroup(cleared, 0), "h*P is in G2");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g2.decode(g2.encode(a, 0), 0));
      assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
      assertArrayEquals(cleared, g2.decode(g2.encode(cleared, 0), 0));
    }
  }

  /**
   * The proof that the endomorphism check is exact: the twist group is cyclic of order r*h with h
   * square-free, so it suffices that no point of each prime order f | h passes the check.
   */
  @Example
  void pointsOfEveryCofactorPrimeOrderAreRejected() {
    Random rnd = new Random(9);
    for (BigInteger f : H_FACTORS) {
      long[] small;
      do {
        small = times(R.multiply(H).divide(f), ref().toLimbs(ref().randomCurvePoint(rnd)));
      } while (g2.isInfinityAffine(small, 0));
      assertTrue(g2.isInfinityAffine(times(f, small), 0), "order " + f);
      assertFalse(g2.isInSubgroup(small, 0), "point of order " + f);
      // and a G2 point shifted by it
      long[] sum = new long[24];
      g2.fromAffine(sum, 0, g2.generator(), 0);
      g2.addMixed(sum, 0, sum, 0, small, 0);
      long[] a = new long[16];
      g2.toAffine(a, 0, sum, 0);
      assertFalse(g2.isInSubgroup(a, 0), "G + point of order " + f);
    }
  }

  @Example
  void pairingVectorPointsDecodeAndRoundTrip() throws IOException {
    G1 g1 = new G1();
    int points = 0;
    for (Vector v : PrecompileVectors.load("bn256Pairing.json")) {
      byte[] in = v.input();
      for (int off = 0; off + 192 <= in.length; off += 192, points++) {
        long[] a = g1.decode(in, off);
        assertArrayEquals(java.util.Arrays.copyOfRange(in, off, off + 64), g1.encode(a, 0), v.name());
        long[] b = g2.decode(in, off + 64);
        assertTrue(g2.isInfinityAffine(times(R, b), 0), v.name());
        assertArrayEquals(java.util.Arrays.copyOfRange(in, off + 64, off + 192), g2.encode(b, 0), v.name());
      }
    }
    assertTrue(points > 20, "read " + points + " pairs");
  }
}
