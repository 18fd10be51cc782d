package org.zkml4j.math.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The use LaneField is built for: a batch of independent affine G1 additions P + Q, as an MSM's
 * batch-affine bucket accumulation does them (differences, one lane-wise batch inversion, a few
 * products), checked against textbook affine addition in BigInteger.
 */
class LaneFieldBatchAffineTest {
  private static final BigInteger Q = Bn254.Q_MODULUS;

  /** Affine P + Q on y^2 = x^3 + 3 over Fq, for P != +-Q; or 2P when doubling. */
  private static BigInteger[] add(BigInteger[] p, BigInteger[] q, boolean doubling) {
    BigInteger lambda = doubling
        ? p[0].pow(2).multiply(BigInteger.valueOf(3)).multiply(p[1].shiftLeft(1).modInverse(Q))
        : q[1].subtract(p[1]).multiply(q[0].subtract(p[0]).modInverse(Q));
    BigInteger x = lambda.pow(2).subtract(p[0]).subtract(q[0]).mod(Q);
    BigInteger y = lambda.multiply(p[0].subtract(x)).subtract(p[1]).mod(Q);
    return new BigInteger[] {x, y};
  }

  @Test
  void batchOfAffineAdditionsMatchesBigInteger() {
    int n = 64;
    // multiples i*G of the generator (1, 2); pair P = i*G with Q = (i + n)*G
    BigInteger[][] multiples = new BigInteger[2 * n + 1][];
    multiples[1] = new BigInteger[] {BigInteger.ONE, BigInteger.TWO};
    multiples[2] = add(multiples[1], multiples[1], true);
    for (int i = 3; i <= 2 * n; i++) {
      multiples[i] = add(multiples[i - 1], multiples[1], false);
    }
    LaneField f = LaneField.FQ;
    PrimeField fq = f.field();
    long[] scalar = fq.newVector(4 * n); // x1, y1, x2, y2 of pair i at 16i, 16i+4, ...
    for (int i = 0; i < n; i++) {
      fq.fromBigInteger(scalar, 16 * i, multiples[i + 1][0]);
      fq.fromBigInteger(scalar, 16 * i + 4, multiples[i + 1][1]);
      fq.fromBigInteger(scalar, 16 * i + 8, multiples[i + 1 + n][0]);
      fq.fromBigInteger(scalar, 16 * i + 12, multiples[i + 1 + n][1]);
    }
    long[] x1 = f.newVector(n), y1 = f.newVector(n), x2 = f.newVector(n), y2 = f.newVector(n);
    for (int i = 0; i < n; i++) { // gather each coordinate into its own SoA vector
      f.fromPrimeField(x1, i, scalar, 16 * i, 1);
      f.fromPrimeField(y1, i, scalar, 16 * i + 4, 1);
      f.fromPrimeField(x2, i, scalar, 16 * i + 8, 1);
      f.fromPrimeField(y2, i, scalar, 16 * i + 12, 1);
    }
    long[] dx = f.newVector(n), lambda = f.newVector(n), t = f.newVector(n);
    f.sub(dx, 0, x2, 0, x1, 0, n);
    f.batchInverse(dx, 0, n, f.newVector(n));
    f.sub(lambda, 0, y2, 0, y1, 0, n);
    f.mul(lambda, 0, lambda, 0, dx, 0, n); // (y2 - y1) / (x2 - x1)
    f.square(t, 0, lambda, 0, n);
    f.sub(t, 0, t, 0, x1, 0, n);
    f.sub(x2, 0, t, 0, x2, 0, n); // x3 = lambda^2 - x1 - x2, kept in x2
    f.sub(t, 0, x1, 0, x2, 0, n);
    f.mul(t, 0, t, 0, lambda, 0, n);
    f.sub(y2, 0, t, 0, y1, 0, n); // y3 = lambda (x1 - x3) - y1, kept in y2
    long[] back = fq.newVector(2 * n);
    f.toPrimeField(back, 0, x2, 0, n);
    f.toPrimeField(back, 4 * n, y2, 0, n);
    for (int i = 0; i < n; i++) {
      BigInteger[] want = add(multiples[i + 1], multiples[i + 1 + n], false);
      if (2 * i + 2 + n <= 2 * n) { // the reference agrees with the chain of multiples
        assertEquals(multiples[2 * i + 2 + n][0], want[0]);
      }
      assertEquals(want[0], fq.toBigInteger(back, 4 * i), "x of pair " + i);
      assertEquals(want[1], fq.toBigInteger(back, 4 * (n + i)), "y of pair " + i);
    }
  }
}
