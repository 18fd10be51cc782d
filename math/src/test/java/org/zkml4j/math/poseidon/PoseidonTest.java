package org.zkml4j.math.poseidon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.testkit.Peers;

/**
 * Poseidon against circomlibjs 0.1.7 (all three of its implementations, run by node) on every
 * width, against a literal BigInteger transcription of the plain permutation, and the API's
 * argument checks.
 */
class PoseidonTest {
  private static final PrimeField FR = Bn254.FR;
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final String SCRIPT = "circomlibjs-poseidon.mjs";

  /** 0, 1, r-1, r-2 and values at limb and bit-length boundaries. */
  private static final List<BigInteger> EDGES = List.of(
      BigInteger.ZERO, BigInteger.ONE, R.subtract(BigInteger.ONE), R.subtract(BigInteger.TWO),
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(128),
      BigInteger.ONE.shiftLeft(253), R.shiftRight(1));

  private static BigInteger randomElement(Random rnd) {
    return rnd.nextInt(4) == 0 ? EDGES.get(rnd.nextInt(EDGES.size())) : new BigInteger(256, rnd).mod(R);
  }

  /** Per input count: all zeros, all r-1, then random vectors mixing edge and random values. */
  private static List<List<BigInteger>> hashCases() {
    Random rnd = new Random(7);
    List<List<BigInteger>> cases = new ArrayList<>();
    for (int n = 1; n <= Poseidon.MAX_INPUTS; n++) {
      cases.add(Collections.nCopies(n, BigInteger.ZERO));
      cases.add(Collections.nCopies(n, R.subtract(BigInteger.ONE)));
      for (int k = 0; k < 10; k++) {
        List<BigInteger> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          xs.add(randomElement(rnd));
        }
        cases.add(xs);
      }
    }
    return cases;
  }

  private static String request(String op, List<BigInteger> xs) {
    return op + " " + xs.stream().map(BigInteger::toString).collect(Collectors.joining(" "));
  }

  @Test
  void everyWidthMatchesCircomlibjs() {
    List<List<BigInteger>> cases = hashCases();
    Peers.assumeAvailable("circomlibjs");
    List<String> lines = Peers.runScript(getClass(), SCRIPT,
        cases.stream().map(xs -> request("hash", xs)).toList());
    for (int c = 0; c < cases.size(); c++) {
      List<BigInteger> xs = cases.get(c);
      BigInteger actual = Poseidon.hash(xs.toArray(BigInteger[]::new));
      String[] expected = lines.get(c).split(" ");
      assertEquals(3, expected.length);
      for (String e : expected) { // buildPoseidon (wasm), buildPoseidonReference, buildPoseidonOpt
        assertEquals(new BigInteger(e), actual, () -> xs.size() + " inputs " + xs);
      }
    }
  }

  @Test
  void hashVectorMatchesItsCircomlibjsRecipe() {
    Random rnd = new Random(8);
    List<List<BigInteger>> cases = new ArrayList<>();
    for (int n : new int[] {1, 2, 14, 15, 16, 17, 29, 30, 31, 45, 46, 100}) {
      List<BigInteger> xs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        xs.add(randomElement(rnd));
      }
      cases.add(xs);
    }
    Peers.assumeAvailable("circomlibjs");
    List<String> lines = Peers.runScript(getClass(), SCRIPT,
        cases.stream().map(xs -> request("vector", xs)).toList());
    for (int c = 0; c < cases.size(); c++) {
      List<BigInteger> xs = cases.get(c);
      assertEquals(new BigInteger(lines.get(c)), Poseidon.hashVector(xs), "length " + xs.size());
    }
  }

  @Test
  void circomlibjsPublishedVectors() {
    // iden3/circomlibjs test/poseidon.js ("poseidonperm_x5_254_3" and "_5")
    assertEquals(new BigInteger("115cc0f5e7d690413df64c6b9662e9cf2a3617f2743245519e19607a4417189a", 16),
        Poseidon.hash(BigInteger.ONE, BigInteger.TWO));
    assertEquals(new BigInteger("299c867db6c1fdd79dcefa40e4510b9837e60ebb1ce0663dbaa525df65250465", 16),
        Poseidon.hash(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(4)));
  }

  @Provide
  Arbitrary<List<BigInteger>> inputs() {
    Arbitrary<BigInteger> element = Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, R.subtract(BigInteger.ONE)), Arbitraries.of(EDGES));
    return element.list().ofMinSize(1).ofMaxSize(Poseidon.MAX_INPUTS);
  }

  @Property(tries = 150)
  void optimizedPermutationEqualsThePlainOne(@ForAll("inputs") List<BigInteger> xs) {
    BigInteger[] in = xs.toArray(BigInteger[]::new);
    assertEquals(PlainPoseidon.hash(in), Poseidon.hash(in));
  }

  @Test
  void fullStateOfTheOptimizedPermutationEqualsThePlainOne() {
    // hash() exposes cell 0 only; the whole state must agree too (capacity cell set, not zero).
    Random rnd = new Random(9);
    for (int t = 2; t <= 17; t++) {
      BigInteger[] state = new BigInteger[t];
      long[] s = FR.newVector(t);
      for (int i = 0; i < t; i++) {
        state[i] = randomElement(rnd);
        FR.fromBigInteger(s, 4 * i, state[i]);
      }
      PoseidonPermutation p = Poseidon.permutation(t);
      p.permute(s, new long[p.scratchLength()]);
      assertArrayEquals(PlainPoseidon.permute(PoseidonConstants.derive(t), state), PlainPoseidon.elements(s), "width " + t);
    }
  }

  @Test
  void montgomeryFormApiAgreesWithBigIntegerApiAndMayWriteOverItsInput() {
    BigInteger[] xs = {BigInteger.valueOf(3), R.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(200)};
    long[] v = FR.newVector(5);
    for (int i = 0; i < xs.length; i++) {
      FR.fromBigInteger(v, 4 * (i + 1), xs[i]);
    }
    BigInteger expected = Poseidon.hash(xs);
    assertEquals(expected, FR.toBigInteger(Poseidon.hash(v, 4, 3), 0));
    Poseidon.hash(v, 4, v, 4, 3);
    assertEquals(expected, FR.toBigInteger(v, 4));
  }

  @Test
  void hashVectorSeparatesLengthsAndOrder() {
    List<BigInteger> one = List.of(BigInteger.ONE);
    assertNotEquals(Poseidon.hashVector(one), Poseidon.hashVector(List.of(BigInteger.ONE, BigInteger.ZERO)));
    assertNotEquals(Poseidon.hashVector(List.of(BigInteger.ONE, BigInteger.TWO)),
        Poseidon.hashVector(List.of(BigInteger.TWO, BigInteger.ONE)));
    // the recipe: a single chunk is Poseidon(n, x...)
    assertEquals(Poseidon.hash(BigInteger.ONE, BigInteger.ONE), Poseidon.hashVector(one));
  }

  @Test
  void badArgumentsAreRejected() {
    long[] v = FR.newVector(17);
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(v, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(v, 0, 17));
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(R));
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(BigInteger.ONE.negate()));
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hashVector(List.of()));
    long[] notCanonical = {-1L, -1L, -1L, -1L};
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(notCanonical, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hashVector(new long[4], 0, notCanonical, 0, 1));
  }
}
