package org.zkml4j.model.quant;

import java.math.BigInteger;
import org.zkml4j.circuit.gadget.fixedpoint.FixedPoint;

/**
 * Integer intervals and their bit widths, with overflow-checked arithmetic: the bound analysis that
 * gives every tensor of a {@link QuantizedGraph} its proven interval.
 *
 * <p><b>Narrow and wide tensors.</b> A tensor of at most {@link #MAX_BITS} signed bits is narrow:
 * its integers, and the partial sums of the layer computing it, fit a Java long, and every
 * non-polynomial op (ReLU, max pooling, comparisons, Clip, sigmoid, ArgMax) reads only narrow
 * tensors. A product layer whose readers are all polynomial (products, sums, folded average pools,
 * wiring) may skip its rescale and hand on its accumulator: a wide tensor, up to
 * {@link #WIDE_BITS} signed bits. <b>The invariant:</b> every value of every tensor, and every
 * accumulator a layer forms, lies in [-2^(WIDE_BITS-1), 2^(WIDE_BITS-1)), far below r/2 (r, the
 * BN254 scalar field's modulus, has 254 bits), so the field element a circuit holds for it is the
 * signed integer itself: no value ever wraps modulo r. The margin of 253 - WIDE_BITS bits also
 * covers a circuit with private weights, where a cheating prover may pick any weight inside the
 * weight's range-checked bits and so exceed the honest interval by the log of the number of terms.
 */
public final class IntegerBounds {
  /**
   * The widest narrow tensor, in signed bits. Every integer of a narrow layer, partial sums
   * included, fits a Java long with room to spare.
   */
  public static final int MAX_BITS = 60;

  /** The widest tensor or accumulator of any layer, in signed bits (see the class comment). */
  public static final int WIDE_BITS = 200;

  private IntegerBounds() {}

  /** The least b &gt;= 1 with [lo, hi] inside [-2^(b-1), 2^(b-1)). */
  public static int signedBits(long lo, long hi) {
    int b = 1;
    while (b < 64 && !(FixedPoint.fitsSigned(lo, b) && FixedPoint.fitsSigned(hi, b))) {
      b++;
    }
    return b;
  }

  /** The least b &gt;= 1 with [lo, hi] inside [-2^(b-1), 2^(b-1)). */
  public static int signedBits(BigInteger lo, BigInteger hi) {
    return Math.max(lo.bitLength(), hi.bitLength()) + 1;
  }

  /** The interval of divRound(x, 2^k) for x in [lo, hi] (the rounding is monotone): {lo', hi'}. */
  static long[] rescale(long lo, long hi, int k) {
    return k == 0 ? new long[] {lo, hi} : new long[] {FixedPoint.rescale(lo, k), FixedPoint.rescale(hi, k)};
  }

  /** The interval of divRound(x, 2^k) for x in [lo, hi]: {lo', hi'}. */
  static BigInteger[] rescale(BigInteger lo, BigInteger hi, int k) {
    return k == 0 ? new BigInteger[] {lo, hi} : new BigInteger[] {FixedPoint.rescale(lo, k), FixedPoint.rescale(hi, k)};
  }

  /** {min, max} of a * b over a in [alo, ahi], b in [blo, bhi]; throws ArithmeticException on overflow. */
  static long[] product(long alo, long ahi, long blo, long bhi) {
    long p1 = Math.multiplyExact(alo, blo);
    long p2 = Math.multiplyExact(alo, bhi);
    long p3 = Math.multiplyExact(ahi, blo);
    long p4 = Math.multiplyExact(ahi, bhi);
    return new long[] {Math.min(Math.min(p1, p2), Math.min(p3, p4)), Math.max(Math.max(p1, p2), Math.max(p3, p4))};
  }

  /** {min, max} of a * b over a in [alo, ahi], b in [blo, bhi]. */
  static BigInteger[] product(BigInteger alo, BigInteger ahi, BigInteger blo, BigInteger bhi) {
    BigInteger p1 = alo.multiply(blo);
    BigInteger p2 = alo.multiply(bhi);
    BigInteger p3 = ahi.multiply(blo);
    BigInteger p4 = ahi.multiply(bhi);
    return new BigInteger[] {p1.min(p2).min(p3.min(p4)), p1.max(p2).max(p3.max(p4))};
  }
}
