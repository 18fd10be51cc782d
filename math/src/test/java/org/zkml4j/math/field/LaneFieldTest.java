package org.zkml4j.math.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * LaneField against java.math.BigInteger. The test reads and writes the SoA layout itself (limb k
 * of element i at 40*(i/8) + 8*k + i%8, value V standing for V * 2^-255 mod p), so every result
 * is checked for its value mod p, for normalised limbs, and for the documented range [0, 2p).
 */
class LaneFieldTest {
  private static final LaneField[] FIELDS = {LaneField.FR, LaneField.FQ};
  private static final BigInteger R = BigInteger.ONE.shiftLeft(255);
  private static final BigInteger LIMB = BigInteger.ONE.shiftLeft(51);

  // ---------------------------------------------------------------- the layout, independently

  static BigInteger raw(long[] v, int i) {
    BigInteger value = BigInteger.ZERO;
    for (int k = 4; k >= 0; k--) {
      long limb = v[40 * (i / 8) + 8 * k + i % 8];
      if (limb < 0 || limb >= 1L << 51) {
        fail("element " + i + " limb " + k + " is not normalised: " + limb);
      }
      value = value.shiftLeft(51).add(BigInteger.valueOf(limb));
    }
    return value;
  }

  static void putRaw(long[] v, int i, BigInteger value) {
    for (int k = 0; k < 5; k++) {
      v[40 * (i / 8) + 8 * k + i % 8] = value.shiftRight(51 * k).longValue() & ((1L << 51) - 1);
    }
  }

  static long[] vectorOf(List<BigInteger> raws) {
    long[] v = new long[40 * ((raws.size() + 7) / 8)];
    for (int i = 0; i < raws.size(); i++) {
      putRaw(v, i, raws.get(i));
    }
    return v;
  }

  /** The element a raw value stands for. */
  static BigInteger value(BigInteger raw, BigInteger p) {
    return raw.multiply(R.modInverse(p)).mod(p);
  }

  /** Raw values in [0, 2p) that sit on limb and range boundaries. */
  static List<BigInteger> edgeRaws(BigInteger p) {
    BigInteger two = BigInteger.TWO;
    List<BigInteger> v = new ArrayList<>(List.of(
        BigInteger.ZERO, BigInteger.ONE, two, p.subtract(BigInteger.ONE), p, p.add(BigInteger.ONE),
        p.shiftLeft(1).subtract(BigInteger.ONE), p.shiftLeft(1).subtract(two), R.mod(p),
        R.mod(p).add(p), BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(254), p.subtract(R.mod(p)), p.shiftLeft(1).subtract(R.mod(p))));
    for (int k = 51; k < 255; k += 51) {
      BigInteger b = BigInteger.ONE.shiftLeft(k);
      v.add(b.subtract(BigInteger.ONE)); // all lower limbs at their maximum
      v.add(b);
      v.add(b.add(BigInteger.ONE));
    }
    // the lower four limbs at their maximum under the largest top limb that stays below 2p
    BigInteger top = p.shiftLeft(1).subtract(BigInteger.ONE).shiftRight(204).subtract(BigInteger.ONE);
    v.add(top.shiftLeft(204).add(BigInteger.ONE.shiftLeft(204)).subtract(BigInteger.ONE));
    // representations (both of them) of elements near 2^51 boundaries and of small elements
    for (BigInteger a : List.of(LIMB.subtract(BigInteger.ONE), LIMB, LIMB.pow(2), LIMB.pow(4),
        two, p.subtract(two), p.shiftRight(1))) {
      BigInteger r = a.multiply(R).mod(p);
      v.add(r);
      v.add(r.add(p));
    }
    return v;
  }

  /** A raw value in [0, 2p): random, or the representation in [p, 2p) a fifth of the time. */
  static BigInteger randomRaw(Random rnd, BigInteger p) {
    BigInteger r = new BigInteger(256, rnd).mod(p);
    return rnd.nextInt(5) == 0 ? r.add(p) : r;
  }

  static void assertRange(BigInteger raw, BigInteger bound, String what) {
    assertTrue(raw.signum() >= 0 && raw.compareTo(bound) < 0, what + " out of range: " + raw);
  }

  // ---------------------------------------------------------------- arithmetic

  /** Checks mul, square, add, sub and canonicalize of x and y element by element. */
  static void checkAllOperations(LaneField f, List<BigInteger> xs, List<BigInteger> ys) {
    BigInteger p = f.field().modulus();
    BigInteger twoP = p.shiftLeft(1);
    BigInteger rInv = R.modInverse(p);
    int n = xs.size();
    long[] x = vectorOf(xs), y = vectorOf(ys), z = f.newVector(n);
    f.mul(z, 0, x, 0, y, 0, n);
    for (int i = 0; i < n; i++) {
      BigInteger got = raw(z, i);
      assertRange(got, twoP, "mul");
      assertEquals(xs.get(i).multiply(ys.get(i)).multiply(rInv).mod(p), got.mod(p), "mul " + i);
    }
    f.square(z, 0, x, 0, n);
    for (int i = 0; i < n; i++) {
      BigInteger got = raw(z, i);
      assertRange(got, twoP, "square");
      assertEquals(xs.get(i).pow(2).multiply(rInv).mod(p), got.mod(p), "square " + i);
    }
    f.add(z, 0, x, 0, y, 0, n);
    for (int i = 0; i < n; i++) {
      BigInteger got = raw(z, i);
      assertRange(got, twoP, "add");
      assertEquals(xs.get(i).add(ys.get(i)).mod(p), got.mod(p), "add " + i);
    }
    f.sub(z, 0, x, 0, y, 0, n);
    for (int i = 0; i < n; i++) {
      BigInteger got = raw(z, i);
      assertRange(got, twoP, "sub");
      assertEquals(xs.get(i).subtract(ys.get(i)).mod(p), got.mod(p), "sub " + i);
    }
    f.canonicalize(z, 0, x, 0, n);
    for (int i = 0; i < n; i++) {
      assertEquals(xs.get(i).mod(p), raw(z, i), "canonicalize " + i);
    }
  }

  @Test
  void randomOperandsMatchBigInteger() {
    Random rnd = new Random(1);
    for (LaneField f : FIELDS) {
      BigInteger p = f.field().modulus();
      List<BigInteger> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (int i = 0; i < 16384; i++) {
        xs.add(randomRaw(rnd, p));
        ys.add(randomRaw(rnd, p));
      }
      checkAllOperations(f, xs, ys);
    }
  }

  @Test
  void everyPairOfEdgeValuesMatchesBigInteger() {
    for (LaneField f : FIELDS) {
      List<BigInteger> edges = edgeRaws(f.field().modulus());
      List<BigInteger> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (BigInteger a : edges) {
        for (BigInteger b : edges) {
          xs.add(a);
          ys.add(b);
        }
      }
      while (xs.size() % 8 != 0) {
        xs.add(BigInteger.ONE);
        ys.add(BigInteger.ONE);
      }
      checkAllOperations(f, xs, ys);
    }
  }

  /**
   * Long chains that feed every output back as an input, with no reduction in between, to check
   * that the ranges [0, 2p) really are closed; started from the largest and the edge values.
   */
  @Test
  void chainsOfOperationsStayInRangeAndMatchBigInteger() {
    Random rnd = new Random(2);
    int n = 64, registers = 4, steps = 400;
    for (LaneField f : FIELDS) {
      BigInteger p = f.field().modulus();
      BigInteger rInv = R.modInverse(p);
      List<BigInteger> edges = edgeRaws(p);
      long[][] reg = new long[registers][];
      BigInteger[][] expect = new BigInteger[registers][n];
      for (int r = 0; r < registers; r++) {
        List<BigInteger> init = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          init.add(r == 0 ? p.shiftLeft(1).subtract(BigInteger.ONE)
              : rnd.nextBoolean() ? edges.get(rnd.nextInt(edges.size())) : randomRaw(rnd, p));
          expect[r][i] = init.get(i).mod(p);
        }
        reg[r] = vectorOf(init);
      }
      for (int step = 0; step < steps; step++) {
        int d = rnd.nextInt(registers), a = rnd.nextInt(registers), b = rnd.nextInt(registers);
        int op = rnd.nextInt(4);
        switch (op) {
          case 0 -> f.mul(reg[d], 0, reg[a], 0, reg[b], 0, n);
          case 1 -> f.square(reg[d], 0, reg[a], 0, n);
          case 2 -> f.add(reg[d], 0, reg[a], 0, reg[b], 0, n);
          default -> f.sub(reg[d], 0, reg[a], 0, reg[b], 0, n);
        }
        for (int i = 0; i < n; i++) {
          BigInteger x = expect[a][i], y = expect[b][i];
          BigInteger want = switch (op) {
            case 0 -> x.multiply(y).multiply(rInv);
            case 1 -> x.multiply(x).multiply(rInv);
            case 2 -> x.add(y);
            default -> x.subtract(y);
          };
          expect[d][i] = want.mod(p);
        }
        for (int i = 0; i < n; i++) {
          BigInteger got = raw(reg[d], i);
          assertRange(got, p.shiftLeft(1), "step " + step + " op " + op);
          assertEquals(expect[d][i], got.mod(p), "step " + step + " op " + op + " element " + i);
        }
      }
    }
  }

  @Provide
  Arbitrary<BigInteger> raws() {
    BigInteger maxTwoP = Bn254.Q_MODULUS.shiftLeft(1).subtract(BigInteger.ONE);
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, maxTwoP),
        Arbitraries.of(edgeRaws(Bn254.R_MODULUS)),
        Arbitraries.of(edgeRaws(Bn254.Q_MODULUS)));
  }

  /** One pair in one lane of a block whose other lanes hold other values. */
  @Property(tries = 400)
  void anyPairInAnyLaneMatchesBigInteger(@ForAll("raws") BigInteger x0, @ForAll("raws") BigInteger y0,
      @ForAll @IntRange(min = 0, max = 7) int lane) {
    Random rnd = new Random(x0.hashCode() ^ y0.hashCode());
    for (LaneField f : FIELDS) {
      BigInteger p = f.field().modulus();
      List<BigInteger> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        xs.add(i == lane ? x0.mod(p.shiftLeft(1)) : randomRaw(rnd, p));
        ys.add(i == lane ? y0.mod(p.shiftLeft(1)) : randomRaw(rnd, p));
      }
      checkAllOperations(f, xs, ys);
    }
  }

  @Test
  void operationsMayWriteOverAnInput() {
    LaneField f = LaneField.FR;
    BigInteger p = f.field().modulus();
    BigInteger rInv = R.modInverse(p);
    Random rnd = new Random(3);
    List<BigInteger> xs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      xs.add(randomRaw(rnd, p));
    }
    long[] x = vectorOf(xs);
    f.mul(x, 0, x, 0, x, 0, 16); // x = x^2
    f.add(x, 8, x, 8, x, 0, 8); // upper block += lower block
    f.sub(x, 0, x, 0, x, 8, 8); // lower block -= upper block
    for (int i = 0; i < 8; i++) {
      BigInteger lo = xs.get(i).pow(2).multiply(rInv), hi = xs.get(i + 8).pow(2).multiply(rInv);
      assertEquals(hi.add(lo).mod(p), raw(x, i + 8).mod(p));
      assertEquals(hi.negate().mod(p), raw(x, i).mod(p));
    }
  }

  /** Any odd modulus within the bound works, not just BN254's. */
  @Test
  void otherModuliWithinTheBoundWork() {
    Random rnd = new Random(4);
    for (int bits : new int[] {64, 200, 253}) {
      LaneField f = new LaneField(new PrimeField(BigInteger.probablePrime(bits, rnd)));
      BigInteger p = f.field().modulus();
      List<BigInteger> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (int i = 0; i < 256; i++) {
        xs.add(randomRaw(rnd, p));
        ys.add(randomRaw(rnd, p));
      }
      checkAllOperations(f, xs, ys);
    }
  }

  @Test
  void moduliBeyondTheBoundAreRejected() {
    BigInteger tooLarge = BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE);
    assertThrows(IllegalArgumentException.class, () -> new LaneField(new PrimeField(tooLarge)));
  }

  @Test
  void misalignedBatchesAreRejected() {
    LaneField f = LaneField.FQ;
    long[] v = f.newVector(16);
    assertThrows(IllegalArgumentException.class, () -> f.mul(v, 0, v, 0, v, 0, 7));
    assertThrows(IllegalArgumentException.class, () -> f.add(v, 1, v, 0, v, 0, 8));
    assertThrows(IllegalArgumentException.class, () -> f.sub(v, 0, v, 0, v, 4, 8));
    assertThrows(IllegalArgumentException.class, () -> f.batchInverse(v, 0, 12, v));
    assertThrows(IndexOutOfBoundsException.class, () -> f.mul(v, 0, v, 0, v, 8, 16));
  }

  // ---------------------------------------------------------------- conversions and helpers

  @Test
  void conversionsFromAndToPrimeFieldAreExactAndRoundTrip() {
    Random rnd = new Random(5);
    for (LaneField f : FIELDS) {
      PrimeField pf = f.field();
      BigInteger p = pf.modulus();
      List<BigInteger> values = new ArrayList<>(PrimeFieldTest.edgeValues(p));
      for (BigInteger e : edgeRaws(p)) {
        values.add(e.mod(p));
      }
      while (values.size() < 2000) {
        values.add(new BigInteger(256, rnd).mod(p));
      }
      int n = values.size(), start = 3; // deliberately not at a block boundary
      long[] scalar = pf.newVector(n);
      for (int i = 0; i < n; i++) {
        pf.fromBigInteger(scalar, 4 * i, values.get(i));
      }
      long[] lanes = f.newVector(start + n);
      f.fromPrimeField(lanes, start, scalar, 0, n);
      for (int i = 0; i < n; i++) {
        assertEquals(values.get(i).multiply(R).mod(p), raw(lanes, start + i), "from " + i);
      }
      long[] back = pf.newVector(n);
      f.toPrimeField(back, 0, lanes, start, n);
      assertArrayEquals(scalar, back);
      // the other representation, V + p, converts to the same canonical element
      for (int i = 0; i < n; i++) {
        putRaw(lanes, start + i, raw(lanes, start + i).add(p));
      }
      f.toPrimeField(back, 0, lanes, start, n);
      assertArrayEquals(scalar, back);
      for (int i = 0; i < n; i++) {
        assertEquals(values.get(i), f.toBigInteger(lanes, start + i));
      }
    }
  }

  @Test
  void bigIntegerConversionsReduceModP() {
    for (LaneField f : FIELDS) {
      BigInteger p = f.field().modulus();
      long[] v = f.newVector(8);
      for (BigInteger a : List.of(BigInteger.valueOf(-1), p, p.add(BigInteger.TEN), R)) {
        f.fromBigInteger(v, 5, a);
        assertEquals(a.mod(p).multiply(R).mod(p), raw(v, 5));
        assertEquals(a.mod(p), f.toBigInteger(v, 5));
      }
    }
  }

  @Test
  void batchInverseMatchesBigIntegerAndKeepsZeros() {
    Random rnd = new Random(6);
    for (LaneField f : FIELDS) {
      BigInteger p = f.field().modulus();
      for (int n : new int[] {8, 64, 200}) {
        List<BigInteger> raws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          raws.add(i % 11 == 3 ? BigInteger.ZERO : i % 13 == 5 ? p : randomRaw(rnd, p));
        }
        int start = 16;
        long[] v = f.newVector(start + n);
        for (int i = 0; i < n; i++) {
          putRaw(v, start + i, raws.get(i));
        }
        f.batchInverse(v, start, n, f.newVector(n));
        for (int i = 0; i < n; i++) {
          BigInteger a = value(raws.get(i), p);
          BigInteger want = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(p);
          BigInteger got = raw(v, start + i);
          assertRange(got, p.shiftLeft(1), "inverse");
          assertEquals(want, value(got, p), "n " + n + " element " + i);
        }
      }
    }
  }

  @Test
  void isZeroRecognisesBothRepresentationsOfZero() {
    for (LaneField f : FIELDS) {
      BigInteger p = f.field().modulus();
      List<BigInteger> raws = List.of(BigInteger.ZERO, p, BigInteger.ONE, p.subtract(BigInteger.ONE),
          p.add(BigInteger.ONE), p.shiftLeft(1).subtract(BigInteger.ONE), LIMB, LIMB.pow(4));
      long[] v = vectorOf(raws);
      for (int i = 0; i < raws.size(); i++) {
        assertEquals(i < 2, f.isZero(v, i), "raw " + raws.get(i));
      }
    }
  }

  @Test
  void copyMovesElementsAtAnyPosition() {
    Random rnd = new Random(7);
    BigInteger p = Bn254.Q_MODULUS;
    List<BigInteger> raws = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      raws.add(randomRaw(rnd, p));
    }
    long[] x = vectorOf(raws);
    long[] z = new long[x.length];
    LaneField.copy(z, 5, x, 11, 20);
    LaneField.copy(z, 32, x, 0, 8);
    for (int i = 0; i < 40; i++) {
      BigInteger want = i >= 5 && i < 25 ? raws.get(i + 6) : i >= 32 ? raws.get(i - 32) : BigInteger.ZERO;
      assertEquals(want, raw(z, i), "element " + i);
    }
  }

  @Test
  void laneCountDividesTheBlock() {
    int lanes = LaneField.lanes();
    assertTrue(lanes >= 1 && LaneField.BLOCK % lanes == 0, "lanes " + lanes);
  }
}
