package org.zkml4j.math.msm;

/**
 * Independent affine point additions, queued and then done together so that one field inversion
 * serves a whole batch (Montgomery's trick), over arrays of points held in the batch's own
 * representation. {@link BatchAffineWindowSum} schedules the additions; an implementation decides
 * how points are stored and how the arithmetic runs: {@link ScalarAffineBatch} in the group's
 * {@link org.zkml4j.math.curve.CoordinateField} (4x64-bit Montgomery form), {@link LaneAffineBatch}
 * in eight-lane vector form.
 *
 * <p>Points are named by slot: an index into a point array made by {@link #newPoints}. The point at
 * infinity is stored as all zeros in every representation. Every case of the group law is handled:
 * an operand at infinity, equal points (a doubling), opposite points (infinity). Instances hold
 * the queued additions and scratch space, so each is confined to one thread.
 */
interface AffineBatch {
  /** A new array for n points, all at infinity. */
  long[] newPoints(int n);

  /**
   * Stores a base in slot {@code slot} of pts: base {@code entry}, or when entry is negative base
   * ~entry negated. The bases are in the form this batch's {@link BaseForm} produced.
   */
  void load(long[] pts, int slot, long[] bases, int entry);

  /** Copies point {@code from} of src to slot {@code to} of dst (distinct arrays or slots). */
  void copy(long[] dst, int to, long[] src, int from);

  /**
   * Queues pts[a] += pts[b]. The operands are read at once, so slot b is free again after the
   * call; the sum is written by {@link #flush}, or earlier when the batch is full, and until then
   * slot a must not be read, written, or queued again. A batch writes to one array: queuing for
   * another flushes the batch first.
   */
  void add(long[] pts, int a, int b);

  /**
   * Queues pts[a] += base {@code entry} of bases (base ~entry negated when entry is negative), the
   * bases in the form this batch's {@link BaseForm} produced; otherwise as {@link #add}. Lets
   * bucket sums accumulate straight from the bases, without first copying each base into pts.
   */
  void addBase(long[] pts, int a, long[] bases, int entry);

  /** Writes the sums of all queued additions. */
  void flush();

  /**
   * Writes point {@code slot} of pts as an affine point of the group (x then y in Montgomery form,
   * the layout of {@link org.zkml4j.math.curve.CurveGroup}; all zeros for infinity).
   */
  void toAffine(long[] out, int oo, long[] pts, int slot);
}
