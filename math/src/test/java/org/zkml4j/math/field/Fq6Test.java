package org.zkml4j.math.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** Fq6 against {@link Fq12Reference} (schoolbook polynomials in w = sqrt(v) over BigInteger). */
class Fq6Test {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private final Fq6 fq6 = new Fq6();

  /** Six Fq coordinates: mostly uniform, sometimes 0, 1 or q-1 (so zero Fq2 coefficients occur). */
  @Provide
  static Arbitrary<long[]> elements() {
    Arbitrary<BigInteger> coordinate = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.bigIntegers().between(BigInteger.ZERO, Q.subtract(BigInteger.ONE))),
        Tuple.of(1, Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, Q.subtract(BigInteger.ONE))));
    return coordinate.array(BigInteger[].class).ofSize(6).map(c -> {
      long[] z = new long[Fq6.SIZE];
      for (int i = 0; i < 6; i++) {
        Bn254.FQ.fromBigInteger(z, 4 * i, c[i]);
      }
      return z;
    });
  }

  private static void assertSame(BigInteger[][] expected, long[] actual, String what) {
    assertArrayEquals(Fq12Reference.toLayout(expected), Fq12Reference.toLayout(Fq12Reference.fromFq6(actual, 0)), what);
  }

  @Property(tries = 300)
  void operationsMatchReference(@ForAll("elements") long[] a, @ForAll("elements") long[] b) {
    BigInteger[][] ra = Fq12Reference.fromFq6(a, 0), rb = Fq12Reference.fromFq6(b, 0);
    long[] z = new long[Fq6.SIZE];
    fq6.mul(z, 0, a, 0, b, 0);
    assertSame(Fq12Reference.mul(ra, rb), z, "mul");
    fq6.square(z, 0, a, 0);
    assertSame(Fq12Reference.mul(ra, ra), z, "square");
    Fq6.add(z, 0, a, 0, b, 0);
    assertSame(Fq12Reference.add(ra, rb), z, "add");
    Fq6.neg(z, 0, b, 0);
    Fq6.add(z, 0, z, 0, b, 0);
    assertTrue(Fq6.isZero(z, 0), "b + (-b)");
    Fq6.sub(z, 0, a, 0, b, 0);
    Fq6.add(z, 0, z, 0, b, 0);
    assertArrayEquals(a, z, "(a - b) + b");
    Fq6.dbl(z, 0, a, 0);
    assertSame(Fq12Reference.add(ra, ra), z, "dbl");
    BigInteger[][] v = Fq12Reference.zero();
    v[2][0] = BigInteger.ONE;
    fq6.mulByV(z, 0, a, 0);
    assertSame(Fq12Reference.mul(ra, v), z, "mulByV");
    // b's first coefficient as an Fq2 scalar, and b with its v^2 coefficient dropped
    BigInteger[][] b0 = Fq12Reference.zero(), b01 = Fq12Reference.zero();
    b0[0] = rb[0];
    b01[0] = rb[0];
    b01[2] = rb[2];
    fq6.mulByFq2(z, 0, a, 0, b, 0);
    assertSame(Fq12Reference.mul(ra, b0), z, "mulByFq2");
    fq6.mulBy01(z, 0, a, 0, b, 0, b, 8);
    assertSame(Fq12Reference.mul(ra, b01), z, "mulBy01");
  }

  @Property(tries = 200)
  void inverseAndAliasing(@ForAll("elements") long[] a, @ForAll("elements") long[] b) {
    if (Fq6.isZero(a, 0)) {
      return;
    }
    long[] inv = new long[Fq6.SIZE];
    fq6.inverse(inv, 0, a, 0);
    assertTrue(Fq12Reference.equal(Fq12Reference.one(),
        Fq12Reference.mul(Fq12Reference.fromFq6(a, 0), Fq12Reference.fromFq6(inv, 0))), "a * a^-1 in the reference");
    // every operation may write over its first input
    long[] expected = new long[Fq6.SIZE];
    fq6.mul(expected, 0, a, 0, b, 0);
    long[] z = a.clone();
    fq6.mul(z, 0, z, 0, b, 0);
    assertArrayEquals(expected, z, "mul in place");
    fq6.square(expected, 0, a, 0);
    z = a.clone();
    fq6.square(z, 0, z, 0);
    assertArrayEquals(expected, z, "square in place");
    z = a.clone();
    fq6.inverse(z, 0, z, 0);
    assertArrayEquals(inv, z, "inverse in place");
    fq6.mulBy01(expected, 0, a, 0, b, 0, b, 8);
    z = a.clone();
    fq6.mulBy01(z, 0, z, 0, b, 0, b, 8);
    assertArrayEquals(expected, z, "mulBy01 in place");
  }

  @Property(tries = 100)
  void fieldLaws(@ForAll("elements") long[] a, @ForAll("elements") long[] b, @ForAll("elements") long[] c) {
    long[] l = new long[Fq6.SIZE], r = new long[Fq6.SIZE], t = new long[Fq6.SIZE];
    fq6.mul(l, 0, a, 0, b, 0);
    fq6.mul(l, 0, l, 0, c, 0);
    fq6.mul(r, 0, b, 0, c, 0);
    fq6.mul(r, 0, a, 0, r, 0);
    assertArrayEquals(l, r, "(ab)c = a(bc)");
    Fq6.add(t, 0, b, 0, c, 0);
    fq6.mul(l, 0, a, 0, t, 0);
    fq6.mul(r, 0, a, 0, b, 0);
    fq6.mul(t, 0, a, 0, c, 0);
    Fq6.add(r, 0, r, 0, t, 0);
    assertArrayEquals(l, r, "a(b + c) = ab + ac");
    fq6.mul(l, 0, a, 0, b, 0);
    fq6.mul(r, 0, b, 0, a, 0);
    assertArrayEquals(l, r, "ab = ba");
  }

  @Test
  void frobeniusIsPowerOfQ() {
    Random rnd = new Random(6);
    long[] z = new long[Fq6.SIZE];
    for (int k = 0; k <= 3; k++) {
      BigInteger[][] a = Fq12Reference.random(rnd, true);
      long[] x = Fq12Reference.toFq6(a);
      fq6.frobenius(z, 0, x, 0, k);
      assertSame(Fq12Reference.pow(a, Q.pow(k)), z, "x^(q^" + k + ")");
      fq6.frobenius(x, 0, x, 0, k);
      assertArrayEquals(z, x, "in place");
    }
    assertThrows(IllegalArgumentException.class, () -> fq6.frobenius(z, 0, z, 0, 4));
  }

  @Test
  void zeroHasNoInverse() {
    long[] z = new long[Fq6.SIZE];
    assertThrows(ArithmeticException.class, () -> fq6.inverse(z, 0, new long[Fq6.SIZE], 0));
  }
}
