package org.zkml4j.math.ntt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.zkml4j.math.ntt.NaiveTransforms.R;
import static org.zkml4j.math.ntt.NaiveTransforms.element;
import static org.zkml4j.math.ntt.NaiveTransforms.evaluate;
import static org.zkml4j.math.ntt.NaiveTransforms.evaluateOnCoset;
import static org.zkml4j.math.ntt.NaiveTransforms.fromVector;
import static org.zkml4j.math.ntt.NaiveTransforms.interpolateOnCoset;
import static org.zkml4j.math.ntt.NaiveTransforms.randomVector;
import static org.zkml4j.math.ntt.NaiveTransforms.root;
import static org.zkml4j.math.ntt.NaiveTransforms.toVector;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/** Every transform against its BigInteger definition, at small sizes exhaustively and at larger ones by sampling. */
class EvaluationDomainTest {
  private static final Parallelism SERIAL = new Parallelism(1);
  private static final Parallelism THREE = new Parallelism(3);

  @Test
  void rootsAreFiveToTheOddPartOfRMinusOneSquaredDown() {
    // w_28 as ffjavascript 0.3.1 prints Fr.w[28]
    assertEquals(new BigInteger("19103219067921713944291392827692070036145651957329286315305642004821462161904"),
        Bn254.FR.toBigInteger(EvaluationDomain.rootOfUnity(28), 0));
    for (int k = 0; k <= EvaluationDomain.MAX_LOG2_SIZE; k++) {
      BigInteger w = Bn254.FR.toBigInteger(EvaluationDomain.rootOfUnity(k), 0);
      assertEquals(root(k), w, "w_" + k);
      assertEquals(BigInteger.ONE, w.modPow(BigInteger.ONE.shiftLeft(k), R), "w_" + k + " has order dividing 2^k");
      if (k > 0) {
        assertEquals(R.subtract(BigInteger.ONE), w.modPow(BigInteger.ONE.shiftLeft(k - 1), R), "order exactly 2^" + k);
      }
    }
  }

  @Test
  void snarkjsShiftIsAPrimitiveDoubleSizeRootSoTheCosetIsTheOddRoots() {
    for (int k = 0; k <= 10; k++) {
      BigInteger shift = Bn254.FR.toBigInteger(EvaluationDomain.ofLog2Size(k, SERIAL).snarkjsCosetShift(), 0);
      assertEquals(root(k + 1), shift);
      assertEquals(R.subtract(BigInteger.ONE), shift.modPow(BigInteger.ONE.shiftLeft(k), R), "shift^n = -1");
    }
  }

  /**
   * Sizes 1 to 256 (below one lane block, one block, and both phases with partly filled lanes):
   * every output of every transform against the O(n^2) definition.
   */
  @Property(tries = 60)
  void transformsMatchTheirDefinitions(@ForAll @IntRange(min = 0, max = 8) int k, @ForAll long seed) {
    Random rnd = new Random(seed);
    int n = 1 << k;
    BigInteger[] x = randomVector(n, rnd);
    BigInteger shift = BigInteger.valueOf(7).add(new BigInteger(250, rnd)).mod(R);
    EvaluationDomain d = EvaluationDomain.ofLog2Size(k, seed % 2 == 0 ? SERIAL : THREE);
    BigInteger[] onDomain = evaluateOnCoset(x, BigInteger.ONE);
    BigInteger[] onCoset = evaluateOnCoset(x, shift);

    long[] v = toVector(x);
    d.fft(v, 0);
    assertArrayEquals(onDomain, fromVector(v, 0, n), "fft");

    v = toVector(x);
    d.ifft(v, 0);
    assertArrayEquals(interpolateOnCoset(x, BigInteger.ONE), fromVector(v, 0, n), "ifft");

    v = toVector(x);
    d.cosetFft(v, 0, element(shift));
    assertArrayEquals(onCoset, fromVector(v, 0, n), "cosetFft");

    v = toVector(x);
    d.cosetIfft(v, 0, element(shift));
    assertArrayEquals(interpolateOnCoset(x, shift), fromVector(v, 0, n), "cosetIfft");

    v = toVector(onDomain);
    d.evaluationsToCoset(v, 0, element(shift));
    assertArrayEquals(onCoset, fromVector(v, 0, n), "evaluationsToCoset");

    v = toVector(onCoset);
    d.cosetToEvaluations(v, 0, element(shift));
    assertArrayEquals(onDomain, fromVector(v, 0, n), "cosetToEvaluations");

    v = toVector(x);
    d.mulByPowers(v, 0, element(shift));
    for (int i = 0; i < n; i++) {
      assertEquals(x[i].multiply(shift.modPow(BigInteger.valueOf(i), R)).mod(R), Bn254.FR.toBigInteger(v, 4 * i));
    }
  }

  /**
   * Sizes whose phases split into several tasks, with rows and columns of equal and of unequal
   * length, on one and on three threads: sampled outputs of the forward transforms against
   * Horner evaluation, and the inverses against the original coefficients.
   */
  @ParameterizedTest
  @ValueSource(ints = {9, 13, 14, 15})
  void largerTransformsMatchSampledEvaluations(int k) {
    Random rnd = new Random(k);
    int n = 1 << k;
    BigInteger[] x = randomVector(n, rnd);
    BigInteger shift = new BigInteger(253, rnd);
    BigInteger w = root(k);
    int[] samples = {0, 1, n / 2, n - 1, rnd.nextInt(n), rnd.nextInt(n)};
    for (Parallelism p : new Parallelism[] {SERIAL, THREE}) {
      EvaluationDomain d = EvaluationDomain.ofLog2Size(k, p);
      long[] v = toVector(x);
      d.fft(v, 0);
      long[] coset = toVector(x);
      d.cosetFft(coset, 0, element(shift));
      long[] moved = v.clone();
      d.evaluationsToCoset(moved, 0, element(shift));
      for (int i : samples) {
        BigInteger wi = w.modPow(BigInteger.valueOf(i), R);
        assertEquals(evaluate(x, wi), Bn254.FR.toBigInteger(v, 4 * i), "fft output " + i);
        BigInteger onCoset = evaluate(x, wi.multiply(shift).mod(R));
        assertEquals(onCoset, Bn254.FR.toBigInteger(coset, 4 * i), "cosetFft output " + i);
        assertEquals(onCoset, Bn254.FR.toBigInteger(moved, 4 * i), "evaluationsToCoset output " + i);
      }
      d.ifft(v, 0);
      assertArrayEquals(x, fromVector(v, 0, n), "ifft");
      d.cosetIfft(coset, 0, element(shift));
      assertArrayEquals(x, fromVector(coset, 0, n), "cosetIfft");
      d.cosetToEvaluations(moved, 0, element(shift));
      d.ifft(moved, 0);
      assertArrayEquals(x, fromVector(moved, 0, n), "cosetToEvaluations");
    }
  }

  @Test
  void inverseUndoesForwardUpTo2To16() {
    Random rnd = new Random(16);
    for (int k = 0; k <= 16; k++) {
      EvaluationDomain d = EvaluationDomain.ofLog2Size(k);
      BigInteger[] x = randomVector(1 << k, rnd);
      long[] v = toVector(x);
      d.fft(v, 0);
      d.ifft(v, 0);
      assertArrayEquals(x, fromVector(v, 0, 1 << k), "2^" + k);
    }
  }

  @Test
  void transformsAtAnOffsetLeaveTheRestOfTheArrayAlone() {
    int k = 5, n = 1 << k, offset = 12;
    Random rnd = new Random(5);
    BigInteger[] x = randomVector(n, rnd);
    long[] v = new long[offset + 4 * n + 8];
    System.arraycopy(toVector(x), 0, v, offset, 4 * n);
    for (int i = 0; i < offset; i++) {
      v[i] = -1 - i;
    }
    for (int i = offset + 4 * n; i < v.length; i++) {
      v[i] = -100 - i;
    }
    long[] before = v.clone();
    EvaluationDomain.ofLog2Size(k).fft(v, offset);
    assertArrayEquals(evaluateOnCoset(x, BigInteger.ONE), fromVector(v, offset, n));
    for (int i = 0; i < offset; i++) {
      assertEquals(before[i], v[i]);
    }
    for (int i = offset + 4 * n; i < v.length; i++) {
      assertEquals(before[i], v[i]);
    }
  }

  @Test
  void rejectsBadSizesVectorsAndShifts() {
    assertThrows(IllegalArgumentException.class, () -> EvaluationDomain.ofLog2Size(29));
    assertThrows(IllegalArgumentException.class, () -> EvaluationDomain.ofLog2Size(-1));
    assertThrows(IllegalArgumentException.class, () -> EvaluationDomain.rootOfUnity(29));
    EvaluationDomain d = EvaluationDomain.ofLog2Size(3);
    assertThrows(IllegalArgumentException.class, () -> d.fft(new long[31], 0));
    assertThrows(IllegalArgumentException.class, () -> d.ifft(new long[32], 4));
    assertThrows(IllegalArgumentException.class, () -> d.fft(new long[32], -1));
    assertThrows(ArithmeticException.class, () -> d.cosetIfft(new long[32], 0, new long[4]));
    assertThrows(ArithmeticException.class, () -> d.cosetToEvaluations(new long[32], 0, new long[4]));
  }
}
