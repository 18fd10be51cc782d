package org.zkml4j.model.quant;

import org.zkml4j.circuit.gadget.fixedpoint.FixedPoint;

/**
 * Integer intervals and their bit widths, with overflow-checked arithmetic: the bound analysis that
 * gives every tensor of a {@link QuantizedGraph} its proven interval.
 */
public final class IntegerBounds {
  /**
   * The widest tensor a quantized graph may hold, in signed bits. Every integer of a layer, partial
   * sums included, then fits a Java long with room to spare, and the circuit's range checks stay
   * far below the field size.
   */
  public static final int MAX_BITS = 60;

  private IntegerBounds() {}

  /** The least b &gt;= 1 with [lo, hi] inside [-2^(b-1), 2^(b-1)). */
  public static int signedBits(long lo, long hi) {
    int b = 1;
    while (b < 64 && !(FixedPoint.fitsSigned(lo, b) && FixedPoint.fitsSigned(hi, b))) {
      b++;
    }
    return b;
  }

  /** The interval of divRound(x, 2^k) for x in [lo, hi] (the rounding is monotone): {lo', hi'}. */
  static long[] rescale(long lo, long hi, int k) {
    return k == 0 ? new long[] {lo, hi} : new long[] {FixedPoint.rescale(lo, k), FixedPoint.rescale(hi, k)};
  }

  /** {min, max} of a * b over a in [alo, ahi], b in [blo, bhi]; throws ArithmeticException on overflow. */
  static long[] product(long alo, long ahi, long blo, long bhi) {
    long p1 = Math.multiplyExact(alo, blo);
    long p2 = Math.multiplyExact(alo, bhi);
    long p3 = Math.multiplyExact(ahi, blo);
    long p4 = Math.multiplyExact(ahi, bhi);
    return new long[] {Math.min(Math.min(p1, p2), Math.min(p3, p4)), Math.max(Math.max(p1, p2), Math.max(p3, p4))};
  }

  /** x * 2^k, throwing ArithmeticException on overflow. */
  static long shiftLeft(long x, int k) {
    return Math.multiplyExact(x, 1L << k);
  }
}
