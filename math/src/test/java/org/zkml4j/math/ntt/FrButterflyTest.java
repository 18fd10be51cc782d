package org.zkml4j.math.ntt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zkml4j.math.ntt.NaiveTransforms.R;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/** The fused butterflies against BigInteger, on random values and on values at limb and modulus edges. */
class FrButterflyTest {
  private static final PrimeField FR = Bn254.FR;

  @Provide
  Arbitrary<BigInteger> values() {
    List<BigInteger> edges = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        R.subtract(BigInteger.ONE), R.subtract(BigInteger.TWO), R.shiftRight(1), R.shiftRight(1).add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(256).mod(R), BigInteger.ONE.shiftLeft(253)));
    for (int k = 64; k < 254; k += 64) {
      edges.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE));
      edges.add(BigInteger.ONE.shiftLeft(k));
    }
    // Montgomery forms at limb edges: values whose stored limbs are all ones or zeros in places
    BigInteger rInv = BigInteger.ONE.shiftLeft(256).modInverse(R);
    for (int k = 64; k < 254; k += 64) {
      edges.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE).multiply(rInv).mod(R));
      edges.add(BigInteger.ONE.shiftLeft(k).multiply(rInv).mod(R));
    }
    edges.add(R.subtract(BigInteger.ONE).multiply(rInv).mod(R));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.ZERO, R.subtract(BigInteger.ONE))),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(edges)));
  }

  @Property(tries = 3000)
  void butterfliesMatchBigInteger(@ForAll("values") BigInteger a, @ForAll("values") BigInteger b,
      @ForAll("values") BigInteger w) {
    BigInteger wb = w.multiply(b).mod(R);
    for (boolean swap : new boolean[] {false, true}) {
      long[] x = pair(a, b);
      FrButterfly.dit(x, 0, 4, FR.element(w), 0, swap);
      BigInteger plus = a.add(wb).mod(R), minus = a.subtract(wb).mod(R);
      assertEquals(swap ? minus : plus, value(x, 0), "dit first");
      assertEquals(swap ? plus : minus, value(x, 4), "dit second");
      assertCanonical(x);

      x = pair(a, b);
      FrButterfly.dif(x, 0, 4, FR.element(w), 0, swap);
      BigInteger difference = swap ? b.subtract(a) : a.subtract(b);
      assertEquals(a.add(b).mod(R), value(x, 0), "dif sum");
      assertEquals(difference.multiply(w).mod(R), value(x, 4), "dif product");
      assertCanonical(x);
    }
    long[] x = pair(a, b);
    FrButterfly.plusMinus(x, 0, 4);
    assertEquals(a.add(b).mod(R), value(x, 0));
    assertEquals(a.subtract(b).mod(R), value(x, 4));
    assertCanonical(x);
  }

  private static long[] pair(BigInteger a, BigInteger b) {
    long[] x = new long[8];
    FR.fromBigInteger(x, 0, a);
    FR.fromBigInteger(x, 4, b);
    return x;
  }

  private static BigInteger value(long[] x, int at) {
    return FR.toBigInteger(x, at);
  }

  /** The stored (Montgomery) limbs are below r, as every other Fr operation requires of its inputs. */
  private static void assertCanonical(long[] x) {
    assertEquals(true, FR.isCanonical(x, 0), "first output not canonical");
    assertEquals(true, FR.isCanonical(x, 4), "second output not canonical");
  }
}
