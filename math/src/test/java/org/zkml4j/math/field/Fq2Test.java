package org.zkml4j.math.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/** Fq2 against schoolbook complex arithmetic over BigInteger (u^2 = -1). */
class Fq2Test {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private static final Random RND = new Random(2);
  private final Fq2 fq2 = new Fq2();

  private static BigInteger rnd() {
    return switch (RND.nextInt(6)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> Q.subtract(BigInteger.ONE);
      default -> new BigInteger(256, RND).mod(Q);
    };
  }

  private static BigInteger[] mulRef(BigInteger a0, BigInteger a1, BigInteger b0, BigInteger b1) {
    return new BigInteger[] {
      a0.multiply(b0).subtract(a1.multiply(b1)).mod(Q), a0.multiply(b1).add(a1.multiply(b0)).mod(Q)
    };
  }

  @RepeatedTest(300)
  void operationsMatchComplexArithmetic() {
    BigInteger a0 = rnd(), a1 = rnd(), b0 = rnd(), b1 = rnd();
    long[] a = Fq2.element(a0, a1), b = Fq2.element(b0, b1), z = new long[8];
    fq2.mul(z, 0, a, 0, b, 0);
    assertArrayEquals(mulRef(a0, a1, b0, b1), Fq2.toBigIntegers(z, 0), "mul");
    fq2.square(z, 0, a, 0);
    assertArrayEquals(mulRef(a0, a1, a0, a1), Fq2.toBigIntegers(z, 0), "square");
    fq2.mulByNonResidue(z, 0, a, 0);
    assertArrayEquals(mulRef(a0, a1, BigInteger.valueOf(9), BigInteger.ONE), Fq2.toBigIntegers(z, 0), "xi");
    Fq2.add(z, 0, a, 0, b, 0);
    assertArrayEquals(new BigInteger[] {a0.add(b0).mod(Q), a1.add(b1).mod(Q)}, Fq2.toBigIntegers(z, 0), "add");
    Fq2.sub(z, 0, a, 0, b, 0);
    assertArrayEquals(new BigInteger[] {a0.subtract(b0).mod(Q), a1.subtract(b1).mod(Q)}, Fq2.toBigIntegers(z, 0), "sub");
    Fq2.conjugate(z, 0, a, 0);
    assertArrayEquals(new BigInteger[] {a0, a1.negate().mod(Q)}, Fq2.toBigIntegers(z, 0), "conjugate");
    if (!Fq2.isZero(a, 0)) {
      fq2.inverse(z, 0, a, 0);
      BigInteger norm = a0.pow(2).add(a1.pow(2)).mod(Q).modInverse(Q);
      assertArrayEquals(new BigInteger[] {a0.multiply(norm).mod(Q), a1.negate().multiply(norm).mod(Q)},
          Fq2.toBigIntegers(z, 0), "inverse");
      // aliasing: z may be the input
      fq2.mul(a, 0, a, 0, z, 0);
      assertArrayEquals(new BigInteger[] {BigInteger.ONE, BigInteger.ZERO}, Fq2.toBigIntegers(a, 0), "x * 1/x");
    }
  }
}
