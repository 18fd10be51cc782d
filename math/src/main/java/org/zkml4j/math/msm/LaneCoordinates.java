package org.zkml4j.math.msm;

import org.zkml4j.math.field.LaneField;

/**
 * A group's coordinate field (Fq, or Fq2 = Fq[u]/(u^2 + 1)) on batches of elements in
 * {@link LaneField} form, for {@link LaneAffineBatch}: every operation advances the elements
 * [from, from + n) of its arrays, eight Fq products per kernel call.
 *
 * <p>Layout: a batch array holds {@code cap} elements per component; component j (c0, then c1 for
 * Fq2) of element k is the LaneField element j*cap + k. Ranges and {@code cap} are multiples of
 * {@link LaneField#BLOCK}. Values are in LaneField's range [0, 2p) per component; outputs may be
 * the same array as an input, other overlaps are not allowed. An Fq2 instance holds scratch
 * vectors, so it is confined to one thread.
 */
final class LaneCoordinates {
  private static final LaneField FQ = LaneField.FQ;

  /** Components per element: 1 (Fq) or 2 (Fq2). */
  final int components;
  /** Elements per component of a batch array. */
  final int cap;
  /** Scratch for Fq2 products (null for Fq), and an all-zero vector to subtract from. */
  private final long[] t0, t1, t2, t3, zero;

  private LaneCoordinates(int components, int cap) {
    if (cap % LaneField.BLOCK != 0) {
      throw new IllegalArgumentException("capacity " + cap + " is not a multiple of " + LaneField.BLOCK);
    }
    this.components = components;
    this.cap = cap;
    boolean fq2 = components == 2;
    this.t0 = fq2 ? FQ.newVector(cap) : null;
    this.t1 = fq2 ? FQ.newVector(cap) : null;
    this.t2 = fq2 ? FQ.newVector(cap) : null;
    this.t3 = fq2 ? FQ.newVector(cap) : null;
    this.zero = fq2 ? FQ.newVector(cap) : null;
  }

  /** Fq, the coordinates of G1. */
  static LaneCoordinates fq(int cap) {
    return new LaneCoordinates(1, cap);
  }

  /** Fq2, the coordinates of G2. */
  static LaneCoordinates fq2(int cap) {
    return new LaneCoordinates(2, cap);
  }

  /** A new batch array of cap elements. */
  long[] newBatch() {
    return FQ.newVector(components * cap);
  }

  void add(long[] z, long[] x, long[] y, int from, int n) {
    for (int j = 0, o = from; j < components; j++, o += cap) {
      FQ.add(z, o, x, o, y, o, n);
    }
  }

  void sub(long[] z, long[] x, long[] y, int from, int n) {
    for (int j = 0, o = from; j < components; j++, o += cap) {
      FQ.sub(z, o, x, o, y, o, n);
    }
  }

  /** Each component mod p, in [0, p): the unique form, so equal elements have equal limbs. */
  void canonicalize(long[] z, long[] x, int from, int n) {
    for (int j = 0, o = from; j < components; j++, o += cap) {
      FQ.canonicalize(z, o, x, o, n);
    }
  }

  /** z = x * y; in Fq2 by Karatsuba, three Fq products. */
  void mul(long[] z, long[] x, long[] y, int from, int n) {
    if (components == 1) {
      FQ.mul(z, from, x, from, y, from, n);
      return;
    }
    int c1 = cap + from;
    FQ.mul(t0, from, x, from, y, from, n); // a0 b0
    FQ.mul(t1, from, x, c1, y, c1, n); // a1 b1
    FQ.add(t2, from, x, from, x, c1, n);
    FQ.add(t3, from, y, from, y, c1, n);
    FQ.mul(t2, from, t2, from, t3, from, n); // (a0 + a1)(b0 + b1)
    FQ.sub(t2, from, t2, from, t0, from, n);
    FQ.sub(z, from, t0, from, t1, from, n); // a0 b0 - a1 b1
    FQ.sub(z, c1, t2, from, t1, from, n); // a0 b1 + a1 b0
  }

  /** z = x^2; in Fq2 as (a0 + a1)(a0 - a1) + 2 a0 a1 u, two Fq products. */
  void square(long[] z, long[] x, int from, int n) {
    if (components == 1) {
      FQ.square(z, from, x, from, n);
      return;
    }
    int c1 = cap + from;
    FQ.add(t0, from, x, from, x, c1, n);
    FQ.sub(t1, from, x, from, x, c1, n);
    FQ.mul(t2, from, x, from, x, c1, n);
    FQ.mul(z, from, t0, from, t1, from, n);
    FQ.add(z, c1, t2, from, t2, from, n);
  }

  /**
   * Replaces each element by its inverse (zeros stay zero) with one scalar Fq inversion for the
   * batch; in Fq2 through the norm, 1/a = conj(a) / (a0^2 + a1^2), about 7 Fq products each.
   *
   * @param scratch a batch array ({@link #newBatch}), overwritten
   */
  void batchInverse(long[] v, int from, int n, long[] scratch) {
    if (components == 1) {
      FQ.batchInverse(v, from, n, scratch);
      return;
    }
    int c1 = cap + from;
    FQ.square(t0, from, v, from, n);
    FQ.square(t1, from, v, c1, n);
    FQ.add(t0, from, t0, from, t1, from, n); // the norm, zero only for zero
    FQ.batchInverse(t0, from, n, scratch);
    FQ.mul(v, from, v, from, t0, from, n);
    FQ.mul(v, c1, v, c1, t0, from, n);
    FQ.sub(v, c1, zero, from, v, c1, n);
  }
}
