package org.zkml4j.model.ir;

import java.util.Arrays;

/**
 * The dimensions of a tensor, outermost first. Every dimension is known: a model's symbolic batch
 * dimension is bound to a number on import, so shapes are static throughout a {@link Graph}. The
 * element count fits in an {@code int}, because tensors live in Java arrays.
 */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    long n = 1;
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
      }
    }
    this.dims = dims;
    this.size = (int) n;
  }

  /**
   * A shape with the given dimensions (copied).
   *
   * @throws IllegalArgumentException if a dimension is negative or the element count exceeds
   *     {@code Integer.MAX_VALUE}
   */
  public static Shape of(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  /** The shape of a scalar: rank 0, one element. */
  public static Shape scalar() {
    return SCALAR;
  }

  public int rank() {
    return dims.length;
  }

  /** Dimension {@code axis}, counted from 0 (negative axes are not accepted here). */
  public int dim(int axis) {
    return dims[axis];
  }

  /** The number of elements: the product of the dimensions (1 for a scalar). */
  public int size() {
    return size;
  }

  /** A copy of the dimensions. */
  public int[] toArray() {
    return dims.clone();
  }

  /** The product of dimensions {@code [from, to)}. */
  public int sizeOf(int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      n *= dims[i];
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Reads like {@code [1, 3, 28, 28]}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
