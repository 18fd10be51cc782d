package org.zkml4j.math.curve;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.field.PrimeField;

/**
 * A group's coordinate field (Fq, or Fq2 = Fq[u]/(u^2 + 1)) on batches of elements in
 * {@link LaneField} form: every operation advances the elements [from, from + n) of its arrays,
 * eight Fq products per kernel call. The one lane implementation of point coordinates, so that a
 * point formula written once against it runs eight points at a time in either group: the MSM's
 * batched affine bucket additions ({@code org.zkml4j.math.msm}) and the ceremony's batched scalar
 * multiplications and group FFTs ({@code org.zkml4j.groth16.ceremony}) both use it.
 *
 * <p>Layout: a batch array holds {@code cap} elements per component; component j (c0, then c1 for
 * Fq2) of element k is the LaneField element j*cap + k. Ranges and {@code cap} are multiples of
 * {@link LaneField#BLOCK}. Values are in LaneField's range [0, 2p) per component; outputs may be
 * the same array as an input, other overlaps are not allowed. An instance holds scratch vectors,
 * so it is confined to one thread.
 */
public final class LaneCoordinates {
  private static final LaneField FQ = LaneField.FQ;
  private static final int BLOCK = LaneField.BLOCK;
  /** Independent running products in a batch inversion, so consecutive kernel calls do not wait on each other. */
  private static final int CHAINS = 2;
  /** The limbs of 1 in lane form (2^255 mod q). */
  private static final long[] ONE = oneLimbs();

  /** Components per element: 1 (Fq) or 2 (Fq2). */
  private final int components;
  /** Elements per component of a batch array. */
  private final int cap;
  /** Scratch for Fq2 products (null for Fq), and an all-zero vector to subtract from and copy. */
  private final long[] t0, t1, t2, t3, zero;
  /** Scratch for the scalar inversion of the chains' products. */
  private final long[] totals = Bn254.FQ.newVector(CHAINS * BLOCK);
  private final long[] totalsScratch = Bn254.FQ.newVector(CHAINS * BLOCK);
  private final long[] inverses = FQ.newVector(CHAINS * BLOCK);
  /** Per element of a {@link #batchInverseOrZero} call: whether it was zero. */
  private boolean[] zeros = new boolean[0];

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
    this.zero = FQ.newVector(cap);
  }

  /**
   * Fq, the coordinates of G1, on batch arrays of {@code cap} elements.
   *
   * @throws IllegalArgumentException unless cap is a multiple of {@link LaneField#BLOCK}
   */
  public static LaneCoordinates fq(int cap) {
    return new LaneCoordinates(1, cap);
  }

  /**
   * Fq2, the coordinates of G2, on batch arrays of {@code cap} elements.
   *
   * @throws IllegalArgumentException unless cap is a multiple of {@link LaneField#BLOCK}
   */
  public static LaneCoordinates fq2(int cap) {
    return new LaneCoordinates(2, cap);
  }

  /** Fq components per element: 1 (Fq) or 2 (Fq2). */
  public int components() {
    return components;
  }

  /** Elements per batch array. */
  public int capacity() {
    return cap;
  }

  /** A new batch array of {@link #capacity} elements, all zero. */
  public long[] newBatch() {
    return FQ.newVector(components * cap);
  }

  /** A batch array holding the constant (4 or 8 longs, Montgomery form, R = 2^256) in every element. */
  public long[] broadcast(long[] constant) {
    long[] v = newBatch();
    for (int k = 0; k < cap; k++) {
      load(v, k, constant, 0);
    }
    return v;
  }

  /** Element k of z from an element in the 4x64-bit layout ({@link org.zkml4j.math.field.PrimeField}, canonical). */
  public void load(long[] z, int k, long[] src, int off) {
    for (int j = 0; j < components; j++) {
      FQ.fromPrimeField(z, j * cap + k, src, off + 4 * j, 1);
    }
  }

  /** Element k of x to the 4x64-bit layout, canonical. */
  public void store(long[] dst, int off, long[] x, int k) {
    for (int j = 0; j < components; j++) {
      FQ.toPrimeField(dst, off + 4 * j, x, j * cap + k, 1);
    }
  }

  /** Element zk of z = element xk of x (any positions; z and x may be the same array). */
  public void copy(long[] z, int zk, long[] x, int xk) {
    for (int j = 0; j < components; j++) {
      LaneField.copy(z, j * cap + zk, x, j * cap + xk, 1);
    }
  }

  /** Elements [from, from + n) of z = those of x. */
  public void copy(long[] z, long[] x, int from, int n) {
    for (int j = 0, o = from; j < components; j++, o += cap) {
      LaneField.copy(z, o, x, o, n);
    }
  }

  /** True when element k of x is zero. */
  public boolean isZero(long[] x, int k) {
    for (int j = 0; j < components; j++) {
      if (!FQ.isZero(x, j * cap + k)) {
        return false;
      }
    }
    return true;
  }

  /** z = the conjugate of x (c0 - c1 u); in Fq the identity. */
  public void conjugate(long[] z, long[] x, int from, int n) {
    LaneField.copy(z, from, x, from, n);
    if (components == 2) {
      FQ.sub(z, cap + from, zero, from, x, cap + from, n);
    }
  }

  /** z = x + y. */
  public void add(long[] z, long[] x, long[] y, int from, int n) {
    for (int j = 0, o = from; j < components; j++, o += cap) {
      FQ.add(z, o, x, o, y, o, n);
    }
  }

  /** z = x - y. */
  public void sub(long[] z, long[] x, long[] y, int from, int n) {
    for (int j = 0, o = from; j < components; j++, o += cap) {
      FQ.sub(z, o, x, o, y, o, n);
    }
  }

  /** Each component mod p, in [0, p): the unique form, so equal elements have equal limbs. */
  public void canonicalize(long[] z, long[] x, int from, int n) {
    for (int j = 0, o = from; j < components; j++, o += cap) {
      FQ.canonicalize(z, o, x, o, n);
    }
  }

  /** z = x * y; in Fq2 by Karatsuba, three Fq products. */
  public void mul(long[] z, long[] x, long[] y, int from, int n) {
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
  public void square(long[] z, long[] x, int from, int n) {
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

  /** Sets element k (all components) to 1. */
  public void setOne(long[] z, int k) {
    int o = (k >>> 3) * LaneField.LIMBS * BLOCK + (k & (BLOCK - 1));
    for (int l = 0; l < LaneField.LIMBS; l++) {
      z[o + BLOCK * l] = ONE[l];
      for (int j = 1; j < components; j++) {
        z[o + j * LaneField.LIMBS * cap + BLOCK * l] = 0;
      }
    }
  }

  /**
   * Replaces each element by its inverse, with one scalar Fq inversion for the batch; in Fq2
   * through the norm, 1/a = conj(a) / (a0^2 + a1^2), about 7 Fq products each. Every element must
   * be non-zero (unchecked: a zero makes the whole batch wrong).
   *
   * @param scratch a batch array ({@link #newBatch}), overwritten
   */
  public void batchInverse(long[] v, int from, int n, long[] scratch) {
    if (components == 1) {
      invert(v, from, n, scratch);
      return;
    }
    int c1 = cap + from;
    FQ.square(t0, from, v, from, n);
    FQ.square(t1, from, v, c1, n);
    FQ.add(t0, from, t0, from, t1, from, n); // the norm, non-zero for non-zero elements
    invert(t0, from, n, scratch);
    FQ.mul(v, from, v, from, t0, from, n);
    FQ.mul(v, c1, v, c1, t0, from, n);
    FQ.sub(v, c1, zero, from, v, c1, n);
  }

  /**
   * {@link #batchInverse} for batches that may hold zeros (lanes a caller has flagged, or padding
   * past the last job): they stay zero and the others are inverted. Costs one scalar zero test
   * per element more.
   */
  public void batchInverseOrZero(long[] v, int from, int n, long[] scratch) {
    if (zeros.length < n) {
      zeros = new boolean[n];
    }
    for (int k = 0; k < n; k++) {
      zeros[k] = isZero(v, from + k);
      if (zeros[k]) {
        setOne(v, from + k);
      }
    }
    batchInverse(v, from, n, scratch);
    for (int k = 0; k < n; k++) {
      if (zeros[k]) {
        for (int j = 0; j < components; j++) {
          LaneField.copy(v, j * cap + from + k, zero, 0, 1);
        }
      }
    }
  }

  /**
   * Montgomery's trick on n non-zero Fq elements in lanes: each lane of each of {@link #CHAINS}
   * interleaved chains of blocks keeps a running product (3 lane products per element), and the
   * chains' 16 products are inverted together in scalar form (one inversion, 45 products).
   */
  private void invert(long[] v, int from, int n, long[] scratch) {
    int blocks = n / BLOCK, chains = Math.min(CHAINS, blocks), blockLongs = LaneField.LIMBS * BLOCK;
    if (blocks == 0) {
      return;
    }
    // scratch block b: the product of blocks b, b - chains, b - 2 chains, ... of v
    System.arraycopy(v, LaneField.LIMBS * from, scratch, 0, chains * blockLongs);
    for (int b = chains; b < blocks; b++) {
      FQ.mul(scratch, BLOCK * b, scratch, BLOCK * (b - chains), v, from + BLOCK * b, BLOCK);
    }
    for (int b = blocks - chains; b < blocks; b++) {
      FQ.toPrimeField(totals, PrimeField.LIMBS * BLOCK * (b % chains), scratch, BLOCK * b, BLOCK);
    }
    Bn254.FQ.batchInverseVartime(totals, 0, chains * BLOCK, totalsScratch); // points are public data
    FQ.fromPrimeField(inverses, 0, totals, 0, chains * BLOCK); // block k: 1 / (chain k's product so far)
    for (int b = blocks - 1; b >= chains; b--) {
      int k = BLOCK * (b % chains);
      FQ.mul(scratch, BLOCK * b, inverses, k, scratch, BLOCK * (b - chains), BLOCK); // 1 / block b
      FQ.mul(inverses, k, inverses, k, v, from + BLOCK * b, BLOCK);
      System.arraycopy(scratch, blockLongs * b, v, LaneField.LIMBS * from + blockLongs * b, blockLongs);
    }
    for (int b = 0; b < chains; b++) {
      System.arraycopy(inverses, blockLongs * b, v, LaneField.LIMBS * from + blockLongs * b, blockLongs);
    }
  }

  private static long[] oneLimbs() {
    long[] one = FQ.newVector(1);
    FQ.fromBigInteger(one, 0, BigInteger.ONE);
    long[] limbs = new long[LaneField.LIMBS];
    for (int l = 0; l < limbs.length; l++) {
      limbs[l] = one[BLOCK * l];
    }
    return limbs;
  }
}
