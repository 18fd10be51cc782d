package org.zkml4j.model.quant;

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
 * {@link #bits()}.
 *
 * @param name the value's name (the float graph's value name)
 * @param shape its static shape
 * @param scale fractional bits; 0 for an {@link Kind#INDEX}
 * @param min the least integer the value can take
 * @param max the greatest integer the value can take, at least {@code min}
 * @param kind whether the integers are fixed-point reals or indices
 */
public record QuantizedTensor(String name, Shape shape, int scale, long min, long max, Kind kind) {
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
    if (min > max) {
      throw new IllegalArgumentException("tensor " + name + ": empty interval [" + min + ", " + max + "]");
    }
    if (kind == Kind.INDEX && scale != 0) {
      throw new IllegalArgumentException("tensor " + name + ": an index tensor has scale 0, not " + scale);
    }
  }

  /** The signed bit width of the interval: the least b with [min, max] inside [-2^(b-1), 2^(b-1)). */
  public int bits() {
    return IntegerBounds.signedBits(min, max);
  }

  /** The real number an integer of this tensor stands for: v / 2^scale (v itself for an index). */
  public double dequantize(long v) {
    return kind == Kind.INDEX ? v : Math.scalb((double) v, -scale);
  }

  /** The same tensor under another name. */
  QuantizedTensor renamed(String newName) {
    return new QuantizedTensor(newName, shape, scale, min, max, kind);
  }

  /** Reads like {@code x [1, 1, 28, 28] scale 7 in [0, 255] (9 bits)}. */
  @Override
  public String toString() {
    return name + " " + shape + (kind == Kind.INDEX ? " index" : " scale " + scale) + " in [" + min + ", " + max
        + "] (" + bits() + " bits)";
  }
}
