package org.zkml4j.model.quant;

import java.math.BigInteger;
import java.util.Objects;
import org.zkml4j.model.ir.Shape;

/**
 * A runtime value of a {@link QuantizedGraph} (an input or a layer's output): its shape, its scale
 * and the interval its integers are proven to lie in.
 *
 * <p>A real x is held as the integer round(x * 2^scale) (DESIGN §5); the scale may be negative. The
 * interval is not observed but derived: for an input it is the declared input range (the circuit
 * range-checks every input element against it), and for every other value it follows soundly from
 * the inputs' intervals, the operations and the integer weights, so no input inside the declared
 * range can produce a value outside it. The circuit sizes its range checks and comparisons by
 * {@link #bits()}. A tensor of more than {@link IntegerBounds#MAX_BITS} bits is {@linkplain #wide()
 * wide} (an accumulator whose rescale was deferred); only polynomial ops read it, and its interval
 * needs the BigInteger ends {@link #lower()} and {@link #upper()}.
 *
 * @param name the value's name (the float graph's value name)
 * @param shape its static shape
 * @param scale fractional bits; 0 for an {@link Kind#INDEX}
 * @param lower the least integer the value can take
 * @param upper the greatest integer the value can take, at least {@code lower}
 * @param kind whether the integers are fixed-point reals or indices
 */
public record QuantizedTensor(String name, Shape shape, int scale, BigInteger lower, BigInteger upper, Kind kind) {
  /** What the integers of a tensor mean. */
  public enum Kind {
    /** round(x * 2^scale) of a real x. */
    FIXED_POINT,
    /** Plain integers such as the positions an ArgMax returns; the scale is 0. */
    INDEX
  }

  public QuantizedTensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    if (lower.compareTo(upper) > 0) {
      throw new IllegalArgumentException("tensor " + name + ": empty interval [" + lower + ", " + upper + "]");
    }
    if (kind == Kind.INDEX && scale != 0) {
      throw new IllegalArgumentException("tensor " + name + ": an index tensor has scale 0, not " + scale);
    }
  }

  /** A tensor whose interval is given by longs. */
  public QuantizedTensor(String name, Shape shape, int scale, long min, long max, Kind kind) {
    this(name, shape, scale, BigInteger.valueOf(min), BigInteger.valueOf(max), kind);
  }

  /** The signed bit width of the interval: the least b with [min, max] inside [-2^(b-1), 2^(b-1)). */
  public int bits() {
    return IntegerBounds.signedBits(lower, upper);
  }

  /** True when the tensor has more than {@link IntegerBounds#MAX_BITS} bits: its integers need more than a long. */
  public boolean wide() {
    return bits() > IntegerBounds.MAX_BITS;
  }

  /** The least integer, for a narrow tensor; throws IllegalStateException for a {@linkplain #wide() wide} one. */
  public long min() {
    return narrow(lower);
  }

  /** The greatest integer, for a narrow tensor; throws IllegalStateException for a {@linkplain #wide() wide} one. */
  public long max() {
    return narrow(upper);
  }

  private long narrow(BigInteger v) {
    if (wide()) {
      throw new IllegalStateException("tensor " + name + " is wide (" + bits() + " bits): read lower() and upper()");
    }
    return v.longValueExact();
  }

  /** The real number an integer of this tensor stands for: v / 2^scale (v itself for an index). */
  public double dequantize(long v) {
    return kind == Kind.INDEX ? v : Math.scalb((double) v, -scale);
  }

  /** As {@link #dequantize(long)}, for an integer of any width (the nearest double, then scaled). */
  public double dequantize(BigInteger v) {
    return kind == Kind.INDEX ? v.doubleValue() : Math.scalb(v.doubleValue(), -scale);
  }

  /** The same tensor under another name. */
  QuantizedTensor renamed(String newName) {
    return new QuantizedTensor(newName, shape, scale, lower, upper, kind);
  }

  /** Reads like {@code x [1, 1, 28, 28] scale 7 in [0, 255] (9 bits)}. */
  @Override
  public String toString() {
    return name + " " + shape + (kind == Kind.INDEX ? " index" : " scale " + scale) + " in [" + lower + ", " + upper
        + "] (" + bits() + " bits)";
  }
}
