package org.zkml4j.groth16.ceremony;

import org.zkml4j.math.field.LaneField;

/**
 * Vectors of point coordinates (Fq for G1, Fq2 for G2) in {@link LaneField}'s eight-wide layout,
 * with the arithmetic the batched point formulas need, so one formula serves both groups.
 *
 * <p>A vector has room for {@link #capacity} elements (a multiple of 8); an Fq2 vector keeps c0
 * in lane elements [0, capacity) and c1 in [capacity, 2 capacity) of one array. Operations run
 * over the first n elements (n a multiple of 8) and may write over an input. Values stay in
 * LaneField's range [0, 2q). An instance holds scratch vectors: one per thread.
 */
abstract sealed class LaneCoordinates {
  static final LaneField FQ = LaneField.FQ;

  final int capacity;

  private LaneCoordinates(int capacity) {
    if (capacity % LaneField.BLOCK != 0) {
      throw new IllegalArgumentException("capacity must be a multiple of " + LaneField.BLOCK);
    }
    this.capacity = capacity;
  }

  static LaneCoordinates fq(int capacity) {
    return new Fq(capacity);
  }

  static LaneCoordinates fq2(int capacity) {
    return new Fq2Lanes(capacity);
  }

  /** Fq elements per coordinate: 1 or 2. */
  abstract int degree();

  abstract long[] newVector();

  abstract void mul(long[] z, long[] x, long[] y, int n);

  abstract void square(long[] z, long[] x, int n);

  abstract void add(long[] z, long[] x, long[] y, int n);

  abstract void sub(long[] z, long[] x, long[] y, int n);

  /** Inverts the n elements in place; zeros stay zero. */
  abstract void batchInverse(long[] v, int n);

  /** A vector holding the constant (project layout: 4 or 8 longs, Montgomery form) in every element. */
  long[] broadcast(long[] constant) {
    long[] v = newVector();
    for (int i = 0; i < capacity; i++) {
      load(v, i, constant, 0);
    }
    return v;
  }

  /** Element i from a coordinate in the project layout (4 or 8 longs, canonical Montgomery form). */
  void load(long[] z, int i, long[] src, int off) {
    FQ.fromPrimeField(z, i, src, off, 1);
    if (degree() == 2) {
      FQ.fromPrimeField(z, capacity + i, src, off + 4, 1);
    }
  }

  /** Element i to the project layout, canonical. */
  void store(long[] dst, int off, long[] x, int i) {
    FQ.toPrimeField(dst, off, x, i, 1);
    if (degree() == 2) {
      FQ.toPrimeField(dst, off + 4, x, capacity + i, 1);
    }
  }

  /** z[zi] = x[xi] (single elements). */
  void copy(long[] z, int zi, long[] x, int xi) {
    LaneField.copy(z, zi, x, xi, 1);
    if (degree() == 2) {
      LaneField.copy(z, capacity + zi, x, capacity + xi, 1);
    }
  }

  boolean isZero(long[] x, int i) {
    return FQ.isZero(x, i) && (degree() == 1 || FQ.isZero(x, capacity + i));
  }

  void dbl(long[] z, long[] x, int n) {
    add(z, x, x, n);
  }

  private static final class Fq extends LaneCoordinates {
    private final long[] scratch;

    Fq(int capacity) {
      super(capacity);
      scratch = FQ.newVector(capacity);
    }

    @Override
    int degree() {
      return 1;
    }

    @Override
    long[] newVector() {
      return FQ.newVector(capacity);
    }

    @Override
    void mul(long[] z, long[] x, long[] y, int n) {
      FQ.mul(z, 0, x, 0, y, 0, n);
    }

    @Override
    void square(long[] z, long[] x, int n) {
      FQ.square(z, 0, x, 0, n);
    }

    @Override
    void add(long[] z, long[] x, long[] y, int n) {
      FQ.add(z, 0, x, 0, y, 0, n);
    }

    @Override
    void sub(long[] z, long[] x, long[] y, int n) {
      FQ.sub(z, 0, x, 0, y, 0, n);
    }

    @Override
    void batchInverse(long[] v, int n) {
      FQ.batchInverse(v, 0, n, scratch);
    }
  }

  /** Fq2 = Fq[u]/(u^2 + 1): Karatsuba products, inverses through the norm. */
  private static final class Fq2Lanes extends LaneCoordinates {
    private final long[] t0, t1, t2, scratch;

    Fq2Lanes(int capacity) {
      super(capacity);
      t0 = FQ.newVector(capacity);
      t1 = FQ.newVector(capacity);
      t2 = FQ.newVector(capacity);
      scratch = FQ.newVector(capacity);
    }

    @Override
    int degree() {
      return 2;
    }

    @Override
    long[] newVector() {
      return FQ.newVector(2 * capacity);
    }

    @Override
    void mul(long[] z, long[] x, long[] y, int n) {
      int c = capacity;
      FQ.mul(t0, 0, x, 0, y, 0, n); // a0 b0
      FQ.mul(t1, 0, x, c, y, c, n); // a1 b1
      FQ.add(t2, 0, x, 0, x, c, n);
      FQ.add(z, c, y, 0, y, c, n); // z1 is free once x1, y1 are read (z may alias x or y only whole)
      FQ.mul(t2, 0, t2, 0, z, c, n); // (a0 + a1)(b0 + b1)
      FQ.sub(z, 0, t0, 0, t1, 0, n);
      FQ.sub(t2, 0, t2, 0, t0, 0, n);
      FQ.sub(z, c, t2, 0, t1, 0, n);
    }

    @Override
    void square(long[] z, long[] x, int n) {
      int c = capacity;
      FQ.add(t0, 0, x, 0, x, c, n);
      FQ.sub(t1, 0, x, 0, x, c, n);
      FQ.mul(t2, 0, x, 0, x, c, n);
      FQ.mul(z, 0, t0, 0, t1, 0, n); // (a0 + a1)(a0 - a1)
      FQ.add(z, c, t2, 0, t2, 0, n); // 2 a0 a1
    }

    @Override
    void add(long[] z, long[] x, long[] y, int n) {
      FQ.add(z, 0, x, 0, y, 0, n);
      FQ.add(z, capacity, x, capacity, y, capacity, n);
    }

    @Override
    void sub(long[] z, long[] x, long[] y, int n) {
      FQ.sub(z, 0, x, 0, y, 0, n);
      FQ.sub(z, capacity, x, capacity, y, capacity, n);
    }

    @Override
    void batchInverse(long[] v, int n) {
      int c = capacity;
      FQ.square(t0, 0, v, 0, n);
      FQ.square(t1, 0, v, c, n);
      FQ.add(t0, 0, t0, 0, t1, 0, n); // the norm a0^2 + a1^2
      FQ.batchInverse(t0, 0, n, scratch);
      FQ.mul(v, 0, v, 0, t0, 0, n);
      FQ.mul(t1, 0, v, c, t0, 0, n);
      java.util.Arrays.fill(t2, 0, 5 * n, 0L);
      FQ.sub(v, c, t2, 0, t1, 0, n); // -a1 / norm
    }
  }
}
