package org.zkml4j.math.msm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * MSM against the naive sum of scalar multiplications (the curve code, itself tested against
 * published vectors and a BigInteger reference), over the scalar shapes that reach different code:
 * zeros, ones, r-1 and other small negatives, small values, full-size random values, and bases
 * that repeat or cancel (doublings and P + (-P) inside the batched affine additions), with the
 * bucket additions in vector lanes and in scalar arithmetic, on one to three threads.
 */
class MsmTest {
  private static final BucketArithmetic LANES = BucketArithmetic.LANES, SCALAR = BucketArithmetic.SCALAR;
  private static final PrimeField FR = Bn254.FR;
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final Parallelism TWO = new Parallelism(2);
  private static final Parallelism THREE = new Parallelism(3);
  private static final Parallelism ONE = new Parallelism(1);

  enum Shape { RANDOM, ZERO_ONE, MIXED, SMALL, MINUS_ONE }

  /** n distinct-looking points start + i*step (affine), with infinity at a few places when asked. */
  static long[] bases(CurveGroup g, int n, Random rnd, boolean withInfinity) {
    int js = g.jacobianSize();
    long[] start = new long[js], step = new long[js], jac = new long[js * n];
    g.fromAffine(start, 0, g.generator(), 0);
    g.scalarMul(start, 0, start, 0, new BigInteger(254, rnd));
    g.fromAffine(step, 0, g.generator(), 0);
    g.scalarMul(step, 0, step, 0, new BigInteger(254, rnd));
    for (int i = 0; i < n; i++) {
      if (i == 0) {
        System.arraycopy(start, 0, jac, 0, js);
      } else {
        g.add(jac, i * js, jac, (i - 1) * js, step, 0);
      }
    }
    long[] aff = new long[g.affineSize() * n];
    g.batchToAffine(aff, 0, jac, 0, n);
    if (withInfinity) {
      for (int i = 3; i < n; i += 97) {
        java.util.Arrays.fill(aff, i * g.affineSize(), (i + 1) * g.affineSize(), 0L);
      }
    }
    return aff;
  }

  static BigInteger scalar(Shape shape, Random rnd) {
    return switch (shape) {
      case RANDOM -> new BigInteger(256, rnd).mod(R);
      case ZERO_ONE -> BigInteger.valueOf(rnd.nextInt(2));
      case SMALL -> BigInteger.valueOf(rnd.nextInt(1 << (1 + rnd.nextInt(20))));
      case MINUS_ONE -> R.subtract(BigInteger.ONE);
      case MIXED -> switch (rnd.nextInt(8)) {
        case 0 -> BigInteger.ZERO;
        case 1, 2 -> BigInteger.ONE;
        case 3 -> R.subtract(BigInteger.ONE);
        case 4 -> R.subtract(BigInteger.valueOf(rnd.nextInt(1000)));
        case 5 -> BigInteger.valueOf(rnd.nextLong() >>> 1);
        case 6 -> BigInteger.ONE.shiftLeft(rnd.nextInt(254)).mod(R);
        default -> new BigInteger(256, rnd).mod(R);
      };
    };
  }

  static long[] scalars(int n, Shape shape, Random rnd) {
    long[] s = FR.newVector(n);
    for (int i = 0; i < n; i++) {
      FR.fromBigInteger(s, 4 * i, scalar(shape, rnd));
    }
    return s;
  }

  /** The sum of scalar multiplications, one by one. */
  static long[] naive(CurveGroup g, long[] bases, long[] scalars, int n) {
    int js = g.jacobianSize();
    long[] acc = new long[js], p = new long[js];
    g.setInfinity(acc, 0);
    for (int i = 0; i < n; i++) {
      g.fromAffine(p, 0, bases, i * g.affineSize());
      g.scalarMulFr(p, 0, p, 0, scalars, 4 * i);
      g.add(acc, 0, acc, 0, p, 0);
    }
    long[] out = new long[g.affineSize()];
    g.toAffine(out, 0, acc, 0);
    return out;
  }

  /** The MSM with the test's classic Jacobian buckets instead of batched affine ones. */
  private static long[] jacobianBuckets(G1 g, long[] bases, long[] s, int n) {
    Pippenger pippenger = new Pippenger(g, 33, 86);
    return pippenger.run(pippenger.schedule(s, n, ScalarForm.MONTGOMERY, bases, ONE), bases, BaseForm.AS_IS,
        () -> new JacobianWindowSum(new G1()), ONE);
  }

  private static long[] plainOf(long[] montgomery, int n) {
    long[] plain = new long[4 * n];
    for (int i = 0; i < n; i++) {
      FR.fromMontgomery(plain, 4 * i, montgomery, 4 * i);
    }
    return plain;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 5, 17, 64, 300, 2500})
  void g1MatchesNaiveSum(int n) {
    Random rnd = new Random(n);
    G1 g = new G1();
    long[] bases = bases(g, n, rnd, true);
    for (Shape shape : Shape.values()) {
      long[] s = scalars(n, shape, rnd);
      long[] expected = naive(g, bases, s, n);
      assertArrayEquals(expected, Msm.g1(bases, s, n, ScalarForm.MONTGOMERY, TWO, LANES), shape + " n=" + n);
      assertArrayEquals(expected, Msm.g1(bases, plainOf(s, n), n, ScalarForm.PLAIN, THREE, LANES),
          shape + " plain n=" + n);
      assertArrayEquals(expected, Msm.g1(bases, s, n, ScalarForm.MONTGOMERY, ONE, SCALAR), shape + " scalar n=" + n);
      assertArrayEquals(expected,
          jacobianBuckets(g, bases, s, n),
          shape + " Jacobian buckets n=" + n);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 7, 150, 700})
  void g2MatchesNaiveSum(int n) {
    Random rnd = new Random(100 + n);
    G2 g = new G2();
    long[] bases = bases(g, n, rnd, true);
    for (Shape shape : Shape.values()) {
      long[] s = scalars(n, shape, rnd);
      long[] expected = naive(g, bases, s, n);
      assertArrayEquals(expected, Msm.g2(bases, s, n, ScalarForm.MONTGOMERY, TWO, LANES), shape + " n=" + n);
      assertArrayEquals(expected, Msm.g2(bases, plainOf(s, n), n, ScalarForm.PLAIN, ONE, LANES),
          shape + " plain n=" + n);
      assertArrayEquals(expected, Msm.g2(bases, s, n, ScalarForm.MONTGOMERY, THREE, SCALAR), shape + " scalar n=" + n);
    }
  }

  /**
   * Bases drawn from a few distinct points (one of them infinity), each plain or negated, so that
   * buckets receive equal points (doublings), opposite points (cancellations) and infinity, in
   * both groups and both arithmetics. The reference gathers each distinct point's scalars first
   * (in BigInteger, mod r): a handful of scalar multiplications, however many bases.
   */
  @ParameterizedTest
  @ValueSource(strings = {"G1", "G2"})
  void duplicateOpposingAndInfiniteBases(String group) {
    CurveGroup g = group.equals("G1") ? new G1() : new G2();
    Random rnd = new Random(42);
    int distinct = 5, n = g instanceof G1 ? 2000 : 600, a = g.affineSize();
    long[] few = bases(g, distinct, rnd, false);
    java.util.Arrays.fill(few, 0, a, 0L);
    int[] source = new int[n];
    boolean[] negated = new boolean[n];
    long[] bases = new long[a * n];
    for (int i = 0; i < n; i++) {
      source[i] = rnd.nextInt(distinct);
      negated[i] = rnd.nextBoolean();
      if (negated[i]) {
        g.negAffine(bases, a * i, few, a * source[i]);
      } else {
        System.arraycopy(few, a * source[i], bases, a * i, a);
      }
    }
    for (Shape shape : Shape.values()) {
      long[] s = scalars(n, shape, rnd);
      BigInteger[] weight = new BigInteger[distinct];
      java.util.Arrays.fill(weight, BigInteger.ZERO);
      for (int i = 0; i < n; i++) {
        BigInteger v = FR.toBigInteger(s, 4 * i);
        weight[source[i]] = weight[source[i]].add(negated[i] ? v.negate() : v).mod(R);
      }
      long[] weights = FR.newVector(distinct);
      for (int k = 0; k < distinct; k++) {
        FR.fromBigInteger(weights, 4 * k, weight[k]);
      }
      long[] expected = naive(g, few, weights, distinct);
      for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
        long[] got = g instanceof G1
            ? Msm.g1(bases, s, n, ScalarForm.MONTGOMERY, TWO, arithmetic)
            : Msm.g2(bases, s, n, ScalarForm.MONTGOMERY, TWO, arithmetic);
        assertArrayEquals(expected, got, group + " " + shape + " " + arithmetic);
      }
    }
  }

  /**
   * Bases mostly at infinity, as in a proving key's A and B queries (every wire outside a
   * matrix has infinity there), with scalars of every shape: the sum must equal the naive one,
   * including when every base with a non-zero scalar is at infinity.
   */
  @ParameterizedTest
  @ValueSource(strings = {"G1", "G2"})
  void mostlyInfiniteBases(String group) {
    CurveGroup g = group.equals("G1") ? new G1() : new G2();
    Random rnd = new Random(5);
    int n = g instanceof G1 ? 3000 : 500, a = g.affineSize();
    long[] bases = bases(g, n, rnd, false);
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(10) < 7) {
        java.util.Arrays.fill(bases, a * i, a * (i + 1), 0L);
      }
    }
    for (Shape shape : Shape.values()) {
      long[] s = scalars(n, shape, rnd);
      long[] expected = naive(g, bases, s, n);
      for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
        long[] got = g instanceof G1
            ? Msm.g1(bases, s, n, ScalarForm.MONTGOMERY, TWO, arithmetic)
            : Msm.g2(bases, s, n, ScalarForm.MONTGOMERY, TWO, arithmetic);
        assertArrayEquals(expected, got, group + " " + shape + " " + arithmetic);
      }
    }
    long[] allInfinite = new long[a * n];
    long[] s = scalars(n, Shape.RANDOM, rnd);
    long[] got = g instanceof G1 ? Msm.g1(allInfinite, s, n) : Msm.g2(allInfinite, s, n);
    assertTrue(g.isInfinityAffine(got, 0), group + " all bases at infinity");
  }

  /**
   * The MSM with bucket accumulation from the given number of buckets on (production uses it
   * only from {@link BatchAffineWindowSum#DIRECT_FROM}), so that small inputs reach it: batches of
   * a few additions, points waiting for their bucket, retried, and left for the sorted trees.
   */
  private static long[] accumulating(CurveGroup g, BucketArithmetic arithmetic, int directFrom, long[] bases,
      long[] s, int n, Parallelism par) {
    boolean g1 = g instanceof G1;
    Pippenger pippenger = new Pippenger(g, g1 ? 7 : 17, g1 ? 15 : 36);
    BaseForm form = arithmetic == LANES ? LaneAffineBatch.baseForm(g1 ? 1 : 2) : BaseForm.AS_IS;
    return pippenger.run(pippenger.schedule(s, n, ScalarForm.MONTGOMERY, bases, par), bases, form, () -> {
      CurveGroup worker = g1 ? new G1() : new G2();
      AffineBatch batch = arithmetic == LANES ? (g1 ? LaneAffineBatch.g1() : LaneAffineBatch.g2())
          : new ScalarAffineBatch(worker);
      return new BatchAffineWindowSum(worker, batch, directFrom);
    }, par);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 64, 700, 3000})
  void bucketAccumulationMatchesNaiveSum(int n) {
    Random rnd = new Random(300 + n);
    for (CurveGroup g : new CurveGroup[] {new G1(), new G2()}) {
      int size = g instanceof G2 ? Math.min(n, 700) : n;
      long[] bases = bases(g, size, rnd, true);
      for (Shape shape : Shape.values()) {
        long[] s = scalars(size, shape, rnd);
        long[] expected = naive(g, bases, s, size);
        for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
          for (int directFrom : new int[] {1, 16}) {
            assertArrayEquals(expected, accumulating(g, arithmetic, directFrom, bases, s, size, TWO),
                g.getClass().getSimpleName() + " " + shape + " " + arithmetic + " from " + directFrom + " n=" + size);
          }
        }
      }
    }
  }

  /**
   * Bucket accumulation where buckets are hit far more often than others: repeated and opposite
   * bases with many equal scalars, so that points wait, cancel and double in the accumulators.
   */
  @Test
  void bucketAccumulationWithCollidingBuckets() {
    Random rnd = new Random(9);
    for (CurveGroup g : new CurveGroup[] {new G1(), new G2()}) {
      int n = g instanceof G1 ? 4000 : 800, a = g.affineSize(), distinct = 3;
      long[] few = bases(g, distinct, rnd, false);
      long[] bases = new long[a * n];
      long[] s = FR.newVector(n);
      BigInteger[] weight = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
      BigInteger[] values = {BigInteger.valueOf(5), R.subtract(BigInteger.valueOf(3)), new BigInteger(250, rnd)};
      for (int i = 0; i < n; i++) {
        int src = rnd.nextInt(distinct);
        boolean negated = rnd.nextInt(4) == 0;
        if (negated) {
          g.negAffine(bases, a * i, few, a * src);
        } else {
          System.arraycopy(few, a * src, bases, a * i, a);
        }
        BigInteger v = rnd.nextInt(3) == 0 ? new BigInteger(254, rnd).mod(R) : values[rnd.nextInt(values.length)];
        FR.fromBigInteger(s, 4 * i, v);
        weight[src] = weight[src].add(negated ? v.negate() : v).mod(R);
      }
      long[] weights = FR.newVector(distinct);
      for (int k = 0; k < distinct; k++) {
        FR.fromBigInteger(weights, 4 * k, weight[k]);
      }
      long[] expected = naive(g, few, weights, distinct);
      for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
        for (int directFrom : new int[] {1, 64}) {
          assertArrayEquals(expected, accumulating(g, arithmetic, directFrom, bases, s, n, ONE),
              g.getClass().getSimpleName() + " " + arithmetic + " from " + directFrom);
        }
      }
    }
  }

  /**
   * MSMs of both groups run as one job give each the naive sum, in the order given: sizes of
   * nothing, zero scalars and a few thousand, both arithmetics and the automatic choice.
   */
  @Test
  void severalMsmsAsOneJob() {
    Random rnd = new Random(77);
    G1 g1 = new G1();
    G2 g2 = new G2();
    int[] g1Sizes = {2500, 0, 300, 17};
    long[][] g1Bases = new long[g1Sizes.length][], g1Scalars = new long[g1Sizes.length][];
    for (int k = 0; k < g1Sizes.length; k++) {
      g1Bases[k] = bases(g1, g1Sizes[k], rnd, true);
      g1Scalars[k] = scalars(g1Sizes[k], k == 2 ? Shape.MIXED : Shape.RANDOM, rnd);
    }
    long[] g2Bases = bases(g2, 200, rnd, true), g2Scalars = scalars(200, Shape.RANDOM, rnd);
    long[] zeroBases = bases(g1, 50, rnd, false), zeroScalars = FR.newVector(50);
    java.util.List<Msm.Input> inputs = java.util.List.of(
        Msm.Input.g1(g1Bases[0], g1Scalars[0], g1Sizes[0], ScalarForm.MONTGOMERY),
        Msm.Input.g2(g2Bases, g2Scalars, 200, ScalarForm.MONTGOMERY),
        Msm.Input.g1(g1Bases[1], g1Scalars[1], g1Sizes[1], ScalarForm.MONTGOMERY),
        Msm.Input.g1(zeroBases, zeroScalars, 50, ScalarForm.MONTGOMERY),
        Msm.Input.g1(g1Bases[2], plainOf(g1Scalars[2], g1Sizes[2]), g1Sizes[2], ScalarForm.PLAIN),
        Msm.Input.g1(g1Bases[3], g1Scalars[3], g1Sizes[3], ScalarForm.MONTGOMERY));
    long[][] expected = {
      naive(g1, g1Bases[0], g1Scalars[0], g1Sizes[0]), naive(g2, g2Bases, g2Scalars, 200),
      naive(g1, g1Bases[1], g1Scalars[1], g1Sizes[1]), new long[8],
      naive(g1, g1Bases[2], g1Scalars[2], g1Sizes[2]), naive(g1, g1Bases[3], g1Scalars[3], g1Sizes[3])};
    for (BucketArithmetic arithmetic : new BucketArithmetic[] {LANES, SCALAR, null}) {
      java.util.List<long[]> got = Msm.all(inputs, THREE, arithmetic);
      assertEquals(expected.length, got.size());
      for (int k = 0; k < expected.length; k++) {
        assertArrayEquals(expected[k], got.get(k), "MSM " + k + " of the job, " + arithmetic);
      }
    }
  }

  /** Two bases whose sum cancels or doubles with equal scalars: the whole MSM is one such addition. */
  @Test
  void singleCancellationAndDoubling() {
    G1 g = new G1();
    long[] few = bases(g, 1, new Random(7), false);
    long[] pair = new long[16];
    System.arraycopy(few, 0, pair, 0, 8);
    g.negAffine(pair, 8, few, 0);
    long[] s = FR.newVector(2);
    FR.fromLong(s, 0, 12345);
    FR.fromLong(s, 4, 12345);
    for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
      assertTrue(g.isInfinityAffine(Msm.g1(pair, s, 2, ScalarForm.MONTGOMERY, ONE, arithmetic), 0),
          "P*k + (-P)*k, " + arithmetic);
    }
    System.arraycopy(few, 0, pair, 8, 8);
    long[] twice = naive(g, pair, s, 2);
    for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
      assertArrayEquals(twice, Msm.g1(pair, s, 2, ScalarForm.MONTGOMERY, ONE, arithmetic), "P*k + P*k, " + arithmetic);
    }
  }

  @Test
  void automaticArithmeticRentsScalarUntilTheWarmUpPays() {
    assertEquals(SCALAR, Msm.automatic(LANES, 0, 1_000_000), "a first small MSM");
    assertEquals(SCALAR, Msm.automatic(LANES, 2_000_000, 1_000_000), "small MSMs adding up to less");
    assertEquals(LANES, Msm.automatic(LANES, 3_500_000, 1_000_000), "once the work adds up");
    assertEquals(LANES, Msm.automatic(LANES, 0, 17_000_000), "a first large MSM");
    assertEquals(SCALAR, Msm.automatic(SCALAR, 100_000_000, 17_000_000), "no lanes in this JVM");
  }

  @Test
  void allZeroScalarsGiveInfinity() {
    G1 g1 = new G1();
    G2 g2 = new G2();
    int n = 1000;
    Random rnd = new Random(1);
    assertTrue(g1.isInfinityAffine(Msm.g1(bases(g1, n, rnd, false), FR.newVector(n), n), 0));
    assertTrue(g2.isInfinityAffine(Msm.g2(bases(g2, 50, rnd, false), FR.newVector(50), 50), 0));
    assertEquals(8, Msm.g1(new long[0], new long[0], 0).length);
  }

  @Test
  void scalarsNotBelowRAreRejected() {
    G1 g = new G1();
    long[] bases = bases(g, 3, new Random(2), false);
    long[] s = FR.newVector(3);
    long[] r = {0x43e1f593f0000001L, 0x2833e84879b97091L, 0xb85045b68181585dL, 0x30644e72e131a029L};
    System.arraycopy(r, 0, s, 4, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Msm.g1(bases, s, 3, ScalarForm.PLAIN, ONE));
    assertTrue(e.getMessage().contains("scalar 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Msm.g1(bases, s, 4));
  }
}
