package org.zkml4j.math.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Fq12;
import org.zkml4j.math.field.Fq12Reference;
import org.zkml4j.math.pairing.CurveReference.Point;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The pairing's defining properties, with points from {@link CurveReference} (BigInteger
 * double-and-add) and powers in GT from {@link Fq12Reference}: bilinearity, non-degeneracy, order
 * r, infinity, and the final exponentiation against a direct exponentiation.
 */
class PairingTest {
  private static final BigInteger Q = CurveReference.Q;
  private static final BigInteger R = CurveReference.R;
  private static final BigInteger X = BigInteger.valueOf(MillerLoop.X);
  /** s = 2x(6x^2 + 3x + 1): the power of the textbook pairing that this library (like libff, gnark, ffjavascript) returns. */
  private static final BigInteger S = X.shiftLeft(1)
      .multiply(X.pow(2).multiply(BigInteger.valueOf(6)).add(X.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));

  /** e(G1, G2) as computed by ffjavascript 0.3.1 (bn128.pairing), in tower order. */
  private static final String[] E_G1_G2 = {
    "17264119758069723980713015158403419364912226240334615592005620718956030922389",
    "1300711225518851207585954685848229181392358478699795190245709208408267917898",
    "8894217292938489450175280157304813535227569267786222825147475294561798790624",
    "1829859855596098509359522796979920150769875799037311140071969971193843357227",
    "4968700049505451466697923764727215585075098085662966862137174841375779106779",
    "12814315002058128940449527172080950701976819591738376253772993495204862218736",
    "4233474252585134102088637248223601499779641130562251948384759786370563844606",
    "9420544134055737381096389798327244442442230840902787283326002357297404128074",
    "13457906610892676317612909831857663099224588803620954529514857102808143524905",
    "5122435115068592725432309312491733755581898052459744089947319066829791570839",
    "8891987925005301465158626530377582234132838601606565363865129986128301774627",
    "440796048150724096437130979851431985500142692666486515369083499585648077975",
  };

  private static long[] e(Point p, Point q) {
    return Pairing.pairing(CurveReference.encodeG1(p), CurveReference.encodeG2(q));
  }

  private static BigInteger[][] ref(long[] x) {
    return Fq12Reference.fromFq12(x, 0);
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE));
  }

  @Property(tries = 8)
  void bilinear(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    Point aP = CurveReference.mul(CurveReference.G1, a), bQ = CurveReference.mul(CurveReference.G2, b);
    long[] eab = e(aP, bQ);
    BigInteger[][] expected = Fq12Reference.pow(ref(e(CurveReference.G1, CurveReference.G2)), a.multiply(b).mod(R));
    assertArrayEquals(Fq12Reference.toLayout(expected), Fq12.toBigIntegers(eab, 0), "e(aP, bQ) = e(P, Q)^(ab)");
    Point abP = CurveReference.mul(CurveReference.G1, a.multiply(b));
    assertArrayEquals(eab, e(abP, CurveReference.G2), "e(aP, bQ) = e(abP, Q)");
  }

  @Property(tries = 5)
  void linearInEachArgument(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b, @ForAll("scalars") BigInteger c) {
    Point p1 = CurveReference.mul(CurveReference.G1, a), p2 = CurveReference.mul(CurveReference.G1, b);
    Point q1 = CurveReference.mul(CurveReference.G2, c), q2 = CurveReference.mul(CurveReference.G2, a.add(b));
    assertArrayEquals(Fq12Reference.toLayout(Fq12Reference.mul(ref(e(p1, q1)), ref(e(p2, q1)))),
        Fq12.toBigIntegers(e(CurveReference.add(p1, p2), q1), 0), "e(P1 + P2, Q) = e(P1, Q) e(P2, Q)");
    assertArrayEquals(Fq12Reference.toLayout(Fq12Reference.mul(ref(e(p1, q1)), ref(e(p1, q2)))),
        Fq12.toBigIntegers(e(p1, CurveReference.add(q1, q2)), 0), "e(P, Q1 + Q2) = e(P, Q1) e(P, Q2)");
  }

  @Test
  void generatorsPairToFfjavascriptsValueWhichHasOrderR() {
    long[] g = e(CurveReference.G1, CurveReference.G2);
    assertFalse(Fq12.isOne(g, 0), "non-degenerate");
    BigInteger[] expected = new BigInteger[12];
    for (int i = 0; i < 12; i++) {
      expected[i] = new BigInteger(E_G1_G2[i]);
    }
    assertArrayEquals(expected, Fq12.toBigIntegers(g, 0), "e(G1, G2)");
    assertTrue(Fq12Reference.equal(Fq12Reference.one(), Fq12Reference.pow(ref(g), R)), "e(G1, G2)^r = 1");
  }

  @Test
  void randomPairValuesHaveOrderR() {
    Random rnd = new Random(21);
    Point p = CurveReference.mul(CurveReference.G1, new BigInteger(250, rnd));
    Point q = CurveReference.mul(CurveReference.G2, new BigInteger(250, rnd));
    long[] v = e(p, q);
    assertFalse(Fq12.isOne(v, 0));
    assertTrue(Fq12Reference.equal(Fq12Reference.one(), Fq12Reference.pow(ref(v), R)), "e(P, Q)^r = 1");
  }

  @Test
  void infinityContributesOne() {
    long[] p = CurveReference.encodeG1(CurveReference.G1), q = CurveReference.encodeG2(CurveReference.G2);
    assertTrue(Fq12.isOne(Pairing.pairing(new long[8], q), 0), "e(O, Q)");
    assertTrue(Fq12.isOne(Pairing.pairing(p, new long[16]), 0), "e(P, O)");
    assertTrue(Pairing.productIsOne(new long[0], new long[0], 0), "empty product");
    assertTrue(Pairing.productIsOne(new long[16], CurveReference.concat(q, q), 2), "only infinities");
    assertFalse(Pairing.productIsOne(p, q, 1), "e(G1, G2) alone");
  }

  @Test
  void fourPairProductLikeGroth16() {
    Random rnd = new Random(4);
    BigInteger[] a = new BigInteger[4], b = new BigInteger[4];
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < 3; i++) {
      a[i] = new BigInteger(254, rnd).mod(R);
      b[i] = new BigInteger(254, rnd).mod(R);
      sum = sum.add(a[i].multiply(b[i]));
    }
    a[3] = sum.negate().mod(R);
    b[3] = BigInteger.ONE;
    long[] g1 = new long[32], g2 = new long[64];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(CurveReference.encodeG1(CurveReference.mul(CurveReference.G1, a[i])), 0, g1, 8 * i, 8);
      System.arraycopy(CurveReference.encodeG2(CurveReference.mul(CurveReference.G2, b[i])), 0, g2, 16 * i, 16);
    }
    for (int threads : new int[] {1, 2, 3, 4}) {
      assertTrue(Pairing.productIsOne(g1, g2, 4, new Parallelism(threads)), "sum of a_i b_i = 0, threads " + threads);
    }
    assertTrue(Pairing.productIsOne(g1, g2, 4));
    // a wrong scalar anywhere breaks it
    long[] bad = g1.clone();
    System.arraycopy(CurveReference.encodeG1(CurveReference.mul(CurveReference.G1, a[1].add(BigInteger.ONE))), 0, bad, 8, 8);
    assertFalse(Pairing.productIsOne(bad, g2, 4, new Parallelism(1)));
    assertFalse(Pairing.productIsOne(bad, g2, 4, new Parallelism(2)));
    // the first three pairs alone do not cancel
    assertFalse(Pairing.productIsOne(g1, g2, 3));
  }

  @Test
  void finalExponentiationIsThePowerSTimesQ12Minus1OverR() {
    BigInteger exponent = S.multiply(Q.pow(12).subtract(BigInteger.ONE).divide(R));
    Random rnd = new Random(5);
    FinalExponentiation fe = new FinalExponentiation();
    BigInteger[][] f = Fq12Reference.random(rnd, false);
    long[] z = new long[Fq12.SIZE];
    assertTrue(fe.apply(z, 0, Fq12Reference.toFq12(f), 0));
    assertArrayEquals(Fq12Reference.toLayout(Fq12Reference.pow(f, exponent)), Fq12.toBigIntegers(z, 0));
    assertFalse(fe.apply(new long[Fq12.SIZE], 0, new long[Fq12.SIZE], 0), "zero has no final exponentiation");
  }

  @Test
  void hardPartExponentDecomposition() {
    BigInteger x2 = X.pow(2), x3 = X.pow(3);
    BigInteger l1 = x3.multiply(BigInteger.valueOf(12)).add(x2.multiply(BigInteger.valueOf(6))).add(X.shiftLeft(2));
    BigInteger l0 = l1.add(x2.multiply(BigInteger.valueOf(6))).add(X.shiftLeft(1)).add(BigInteger.ONE);
    BigInteger l2 = l1.add(X.shiftLeft(1));
    BigInteger l3 = l1.subtract(BigInteger.ONE);
    BigInteger phi12 = Q.pow(4).subtract(Q.pow(2)).add(BigInteger.ONE);
    assertEquals(BigInteger.ZERO, phi12.mod(R), "r divides q^4 - q^2 + 1");
    assertEquals(S.multiply(phi12.divide(R)), l0.add(l1.multiply(Q)).add(l2.multiply(Q.pow(2))).add(l3.multiply(Q.pow(3))));
    assertEquals(BigInteger.ONE, S.gcd(R), "s is coprime to r");
    // the BN parametrisation the Miller loop relies on
    BigInteger x4 = X.pow(4);
    assertEquals(Q, x4.multiply(BigInteger.valueOf(36)).add(x3.multiply(BigInteger.valueOf(36)))
        .add(x2.multiply(BigInteger.valueOf(24))).add(X.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE));
    assertEquals(R, x4.multiply(BigInteger.valueOf(36)).add(x3.multiply(BigInteger.valueOf(36)))
        .add(x2.multiply(BigInteger.valueOf(18))).add(X.multiply(BigInteger.valueOf(6))).add(BigInteger.ONE));
  }

  @Test
  void rejectsShortInput() {
    assertThrows(IllegalArgumentException.class, () -> Pairing.productIsOne(new long[8], new long[16], 2));
    assertThrows(IllegalArgumentException.class, () -> Pairing.pairing(new long[8], new long[15]));
  }
}
