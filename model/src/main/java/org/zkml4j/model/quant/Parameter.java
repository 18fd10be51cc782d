package org.zkml4j.model.quant;

import java.util.Objects;
import org.zkml4j.model.ir.Shape;

/**
 * A constant integer tensor of a {@link QuantizedGraph}: a layer's weights, bias, slope or constant
 * operand, quantized at its own scale. Parameters are what the compiler's weight visibility applies
 * to (constants in the circuit, private inputs, or private inputs with a public commitment).
 * Immutable: the accessor returns a copy.
 */
public final class Parameter {
  private final String name;
  private final Shape shape;
  private final int scale;
  private final long[] values;
  private final long min;
  private final long max;

  /**
   * @param name unique in its graph, such as {@code conv1.weight}
   * @param scale fractional bits: the integer v stands for v / 2^scale
   * @param values row-major, {@code shape.size()} of them (copied)
   */
  public Parameter(String name, Shape shape, int scale, long[] values) {
    this.name = Objects.requireNonNull(name, "name");
    this.shape = Objects.requireNonNull(shape, "shape");
    if (values.length != shape.size()) {
      throw new IllegalArgumentException("parameter " + name + ": " + values.length + " values for shape " + shape);
    }
    this.scale = scale;
    this.values = values.clone();
    long lo = 0;
    long hi = 0;
    for (long v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    this.min = lo;
    this.max = hi;
  }

  public String name() {
    return name;
  }

  public Shape shape() {
    return shape;
  }

  public int scale() {
    return scale;
  }

  /** A copy of the integers, row-major. */
  public long[] values() {
    return values.clone();
  }

  /** The backing array, for the package's kernels, which only read it. */
  long[] data() {
    return values;
  }

  /** The number of elements. */
  public int size() {
    return values.length;
  }

  /** The least value, or 0 if all are positive: the interval [min, max] always contains 0. */
  public long min() {
    return min;
  }

  /** The greatest value, or 0 if all are negative. */
  public long max() {
    return max;
  }

  /** The signed bits of [min, max]: the range a circuit checks private values of this parameter against. */
  public int bits() {
    return IntegerBounds.signedBits(min, max);
  }

  /** Reads like {@code conv1.weight [4, 1, 3, 3] scale 7 (8 bits)}. */
  @Override
  public String toString() {
    return name + " " + shape + " scale " + scale + " (" + bits() + " bits)";
  }
}
