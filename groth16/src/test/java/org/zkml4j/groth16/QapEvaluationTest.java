package org.zkml4j.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkml4j.circuit.format.WtnsFile;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The H-query scalars against a BigInteger reference of snarkjs's definition: rows of A and B from
 * the key's coefficients, C = A * B, each interpolated on H = <w> (n points) and evaluated on the
 * odd 2n-th roots g * w^j by the O(n^2) formulas, then A * B - C there; with snarkjs's roots
 * w_28 = 5^((r-1)/2^28) and w_k = w_28^(2^(28-k)), g = w_(k+1).
 */
class QapEvaluationTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  static Stream<SnarkjsFixture.Circuit> circuits() {
    return Stream.of(SnarkjsFixture.multiplier(), SnarkjsFixture.poseidonRange());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("circuits")
  void hScalarsMatchTheDefinition(SnarkjsFixture.Circuit c) throws Exception {
    ProvingKey pk = ZkeyReader.read(c.zkey());
    long[] witness = WtnsFile.read(c.wtns()).toArray();
    int n = pk.domainSize(), k = pk.log2DomainSize();
    BigInteger[] a = new BigInteger[n], b = new BigInteger[n], ab = new BigInteger[n];
    Arrays.fill(a, BigInteger.ZERO);
    Arrays.fill(b, BigInteger.ZERO);
    QapCoefficients q = pk.coefficients();
    long[] v = new long[4];
    for (int i = 0; i < q.size(); i++) {
      q.value(i, v, 0);
      BigInteger term = Bn254.FR.toBigInteger(v, 0).multiply(Bn254.FR.toBigInteger(witness, 4 * q.signal(i)));
      BigInteger[] target = q.matrix(i) == 0 ? a : b;
      target[q.constraint(i)] = target[q.constraint(i)].add(term).mod(R);
    }
    for (int i = 0; i < n; i++) {
      ab[i] = a[i].multiply(b[i]).mod(R);
    }
    BigInteger w28 = BigInteger.valueOf(5).modPow(R.subtract(BigInteger.ONE).shiftRight(28), R);
    BigInteger w = w28.modPow(BigInteger.ONE.shiftLeft(28 - k), R);
    BigInteger g = w28.modPow(BigInteger.ONE.shiftLeft(28 - k - 1), R);
    BigInteger[] aOdd = onCoset(a, w, g), bOdd = onCoset(b, w, g), cOdd = onCoset(ab, w, g);

    long[] h = QapEvaluation.hScalars(pk, witness, Parallelism.shared());
    for (int j = 0; j < n; j++) {
      BigInteger expected = aOdd[j].multiply(bOdd[j]).subtract(cOdd[j]).mod(R);
      assertEquals(expected, Bn254.FR.toBigInteger(h, 4 * j), "h scalar " + j);
    }
  }

  /** The values on g * w^j of the polynomial of degree < n taking values[i] at w^i. */
  private static BigInteger[] onCoset(BigInteger[] values, BigInteger w, BigInteger g) {
    int n = values.length;
    BigInteger nInv = BigInteger.valueOf(n).modInverse(R);
    BigInteger wInv = w.modInverse(R);
    BigInteger[] coefficients = new BigInteger[n];
    for (int m = 0; m < n; m++) {
      BigInteger sum = BigInteger.ZERO;
      BigInteger step = wInv.modPow(BigInteger.valueOf(m), R);
      BigInteger x = BigInteger.ONE;
      for (int i = 0; i < n; i++) {
        sum = sum.add(values[i].multiply(x));
        x = x.multiply(step).mod(R);
      }
      coefficients[m] = sum.mod(R).multiply(nInv).mod(R);
    }
    BigInteger[] out = new BigInteger[n];
    for (int j = 0; j < n; j++) {
      BigInteger point = g.multiply(w.modPow(BigInteger.valueOf(j), R)).mod(R);
      BigInteger acc = BigInteger.ZERO;
      for (int m = n - 1; m >= 0; m--) {
        acc = acc.multiply(point).add(coefficients[m]).mod(R);
      }
      out[j] = acc;
    }
    return out;
  }
}
