package org.zkml4j.math.ntt;

import java.math.BigInteger;
import java.util.Random;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * The test oracle: transforms written straight from their definitions with java.math.BigInteger,
 * sharing no code with the transforms under test (roots included: they are derived here from
 * 5^((r-1)/2^28)).
 */
final class NaiveTransforms {
  static final BigInteger R = Bn254.R_MODULUS;
  private static final PrimeField FR = Bn254.FR;

  private NaiveTransforms() {}

  /** snarkjs's primitive 2^k-th root of unity. */
  static BigInteger root(int k) {
    BigInteger w28 = BigInteger.valueOf(5).modPow(R.subtract(BigInteger.ONE).shiftRight(28), R);
    return w28.modPow(BigInteger.ONE.shiftLeft(28 - k), R);
  }

  /** p(x) for the polynomial with the given coefficients (Horner). */
  static BigInteger evaluate(BigInteger[] coefficients, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int j = coefficients.length - 1; j >= 0; j--) {
      acc = acc.multiply(x).add(coefficients[j]).mod(R);
    }
    return acc;
  }

  /** The values of the polynomial at shift * w_k^i, i &lt; n. */
  static BigInteger[] evaluateOnCoset(BigInteger[] coefficients, BigInteger shift) {
    int n = coefficients.length;
    BigInteger w = root(Integer.numberOfTrailingZeros(n));
    BigInteger[] out = new BigInteger[n];
    BigInteger x = shift.mod(R);
    for (int i = 0; i < n; i++) {
      out[i] = evaluate(coefficients, x);
      x = x.multiply(w).mod(R);
    }
    return out;
  }

  /** The coefficients c with sum_j c_j (shift w^i)^j = values[i]: (1/n) sum_i values_i (shift w^i)^-j. */
  static BigInteger[] interpolateOnCoset(BigInteger[] values, BigInteger shift) {
    int n = values.length;
    BigInteger wInv = root(Integer.numberOfTrailingZeros(n)).modInverse(R);
    BigInteger shiftInv = shift.modInverse(R);
    BigInteger nInv = BigInteger.valueOf(n).modInverse(R);
    BigInteger[] out = new BigInteger[n];
    for (int j = 0; j < n; j++) {
      BigInteger step = wInv.modPow(BigInteger.valueOf(j), R);
      BigInteger x = BigInteger.ONE;
      BigInteger acc = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        acc = acc.add(values[i].multiply(x)).mod(R);
        x = x.multiply(step).mod(R);
      }
      out[j] = acc.multiply(nInv).multiply(shiftInv.modPow(BigInteger.valueOf(j), R)).mod(R);
    }
    return out;
  }

  static BigInteger[] randomVector(int n, Random rnd) {
    BigInteger[] v = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (rnd.nextInt(10)) {
        case 0 -> BigInteger.ZERO;
        case 1 -> R.subtract(BigInteger.ONE);
        case 2 -> BigInteger.valueOf(rnd.nextInt(3));
        default -> new BigInteger(254, rnd).mod(R);
      };
    }
    return v;
  }

  static long[] toVector(BigInteger[] values) {
    long[] v = FR.newVector(values.length);
    for (int i = 0; i < values.length; i++) {
      FR.fromBigInteger(v, 4 * i, values[i]);
    }
    return v;
  }

  static BigInteger[] fromVector(long[] v, int offset, int n) {
    BigInteger[] out = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      out[i] = FR.toBigInteger(v, offset + 4 * i);
    }
    return out;
  }

  static long[] element(BigInteger x) {
    return FR.element(x);
  }
}
