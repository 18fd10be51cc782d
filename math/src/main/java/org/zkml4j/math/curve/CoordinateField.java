package org.zkml4j.math.curve;

/**
 * The field a group's coordinates live in (Fq for G1, Fq2 for G2), seen through the handful of
 * in-place operations point formulas need, so that one copy of a formula serves both groups: the
 * group law here, batched affine additions in {@code org.zkml4j.math.msm}. Obtain it from
 * {@link CurveGroup#coordinates()}.
 *
 * <p>Elements are {@link #size()} longs at an offset, in Montgomery form; outputs may alias inputs.
 * The Fq2 view holds scratch space, so like its group it is confined to one thread.
 */
public sealed interface CoordinateField permits FqCoordinates, Fq2Coordinates {
  /** Longs per element: 4 for Fq, 8 for Fq2. */
  int size();

  void add(long[] z, int zo, long[] x, int xo, long[] y, int yo);

  void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo);

  void dbl(long[] z, int zo, long[] x, int xo);

  void neg(long[] z, int zo, long[] x, int xo);

  void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo);

  void square(long[] z, int zo, long[] x, int xo);

  /** z = 1/x; x must be non-zero. */
  void inverse(long[] z, int zo, long[] x, int xo);

  /**
   * Inverts n consecutive elements in place with a single field inversion; zeros stay zero.
   *
   * @param scratch at least {@code size() * n} longs, overwritten
   */
  void batchInverse(long[] v, int offset, int n, long[] scratch);

  boolean isZero(long[] x, int xo);

  boolean equal(long[] x, int xo, long[] y, int yo);

  void setZero(long[] z, int zo);

  void setOne(long[] z, int zo);

  default void copy(long[] z, int zo, long[] x, int xo) {
    System.arraycopy(x, xo, z, zo, size());
  }
}
