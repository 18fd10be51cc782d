package org.zkml4j.circuit.testing;

import java.math.BigInteger;
import java.util.function.UnaryOperator;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.math.field.Bn254;

/**
 * Cheating replacements for the gadgets' hints, each a structured attack that keeps the linear
 * relations a careless circuit would check, so only the range and booleanity constraints can catch
 * it. They compute honest values with BigInteger, independently of the hints they replace.
 */
public final class MaliciousHints {
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final String DECOMPOSE = "zkml4j.bits.decompose";
  private static final String REMAINDER = "zkml4j.fixedpoint.remainder";

  private MaliciousHints() {}

  /**
   * Bits with b_1 + 2 and b_2 - 1 instead of b_1 and b_2: the recomposition still holds (2*2 = 4*1)
   * and b_0 is untouched, but b_1 or b_2 is no longer boolean.
   */
  public static Hint bitsWithoutBooleanity() {
    return decompose("bits-without-booleanity", bits -> {
      if (bits.length >= 2) {
        bits[0] = bits[0].add(BigInteger.TWO);
        bits[1] = bits[1].subtract(BigInteger.ONE);
      }
      return bits;
    }, x -> x);
  }

  /**
   * The bits of x read as a signed integer taken mod 2^n, so a "negative" x = r - |v| gets the bits
   * of the small value 2^n - |v|, claiming it is small and positive.
   */
  public static Hint bitsOfWrappedValue(int n) {
    return decompose("wrapped-bits", bits -> bits, x -> signed(x).mod(BigInteger.ONE.shiftLeft(n)));
  }

  /** Honest bits with the top output flipped: a comparison result or a sign made to lie. */
  public static Hint bitsWithTopFlipped() {
    return decompose("top-flipped", bits -> {
      bits[bits.length - 1] = BigInteger.ONE.subtract(bits[bits.length - 1]);
      return bits;
    }, x -> x);
  }

  /**
   * The bits of x - 2^k instead of x: for a rescale by 2^k this moves one unit from the quotient
   * into the remainder (remainder + 2^k &gt;= 2^k, quotient - 1), keeping x = q 2^k + r.
   */
  public static Hint bitsBorrowingFromQuotient(int k) {
    return decompose("borrowed-bits", bits -> bits, x -> x.subtract(BigInteger.ONE.shiftLeft(k)).mod(R));
  }

  /** A remainder shifted by {@code delta} divisors (so the quotient moves by -delta). */
  public static Hint remainderShifted(int delta) {
    return new Hint() {
      @Override
      public String id() {
        return REMAINDER;
      }

      @Override
      public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
        BigInteger x = signed(Bn254.FR.toBigInteger(inputs, 0));
        BigInteger d = Bn254.FR.toBigInteger(inputs, 4);
        Bn254.FR.fromBigInteger(outputs, 0, x.mod(d).add(d.multiply(BigInteger.valueOf(delta))));
      }

      @Override
      public String toString() {
        return "remainder shifted by " + delta + " divisors";
      }
    };
  }

  /** x read as a signed integer in (-r/2, r/2). */
  public static BigInteger signed(BigInteger x) {
    return x.compareTo(R.shiftRight(1)) > 0 ? x.subtract(R) : x;
  }

  /**
   * A decomposition hint (inputs x, shift; outputs bits shift .. shift + count - 1) that decomposes
   * {@code value(x)} and then applies {@code change} to the output bits.
   */
  private static Hint decompose(String name, UnaryOperator<BigInteger[]> change, UnaryOperator<BigInteger> value) {
    return new Hint() {
      @Override
      public String id() {
        return DECOMPOSE;
      }

      @Override
      public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
        BigInteger x = value.apply(Bn254.FR.toBigInteger(inputs, 0));
        int shift = Bn254.FR.toBigInteger(inputs, 4).intValueExact();
        BigInteger[] bits = new BigInteger[outputCount];
        for (int i = 0; i < outputCount; i++) {
          bits[i] = x.testBit(shift + i) ? BigInteger.ONE : BigInteger.ZERO;
        }
        bits = change.apply(bits);
        for (int i = 0; i < outputCount; i++) {
          Bn254.FR.fromBigInteger(outputs, 4 * i, bits[i]);
        }
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
