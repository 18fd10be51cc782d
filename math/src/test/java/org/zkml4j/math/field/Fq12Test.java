package org.zkml4j.math.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** Fq12 against {@link Fq12Reference} (schoolbook polynomials in w over BigInteger). */
class Fq12Test {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private final Fq12 fq12 = new Fq12();

  /** Twelve Fq coordinates: mostly uniform, sometimes 0, 1 or q-1. */
  @Provide
  static Arbitrary<long[]> elements() {
    Arbitrary<BigInteger> coordinate = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.bigIntegers().between(BigInteger.ZERO, Q.subtract(BigInteger.ONE))),
        Tuple.of(1, Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, Q.subtract(BigInteger.ONE))));
    return coordinate.array(BigInteger[].class).ofSize(12).map(Fq12::fromBigIntegers);
  }

  private static BigInteger[][] ref(long[] x) {
    return Fq12Reference.fromFq12(x, 0);
  }

  private static void assertSame(BigInteger[][] expected, long[] actual, String what) {
    assertArrayEquals(Fq12Reference.toLayout(expected), Fq12.toBigIntegers(actual, 0), what);
  }

  @Property(tries = 300)
  void operationsMatchReference(@ForAll("elements") long[] a, @ForAll("elements") long[] b) {
    BigInteger[][] ra = ref(a), rb = ref(b);
    long[] z = new long[Fq12.SIZE];
    fq12.mul(z, 0, a, 0, b, 0);
    assertSame(Fq12Reference.mul(ra, rb), z, "mul");
    fq12.square(z, 0, a, 0);
    assertSame(Fq12Reference.mul(ra, ra), z, "square");
    Fq12.add(z, 0, a, 0, b, 0);
    assertSame(Fq12Reference.add(ra, rb), z, "add");
    Fq12.sub(z, 0, z, 0, b, 0);
    assertArrayEquals(a, z, "(a + b) - b");
    // a line: only the coefficients of 1, w and w^3 (layout slots 0, 3, 4) are non-zero
    long[] line = new long[3 * Fq2.SIZE];
    Fq2.copy(line, 0, b, 0);
    Fq2.copy(line, 8, b, 24);
    Fq2.copy(line, 16, b, 32);
    BigInteger[][] rl = Fq12Reference.zero();
    rl[0] = rb[0];
    rl[1] = rb[1];
    rl[3] = rb[3];
    fq12.mulByLine(z, 0, a, 0, line, 0);
    assertSame(Fq12Reference.mul(ra, rl), z, "mulByLine");
    long[] inPlace = a.clone();
    fq12.mulByLine(inPlace, 0, inPlace, 0, line, 0);
    assertArrayEquals(z, inPlace, "mulByLine in place");
  }

  @Property(tries = 100)
  void inverseAndAliasing(@ForAll("elements") long[] a, @ForAll("elements") long[] b) {
    if (Fq12.isZero(a, 0)) {
      return;
    }
    long[] inv = new long[Fq12.SIZE];
    fq12.inverse(inv, 0, a, 0);
    assertTrue(Fq12Reference.equal(Fq12Reference.one(), Fq12Reference.mul(ref(a), ref(inv))), "a * a^-1 in the reference");
    long[] z = a.clone();
    fq12.inverse(z, 0, z, 0);
    assertArrayEquals(inv, z, "inverse in place");
    long[] expected = new long[Fq12.SIZE];
    fq12.mul(expected, 0, a, 0, b, 0);
    z = b.clone();
    fq12.mul(z, 0, a, 0, z, 0);
    assertArrayEquals(expected, z, "mul into the second operand");
    fq12.square(expected, 0, a, 0);
    z = a.clone();
    fq12.square(z, 0, z, 0);
    assertArrayEquals(expected, z, "square in place");
  }

  @Property(tries = 50)
  void fieldLaws(@ForAll("elements") long[] a, @ForAll("elements") long[] b, @ForAll("elements") long[] c) {
    long[] l = new long[Fq12.SIZE], r = new long[Fq12.SIZE], t = new long[Fq12.SIZE];
    fq12.mul(l, 0, a, 0, b, 0);
    fq12.mul(l, 0, l, 0, c, 0);
    fq12.mul(r, 0, b, 0, c, 0);
    fq12.mul(r, 0, a, 0, r, 0);
    assertArrayEquals(l, r, "(ab)c = a(bc)");
    Fq12.add(t, 0, b, 0, c, 0);
    fq12.mul(l, 0, a, 0, t, 0);
    fq12.mul(r, 0, a, 0, b, 0);
    fq12.mul(t, 0, a, 0, c, 0);
    Fq12.add(r, 0, r, 0, t, 0);
    assertArrayEquals(l, r, "a(b + c) = ab + ac");
  }

  @Test
  void frobeniusAndConjugateArePowersOfQ() {
    Random rnd = new Random(12);
    long[] z = new long[Fq12.SIZE];
    for (int k = 0; k <= 3; k++) {
      BigInteger[][] a = Fq12Reference.random(rnd, false);
      long[] x = Fq12Reference.toFq12(a);
      fq12.frobenius(z, 0, x, 0, k);
      assertSame(Fq12Reference.pow(a, Q.pow(k)), z, "x^(q^" + k + ")");
      fq12.frobenius(x, 0, x, 0, k);
      assertArrayEquals(z, x, "in place");
    }
    BigInteger[][] a = Fq12Reference.random(rnd, false);
    Fq12.conjugate(z, 0, Fq12Reference.toFq12(a), 0);
    assertSame(Fq12Reference.pow(a, Q.pow(6)), z, "conjugate = x^(q^6)");
  }

  @Test
  void cyclotomicSquareMatchesSquareInTheCyclotomicSubgroup() {
    Random rnd = new Random(13);
    for (int i = 0; i < 20; i++) {
      long[] x = Fq12Reference.toFq12(Fq12Reference.random(rnd, false));
      // g = x^((q^6 - 1)(q^2 + 1)) lies in the cyclotomic subgroup
      long[] g = new long[Fq12.SIZE], t = new long[Fq12.SIZE];
      fq12.inverse(t, 0, x, 0);
      Fq12.conjugate(g, 0, x, 0);
      fq12.mul(g, 0, g, 0, t, 0);
      fq12.frobenius(t, 0, g, 0, 2);
      fq12.mul(g, 0, g, 0, t, 0);
      BigInteger[][] rg = ref(g);
      long[] z = new long[Fq12.SIZE];
      fq12.cyclotomicSquare(z, 0, g, 0);
      assertSame(Fq12Reference.mul(rg, rg), z, "cyclotomic square");
      fq12.cyclotomicSquare(g, 0, g, 0);
      assertArrayEquals(z, g, "in place");
    }
  }

  @Test
  void constantsPowAndZero() {
    assertTrue(Fq12.isOne(Fq12.one(), 0));
    assertFalse(Fq12.isZero(Fq12.one(), 0));
    Random rnd = new Random(14);
    BigInteger[][] a = Fq12Reference.random(rnd, false);
    BigInteger e = new BigInteger(300, rnd);
    long[] z = new long[Fq12.SIZE];
    fq12.pow(z, 0, Fq12Reference.toFq12(a), 0, e);
    assertSame(Fq12Reference.pow(a, e), z, "pow");
    assertThrows(ArithmeticException.class, () -> fq12.inverse(z, 0, new long[Fq12.SIZE], 0));
    assertThrows(IllegalArgumentException.class, () -> Fq12.fromBigIntegers(new BigInteger[11]));
  }
}
