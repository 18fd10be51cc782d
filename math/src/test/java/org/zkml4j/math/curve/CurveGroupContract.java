package org.zkml4j.math.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.zkml4j.math.curve.AffineReference.Point;
import org.zkml4j.math.field.Bn254;

/**
 * What every group must satisfy, checked against the BigInteger {@link AffineReference}: the group
 * law and its special cases, scalar multiplication, conversions, checks and encodings. Applied to
 * G1 and G2 by subclassing.
 */
abstract class CurveGroupContract {
  static final BigInteger R = Bn254.R_MODULUS;

  abstract CurveGroup group();

  abstract AffineReference ref();

  abstract Point referenceGenerator();

  /** Scalars: 0, 1, 2, r-1, r, r+1, 2^256-1, and random ones up to 2^256. */
  @Provide
  Arbitrary<BigInteger> scalars() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.bigIntegers().between(BigInteger.ZERO, max)),
        Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(40))),
        Tuple.of(2, Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE), R,
            R.add(BigInteger.ONE), max)));
  }

  /** k*G computed by the reference, as a flat affine point. */
  long[] point(BigInteger k) {
    return ref().toLimbs(ref().mul(k, referenceGenerator()));
  }

  Point affineOf(long[] jacobian) {
    long[] a = new long[group().affineSize()];
    group().toAffine(a, 0, jacobian, 0);
    return ref().fromLimbs(a, 0);
  }

  @Property(tries = 40)
  void groupLawMatchesReference(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b,
      @ForAll long seed) {
    CurveGroup g = group();
    Random rnd = new Random(seed);
    Point pa = ref().mul(a, referenceGenerator()), pb = ref().mul(b, referenceGenerator());
    long[] p = JacobianForms.of(g, ref().toLimbs(pa), rnd), q = JacobianForms.of(g, ref().toLimbs(pb), rnd);
    long[] r = new long[g.jacobianSize()];
    g.add(r, 0, p, 0, q, 0);
    assertEquals(ref().add(pa, pb), affineOf(r), "add");
    g.addMixed(r, 0, p, 0, ref().toLimbs(pb), 0);
    assertEquals(ref().add(pa, pb), affineOf(r), "addMixed");
    g.dbl(r, 0, p, 0);
    assertEquals(ref().add(pa, pa), affineOf(r), "dbl");
    g.neg(r, 0, p, 0);
    assertEquals(ref().neg(pa), affineOf(r), "neg");
    long[] na = new long[g.affineSize()];
    g.negAffine(na, 0, ref().toLimbs(pa), 0);
    assertEquals(ref().neg(pa), ref().fromLimbs(na, 0), "negAffine");
    // results may alias operands
    long[] alias = p.clone();
    g.add(alias, 0, alias, 0, q, 0);
    assertEquals(ref().add(pa, pb), affineOf(alias), "add into p");
    alias = q.clone();
    g.add(alias, 0, p, 0, alias, 0);
    assertEquals(ref().add(pa, pb), affineOf(alias), "add into q");
    alias = p.clone();
    g.dbl(alias, 0, alias, 0);
    assertEquals(ref().add(pa, pa), affineOf(alias), "dbl in place");
    alias = p.clone();
    g.addMixed(alias, 0, alias, 0, ref().toLimbs(pb), 0);
    assertEquals(ref().add(pa, pb), affineOf(alias), "addMixed in place");
  }

  @Property(tries = 25)
  void scalarMulMatchesReference(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger k, @ForAll long seed) {
    CurveGroup g = group();
    Point pa = ref().mul(a, referenceGenerator());
    long[] p = JacobianForms.of(g, ref().toLimbs(pa), new Random(seed)), r = new long[g.jacobianSize()];
    g.scalarMul(r, 0, p, 0, k);
    assertEquals(ref().mul(k, pa), affineOf(r), "scalarMul");
    g.scalarMul(r, 0, p, 0, k.negate());
    assertEquals(ref().mul(k.negate(), pa), affineOf(r), "scalarMul by -k");
    g.scalarMulFr(r, 0, p, 0, Bn254.FR.element(k), 0);
    assertEquals(ref().mul(k.mod(R), pa), affineOf(r), "scalarMulFr");
    p = p.clone();
    g.scalarMul(p, 0, p, 0, k);
    assertEquals(ref().mul(k, pa), affineOf(p), "scalarMul in place");
  }

  @Property(tries = 30)
  void groupLaws(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b, @ForAll("scalars") BigInteger c,
      @ForAll long seed) {
    CurveGroup g = group();
    Random rnd = new Random(seed);
    long[] p = JacobianForms.of(g, point(a), rnd), q = JacobianForms.of(g, point(b), rnd);
    long[] s = JacobianForms.of(g, point(c), rnd);
    long[] left = new long[g.jacobianSize()], right = new long[g.jacobianSize()];
    g.add(left, 0, p, 0, q, 0);
    g.add(left, 0, left, 0, s, 0);
    g.add(right, 0, q, 0, s, 0);
    g.add(right, 0, p, 0, right, 0);
    assertTrue(g.equal(left, 0, right, 0), "(P+Q)+S == P+(Q+S)");
    g.add(left, 0, p, 0, q, 0);
    g.add(right, 0, q, 0, p, 0);
    assertTrue(g.equal(left, 0, right, 0), "P+Q == Q+P");
    g.dbl(left, 0, p, 0);
    g.add(right, 0, p, 0, p, 0);
    assertTrue(g.equal(left, 0, right, 0), "2P == P+P");
    g.scalarMul(left, 0, p, 0, b.add(c));
    g.scalarMul(right, 0, p, 0, b);
    g.scalarMul(q, 0, p, 0, c);
    g.add(right, 0, right, 0, q, 0);
    assertTrue(g.equal(left, 0, right, 0), "(b+c)P == bP + cP");
    g.scalarMul(left, 0, p, 0, b.multiply(c));
    g.scalarMul(right, 0, p, 0, c);
    g.scalarMul(right, 0, right, 0, b);
    assertTrue(g.equal(left, 0, right, 0), "(bc)P == b(cP)");
  }

  @Example
  void specialCasesOfAddition() {
    CurveGroup g = group();
    Random rnd = new Random(7);
    Point pa = ref().mul(BigInteger.valueOf(123456789), referenceGenerator());
    long[] a = ref().toLimbs(pa), inf = new long[g.affineSize()];
    long[] minusA = new long[g.affineSize()];
    g.negAffine(minusA, 0, a, 0);
    long[] r = new long[g.jacobianSize()];
    for (int trial = 0; trial < 3; trial++) {
      long[] p = JacobianForms.of(g, a, rnd), p2 = JacobianForms.of(g, a, rnd), m = JacobianForms.of(g, minusA, rnd);
      long[] o = JacobianForms.of(g, inf, rnd);
      g.add(r, 0, p, 0, p2, 0);
      assertEquals(ref().add(pa, pa), affineOf(r), "P + P with different Z");
      g.add(r, 0, p, 0, p, 0);
      assertEquals(ref().add(pa, pa), affineOf(r), "P + P, same array");
      g.addMixed(r, 0, p, 0, a, 0);
      assertEquals(ref().add(pa, pa), affineOf(r), "P + P mixed");
      g.add(r, 0, p, 0, m, 0);
      assertTrue(g.isInfinity(r, 0), "P + (-P)");
      g.addMixed(r, 0, p, 0, minusA, 0);
      assertTrue(g.isInfinity(r, 0), "P + (-P) mixed");
      g.add(r, 0, o, 0, p, 0);
      assertEquals(pa, affineOf(r), "O + P");
      g.add(r, 0, p, 0, o, 0);
      assertEquals(pa, affineOf(r), "P + O");
      g.add(r, 0, o, 0, o, 0);
      assertTrue(g.isInfinity(r, 0), "O + O");
      g.addMixed(r, 0, o, 0, a, 0);
      assertEquals(pa, affineOf(r), "O + P mixed");
      g.addMixed(r, 0, p, 0, inf, 0);
      assertEquals(pa, affineOf(r), "P + O mixed");
      g.dbl(r, 0, o, 0);
      assertTrue(g.isInfinity(r, 0), "2*O");
      g.scalarMul(r, 0, o, 0, BigInteger.valueOf(5));
      assertTrue(g.isInfinity(r, 0), "5*O");
      assertFalse(g.equal(p, 0, o, 0));
      assertTrue(g.equal(o, 0, JacobianForms.of(g, inf, rnd), 0));
      assertTrue(g.equal(p, 0, p2, 0), "same point, different Z");
      assertFalse(g.equal(p, 0, m, 0), "P != -P");
    }
    assertNull(affineOf(JacobianForms.of(g, inf, rnd)), "infinity converts to the all-zero affine point");
  }

  @Example
  void orderOfGeneratorIsR() {
    CurveGroup g = group();
    long[] p = new long[g.jacobianSize()], r = new long[g.jacobianSize()];
    g.fromAffine(p, 0, g.generator(), 0);
    assertEquals(referenceGenerator(), affineOf(p));
    g.scalarMul(r, 0, p, 0, R);
    assertTrue(g.isInfinity(r, 0), "r*G == O");
    g.scalarMul(r, 0, p, 0, R.subtract(BigInteger.ONE));
    g.add(r, 0, r, 0, p, 0);
    assertTrue(g.isInfinity(r, 0), "(r-1)*G + G == O");
    assertTrue(g.isOnCurve(g.generator(), 0));
    assertTrue(g.isInSubgroup(g.generator(), 0));
  }

  @Example
  void batchToAffineMatchesReference() {
    CurveGroup g = group();
    Random rnd = new Random(11);
    int n = 37;
    long[] jac = new long[n * g.jacobianSize()];
    Point[] expected = new Point[n];
    for (int i = 0; i < n; i++) {
      expected[i] = i % 9 == 4 ? null : ref().mul(BigInteger.valueOf(1000 + i * 7919L), referenceGenerator());
      System.arraycopy(JacobianForms.of(g, ref().toLimbs(expected[i]), rnd), 0, jac, i * g.jacobianSize(), g.jacobianSize());
    }
    long[] aff = new long[n * g.affineSize()];
    g.batchToAffine(aff, 0, jac, 0, n);
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], ref().fromLimbs(aff, i * g.affineSize()), "point " + i);
    }
  }

  @Example
  void offCurvePointsAreRejected() {
    CurveGroup g = group();
    long[] a = point(BigInteger.valueOf(99));
    long[] bad = a.clone();
    bad[g.affineSize() / 2] ^= 1; // perturb y: still canonical, now off the curve
    assertTrue(g.isOnCurve(a, 0));
    assertFalse(g.isOnCurve(bad, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.decode(g.encode(bad, 0), 0));
    assertTrue(e.getMessage().contains("not on the"), e.getMessage());
    byte[] enc = g.encode(a, 0);
    enc[0] = (byte) 0xff; // first coordinate >= q
    assertThrows(IllegalArgumentException.class, () -> g.decode(enc, 0));
  }

  @Example
  void encodingRoundTripsAndInfinityIsZeros() {
    CurveGroup g = group();
    for (BigInteger k : List.of(BigInteger.ONE, BigInteger.valueOf(2), R.subtract(BigInteger.ONE), new BigInteger("1234567890123456789"))) {
      long[] a = point(k);
      byte[] enc = g.encode(a, 0);
      assertEquals(g.affineSize() * 8, enc.length);
      assertArrayEquals(a, g.decode(enc, 0));
    }
    long[] inf = new long[g.affineSize()];
    assertArrayEquals(new byte[g.affineSize() * 8], g.encode(inf, 0));
    assertTrue(g.isInfinityAffine(g.decode(new byte[g.affineSize() * 8], 0), 0));
  }
}
