package org.zkml4j.math.msm;

/**
 * Independent affine point additions, queued and then done together so that one field inversion
 * serves a whole batch (Montgomery's trick), over an array of points held in the batch's own
 * representation. {@link BatchAffineWindowSum} schedules the additions; an implementation decides
 * how points are stored and how the arithmetic runs: {@link ScalarAffineBatch} in the group's
 * {@link org.zkml4j.math.curve.CoordinateField} (4x64-bit Montgomery form), {@link LaneAffineBatch}
 * in eight-lane vector form.
 *
 * <p>Points are named by slot: an index into a point array made by {@link #newPoints}. The point at
 * infinity is stored as all zeros in every representation. Instances hold the pending additions
 * and scratch space, so each is confined to one thread.
 */
interface AffineBatch {
  /** A new array for n points, all at infinity. */
  long[] newPoints(int n);

  /**
   * Stores base i, negated when asked, in slot {@code slot} of pts. The bases are in the form this
   * batch's {@link BaseForm} produced.
   */
  void load(long[] pts, int slot, long[] bases, int i, boolean negate);

  /** Copies point {@code from} of src to slot {@code to} of dst (distinct arrays or slots). */
  void copy(long[] dst, int to, long[] src, int from);

  /**
   * Queues pts[a] += pts[b], to be done by {@link #flush} or earlier when the batch is full. Until
   * then neither point may be read or written by anyone else, and every queued pair must be
   * disjoint from every other: the additions of one batch are independent.
   */
  void add(long[] pts, int a, int b);

  /** Completes the queued additions, all on the same array pts. */
  void flush(long[] pts);

  /**
   * Writes point {@code slot} of pts as an affine point of the group (x then y in Montgomery form,
   * the layout of {@link org.zkml4j.math.curve.CurveGroup}; all zeros for infinity).
   */
  void toAffine(long[] out, int oo, long[] pts, int slot);
}
