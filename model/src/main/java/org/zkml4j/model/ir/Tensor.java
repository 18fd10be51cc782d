package org.zkml4j.model.ir;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable dense tensor: a {@link Shape} and its elements in row-major order, held in a flat
 * {@code float[]} ({@link ElementType#FLOAT}) or {@code long[]} ({@link ElementType#INT64}).
 *
 * <p>The public factories copy the array they are given and the accessors return copies, so a
 * tensor never changes once made; inside this package kernels share the arrays without copying.
 */
public final class Tensor {
  private final Shape shape;
  private final float[] floats;
  private final long[] longs;

  private Tensor(Shape shape, float[] floats, long[] longs) {
    this.shape = Objects.requireNonNull(shape, "shape");
    int length = floats != null ? floats.length : longs.length;
    if (length != shape.size()) {
      throw new IllegalArgumentException(length + " elements do not fill shape " + shape + " ("
          + shape.size() + " elements)");
    }
    this.floats = floats;
    this.longs = longs;
  }

  /** A float tensor holding a copy of {@code data}, whose length must be {@code shape.size()}. */
  public static Tensor ofFloats(Shape shape, float... data) {
    return new Tensor(shape, data.clone(), null);
  }

  /** An int64 tensor holding a copy of {@code data}, whose length must be {@code shape.size()}. */
  public static Tensor ofLongs(Shape shape, long... data) {
    return new Tensor(shape, null, data.clone());
  }

  /** Wraps {@code data} without copying; the caller hands it over and must not change it. */
  static Tensor wrap(Shape shape, float[] data) {
    return new Tensor(shape, data, null);
  }

  /** Wraps {@code data} without copying; the caller hands it over and must not change it. */
  static Tensor wrap(Shape shape, long[] data) {
    return new Tensor(shape, null, data);
  }

  public ElementType type() {
    return floats != null ? ElementType.FLOAT : ElementType.INT64;
  }

  public Shape shape() {
    return shape;
  }

  /** The number of elements. */
  public int size() {
    return shape.size();
  }

  /** Element {@code i} (row-major) of a float tensor. */
  public float getFloat(int i) {
    requireType(ElementType.FLOAT);
    return floats[i];
  }

  /** Element {@code i} (row-major) of an int64 tensor. */
  public long getLong(int i) {
    requireType(ElementType.INT64);
    return longs[i];
  }

  /** A copy of the elements of a float tensor. */
  public float[] toFloatArray() {
    requireType(ElementType.FLOAT);
    return floats.clone();
  }

  /** A copy of the elements of an int64 tensor. */
  public long[] toLongArray() {
    requireType(ElementType.INT64);
    return longs.clone();
  }

  /** The same elements seen with another shape of the same size (no copy). */
  public Tensor reshape(Shape newShape) {
    return new Tensor(newShape, floats, longs);
  }

  float[] floatData() {
    return floats;
  }

  long[] longData() {
    return longs;
  }

  /** The float array or the long array, for code that only moves elements around. */
  Object data() {
    return floats != null ? floats : longs;
  }

  private void requireType(ElementType expected) {
    if (type() != expected) {
      throw new IllegalStateException("tensor is " + type() + ", not " + expected);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && shape.equals(t.shape) && Arrays.equals(floats, t.floats)
        && Arrays.equals(longs, t.longs);
  }

  @Override
  public int hashCode() {
    return shape.hashCode() * 31 + (floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(longs));
  }

  /** The type and shape, and the elements when there are at most 8, like {@code FLOAT[2] {1.0, 2.0}}. */
  @Override
  public String toString() {
    String head = type() + shape.toString();
    if (size() > 8) {
      return head;
    }
    return head + " " + (floats != null ? Arrays.toString(floats) : Arrays.toString(longs))
        .replace('[', '{').replace(']', '}');
  }
}
