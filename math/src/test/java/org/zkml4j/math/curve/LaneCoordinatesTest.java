package org.zkml4j.math.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Bn254;

/**
 * The shared lane coordinates against BigInteger arithmetic mod q (Fq2 = Fq[u]/(u^2 + 1) written
 * out by hand): products, squares, sums, differences, conjugates, both inversions (with zeros
 * for the tolerant one), and the round trip through the 4x64-bit layout, on a batch with an
 * offset start, edge values (0, 1, q - 1) mixed in, and every element of the batch checked.
 */
class LaneCoordinatesTest {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private static final int CAP = 48;
  private static final int FROM = 8, N = 32;

  @Test
  void fqMatchesBigInteger() {
    check(LaneCoordinates.fq(CAP), 1);
  }

  @Test
  void fq2MatchesBigInteger() {
    check(LaneCoordinates.fq2(CAP), 2);
  }

  @Test
  void capacityMustBeWholeBlocks() {
    assertThrows(IllegalArgumentException.class, () -> LaneCoordinates.fq(12));
  }

  private static void check(LaneCoordinates f, int c) {
    assertEquals(c, f.components());
    assertEquals(CAP, f.capacity());
    Random random = new Random(7 + c);
    BigInteger[][] xs = new BigInteger[CAP][], ys = new BigInteger[CAP][];
    long[] x = f.newBatch(), y = f.newBatch();
    for (int k = 0; k < CAP; k++) {
      xs[k] = sample(random, c, k);
      ys[k] = sample(random, c, k + 3);
      f.load(x, k, encode(xs[k]), 0);
      f.load(y, k, encode(ys[k]), 0);
    }
    long[] z = f.newBatch();
    f.mul(z, x, y, FROM, N);
    expect(f, z, k -> mul(xs[k], ys[k]), "mul");
    f.square(z, x, FROM, N);
    expect(f, z, k -> mul(xs[k], xs[k]), "square");
    f.add(z, x, y, FROM, N);
    expect(f, z, k -> map(xs[k], ys[k], BigInteger::add), "add");
    f.sub(z, x, y, FROM, N);
    expect(f, z, k -> map(xs[k], ys[k], BigInteger::subtract), "sub");
    f.conjugate(z, x, FROM, N);
    expect(f, z, k -> c == 1 ? xs[k] : new BigInteger[] {xs[k][0], xs[k][1].negate().mod(Q)}, "conjugate");
    f.mul(z, x, y, FROM, N); // in place: z = z * z
    f.mul(z, z, z, FROM, N);
    expect(f, z, k -> mul(mul(xs[k], ys[k]), mul(xs[k], ys[k])), "aliased mul");

    long[] scratch = f.newBatch();
    f.copy(z, y, FROM, N);
    for (int k = FROM; k < FROM + N; k++) { // make every element invertible for the strict version
      if (isZero(ys[k])) {
        f.setOne(z, k);
        ys[k] = one(c);
      }
    }
    long[] ones = z.clone();
    f.batchInverse(z, FROM, N, scratch);
    BigInteger[][] inverted = ys;
    expect(f, z, k -> inverse(inverted[k]), "batchInverse");

    f.copy(z, ones, FROM, N);
    long[] zeroElement = new long[4 * c];
    for (int k = FROM; k < FROM + N; k += 5) {
      f.load(z, k, zeroElement, 0);
      ys[k] = new BigInteger[c];
      java.util.Arrays.fill(ys[k], BigInteger.ZERO);
    }
    assertTrue(f.isZero(z, FROM));
    assertFalse(f.isZero(z, FROM + 1));
    f.batchInverseOrZero(z, FROM, N, scratch);
    expect(f, z, k -> isZero(inverted[k]) ? inverted[k] : inverse(inverted[k]), "batchInverseOrZero");
  }

  private interface Expected {
    BigInteger[] at(int k);
  }

  private static void expect(LaneCoordinates f, long[] z, Expected e, String what) {
    int c = f.components();
    long[] out = new long[4 * c];
    for (int k = FROM; k < FROM + N; k++) {
      f.store(out, 0, z, k);
      BigInteger[] want = e.at(k);
      for (int j = 0; j < c; j++) {
        assertEquals(want[j].mod(Q), Bn254.FQ.toBigInteger(out, 4 * j), what + " element " + k + " component " + j);
      }
    }
  }

  private static BigInteger[] sample(Random random, int c, int k) {
    BigInteger[] v = new BigInteger[c];
    for (int j = 0; j < c; j++) {
      v[j] = switch ((k + j) % 11) {
        case 0 -> BigInteger.ZERO;
        case 1 -> BigInteger.ONE;
        case 2 -> Q.subtract(BigInteger.ONE);
        default -> new BigInteger(Q.bitLength() + 8, random).mod(Q);
      };
    }
    return v;
  }

  private static long[] encode(BigInteger[] v) {
    long[] out = new long[4 * v.length];
    for (int j = 0; j < v.length; j++) {
      Bn254.FQ.fromBigInteger(out, 4 * j, v[j]);
    }
    return out;
  }

  private static BigInteger[] mul(BigInteger[] a, BigInteger[] b) {
    if (a.length == 1) {
      return new BigInteger[] {a[0].multiply(b[0]).mod(Q)};
    }
    return new BigInteger[] {a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(Q),
        a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(Q)};
  }

  private static BigInteger[] inverse(BigInteger[] a) {
    if (a.length == 1) {
      return new BigInteger[] {a[0].modInverse(Q)};
    }
    BigInteger norm = a[0].pow(2).add(a[1].pow(2)).mod(Q).modInverse(Q);
    return new BigInteger[] {a[0].multiply(norm).mod(Q), a[1].negate().multiply(norm).mod(Q)};
  }

  private static BigInteger[] map(BigInteger[] a, BigInteger[] b, java.util.function.BinaryOperator<BigInteger> op) {
    BigInteger[] out = new BigInteger[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = op.apply(a[j], b[j]).mod(Q);
    }
    return out;
  }

  private static boolean isZero(BigInteger[] a) {
    for (BigInteger v : a) {
      if (v.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  private static BigInteger[] one(int c) {
    BigInteger[] v = new BigInteger[c];
    java.util.Arrays.fill(v, BigInteger.ZERO);
    v[0] = BigInteger.ONE;
    return v;
  }
}
