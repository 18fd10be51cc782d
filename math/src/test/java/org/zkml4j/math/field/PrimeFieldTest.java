package org.zkml4j.math.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Every operation of both BN254 fields against java.math.BigInteger on random and edge values. */
class PrimeFieldTest {
  private static final PrimeField[] FIELDS = {Bn254.FR, Bn254.FQ};

  /** 0, 1, 2, p-1, p-2, (p-1)/2, and values at and around 64-bit limb boundaries. */
  static List<BigInteger> edgeValues(BigInteger p) {
    List<BigInteger> v = new ArrayList<>(List.of(
        BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, p.subtract(BigInteger.ONE),
        p.subtract(BigInteger.TWO), p.shiftRight(1), p.shiftRight(1).add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(256).mod(p), BigInteger.ONE.shiftLeft(253)));
    for (int k = 64; k < 254; k += 64) {
      BigInteger b = BigInteger.ONE.shiftLeft(k);
      v.add(b);
      v.add(b.subtract(BigInteger.ONE));
      v.add(b.add(BigInteger.ONE));
    }
    return v;
  }

  @Provide
  Arbitrary<BigInteger> values() {
    // Both fields are ~2^254; draw from [0, q) and reduce per field in the test.
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.bigIntegers().between(BigInteger.ZERO, Bn254.Q_MODULUS.subtract(BigInteger.ONE))),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(edgeValues(Bn254.R_MODULUS))),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(edgeValues(Bn254.Q_MODULUS))));
  }

  @Property(tries = 3000)
  void arithmeticMatchesBigInteger(@ForAll("values") BigInteger x0, @ForAll("values") BigInteger y0) {
    for (PrimeField f : FIELDS) {
      BigInteger p = f.modulus();
      BigInteger x = x0.mod(p), y = y0.mod(p);
      long[] a = f.element(x), b = f.element(y), z = new long[4];
      assertEquals(x, f.toBigInteger(a, 0));
      f.add(z, 0, a, 0, b, 0);
      assertEquals(x.add(y).mod(p), f.toBigInteger(z, 0), "add");
      f.sub(z, 0, a, 0, b, 0);
      assertEquals(x.subtract(y).mod(p), f.toBigInteger(z, 0), "sub");
      f.mul(z, 0, a, 0, b, 0);
      assertEquals(x.multiply(y).mod(p), f.toBigInteger(z, 0), "mul");
      f.square(z, 0, a, 0);
      assertEquals(x.multiply(x).mod(p), f.toBigInteger(z, 0), "square");
      f.neg(z, 0, a, 0);
      assertEquals(x.negate().mod(p), f.toBigInteger(z, 0), "neg");
      f.dbl(z, 0, a, 0);
      assertEquals(x.shiftLeft(1).mod(p), f.toBigInteger(z, 0), "dbl");
      // every output is canonical in Montgomery form too
      assertTrue(f.isCanonical(z, 0));
    }
  }

  @Property(tries = 300)
  void inversePowAndLegendreMatchBigInteger(@ForAll("values") BigInteger x0, @ForAll("values") BigInteger e) {
    for (PrimeField f : FIELDS) {
      BigInteger p = f.modulus();
      BigInteger x = x0.mod(p);
      long[] a = f.element(x), z = new long[4];
      f.pow(z, 0, a, 0, e);
      assertEquals(x.modPow(e, p), f.toBigInteger(z, 0), "pow");
      if (x.signum() == 0) {
        assertThrows(ArithmeticException.class, () -> f.inverse(z, 0, a, 0));
        assertThrows(ArithmeticException.class, () -> f.inverseVartime(z, 0, a, 0));
        assertEquals(0, f.legendre(a, 0));
      } else {
        f.inverse(z, 0, a, 0);
        assertEquals(x.modInverse(p), f.toBigInteger(z, 0), "inverse");
        f.inverseVartime(z, 0, a, 0);
        assertEquals(x.modInverse(p), f.toBigInteger(z, 0), "inverseVartime");
        int euler = x.modPow(p.shiftRight(1), p).equals(BigInteger.ONE) ? 1 : -1;
        assertEquals(euler, f.legendre(a, 0), "legendre");
      }
    }
  }

  /** The variable-time inversion and its batch on every edge value and 2,000 random ones, in place too. */
  @Test
  void vartimeInversionMatchesBigInteger() {
    Random rnd = new Random(77);
    for (PrimeField f : FIELDS) {
      BigInteger p = f.modulus();
      List<BigInteger> xs = new ArrayList<>(edgeValues(p));
      for (int i = 0; i < 2000; i++) {
        xs.add(new BigInteger(256, rnd).mod(p));
      }
      long[] batch = new long[4 * xs.size()];
      for (int i = 0; i < xs.size(); i++) {
        BigInteger x = xs.get(i);
        long[] a = f.element(x);
        System.arraycopy(a, 0, batch, 4 * i, 4);
        if (x.signum() != 0) {
          f.inverseVartime(a, 0, a, 0);
          assertEquals(x.modInverse(p), f.toBigInteger(a, 0), "inverse of " + x);
        }
      }
      f.batchInverseVartime(batch, 0, xs.size(), new long[batch.length]);
      for (int i = 0; i < xs.size(); i++) {
        BigInteger x = xs.get(i);
        assertEquals(x.signum() == 0 ? BigInteger.ZERO : x.modInverse(p), f.toBigInteger(batch, 4 * i), "batch " + x);
      }
    }
  }

  @Property(tries = 200)
  void sqrtInFqSquaresBackOrReportsNonResidue(@ForAll("values") BigInteger x0) {
    PrimeField f = Bn254.FQ;
    BigInteger p = f.modulus();
    BigInteger x = x0.mod(p);
    long[] a = f.element(x), z = new long[4];
    boolean isSquare = x.signum() == 0 || x.modPow(p.shiftRight(1), p).equals(BigInteger.ONE);
    assertEquals(isSquare, f.sqrt(z, 0, a, 0));
    if (isSquare) {
      assertEquals(x, f.toBigInteger(z, 0).modPow(BigInteger.TWO, p));
    }
  }

  @Property(tries = 500)
  void bytesRoundTripInBothByteOrders(@ForAll("values") BigInteger x0) {
    for (PrimeField f : FIELDS) {
      BigInteger x = x0.mod(f.modulus());
      long[] a = f.element(x), z = new long[4];
      byte[] be = f.toBytesBigEndian(a, 0);
      assertEquals(x, new BigInteger(1, be));
      byte[] le = f.toBytesLittleEndian(a, 0);
      byte[] reversed = new byte[32];
      for (int i = 0; i < 32; i++) {
        reversed[i] = le[31 - i];
      }
      assertArrayEquals(be, reversed);
      f.fromBytesBigEndian(z, 0, be, 0);
      assertTrue(PrimeField.equal(z, 0, a, 0));
      f.fromBytesLittleEndian(z, 0, le, 0);
      assertTrue(PrimeField.equal(z, 0, a, 0));
    }
  }

  @Test
  void nonCanonicalBytesAreRejected() {
    for (PrimeField f : FIELDS) {
      byte[] modulusBytes = new byte[32];
      byte[] raw = f.modulus().toByteArray();
      System.arraycopy(raw, raw.length - 32 + (raw.length > 32 ? 0 : 0), modulusBytes, 32 - Math.min(32, raw.length), Math.min(32, raw.length));
      assertThrows(IllegalArgumentException.class, () -> f.fromBytesBigEndian(new long[4], 0, modulusBytes, 0));
      long[] limbs = PrimeField.limbsOf(f.modulus());
      assertFalse(f.isCanonical(limbs, 0));
      limbs[0]--;
      assertTrue(f.isCanonical(limbs, 0));
    }
  }

  @Test
  void fromLongHandlesSignsAndExtremes() {
    for (PrimeField f : FIELDS) {
      for (long v : new long[] {0, 1, -1, 42, -42, Long.MAX_VALUE, Long.MIN_VALUE}) {
        assertEquals(BigInteger.valueOf(v).mod(f.modulus()), f.toBigInteger(f.element(v), 0));
      }
    }
  }

  @Test
  void batchInverseMatchesSingleInversesAndSkipsZeros() {
    Random rnd = new Random(7);
    for (PrimeField f : FIELDS) {
      int n = 37;
      long[] v = f.newVector(n);
      BigInteger[] expect = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        BigInteger x = i % 9 == 4 ? BigInteger.ZERO : new BigInteger(260, rnd).mod(f.modulus());
        f.fromBigInteger(v, 4 * i, x);
        expect[i] = x.signum() == 0 ? BigInteger.ZERO : x.modInverse(f.modulus());
      }
      f.batchInverse(v, 0, n, new long[4 * n]);
      for (int i = 0; i < n; i++) {
        assertEquals(expect[i], f.toBigInteger(v, 4 * i), "element " + i);
      }
    }
  }

  @Test
  void operationsMayAliasTheirInputs() {
    PrimeField f = Bn254.FR;
    BigInteger x = new BigInteger("1234567890123456789012345678901234567890");
    long[] a = f.element(x);
    f.mul(a, 0, a, 0, a, 0);
    f.add(a, 0, a, 0, a, 0);
    f.sub(a, 0, a, 0, f.element(1), 0);
    assertEquals(x.multiply(x).shiftLeft(1).subtract(BigInteger.ONE).mod(f.modulus()), f.toBigInteger(a, 0));
  }
}
