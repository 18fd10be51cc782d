package org.zkml4j.math.field;

import java.math.BigInteger;

/**
 * Arithmetic modulo a BN254 prime (or another odd p that meets the constructor's bound) on many
 * independent elements at once: 5 x 51-bit limbs in structure-of-arrays layout, multiplied eight
 * at a time with the Vector API and exact floating-point FMA (see {@link LaneKernel} for how).
 *
 * <p>Use it where work comes in batches of independent products: the bucket additions of a
 * batch-affine MSM, the butterflies of one NTT layer. With eight products available at once, one
 * costs about an eighth of a {@link PrimeField#mul} (about 9 against 72 ns on a Zen 4 core); a
 * single product still takes a whole kernel call, so serial chains (one inversion, one running
 * accumulator) belong in {@link PrimeField} form, reached through {@link #toPrimeField}.
 *
 * <h2>Layout</h2>
 *
 * A vector of n elements is a {@code long[]} of 5*n longs in blocks of {@link #BLOCK} = 8
 * elements: element i has limb k (k = 0..4, least significant first) at index
 * {@code 40*(i/8) + 8*k + i%8}. The limbs are 51-bit digits in [0, 2^51) of an integer V, which
 * stands for the field element V * 2^-255 mod p (Montgomery form with R = 2^255, where
 * {@link PrimeField} uses R = 2^256). Vectors are caller-owned; operations take (array, element
 * index) pairs and write in place, so hot loops allocate nothing.
 *
 * <h2>Value ranges</h2>
 *
 * Every arithmetic operation accepts V in [0, 2p) and produces V in [0, 2p) with normalised
 * limbs, so results feed any operation with no reduction in between. Outputs are therefore not
 * canonical: the same element may appear as V or V + p. {@link #canonicalize} maps [0, 2p) to
 * [0, p), and {@link #toPrimeField}, {@link #toBigInteger} and {@link #isZero} do so themselves.
 * The ranges are not checked (that would cost as much as the arithmetic): an input outside them,
 * or with a limb of 2^51 or more, gives a wrong result, never an exception.
 *
 * <h2>Batches</h2>
 *
 * Arithmetic runs over n elements from element indices that are multiples of {@link #BLOCK},
 * with n a multiple of {@link #BLOCK}. An output may be the same elements as an input (z == x,
 * zi == xi); other overlaps are not allowed.
 *
 * <h2>Batch-affine additions</h2>
 *
 * An MSM adds n independent pairs of affine points (P into bucket b) like this: gather x1, y1,
 * x2, y2 into four vectors ({@link #copy} from SoA bucket storage, or {@link #fromPrimeField}
 * from {@link PrimeField} coordinates); {@code sub} dx = x2 - x1; {@link #batchInverse}(dx),
 * which multiplies in the lanes and inverts once in scalar form; lambda = (y2 - y1) * dx;
 * x3 = lambda^2 - x1 - x2; y3 = lambda * (x1 - x3) - y1; scatter back. That is 5 products (3 of
 * them in the batch inversion), one square and 6 subtractions per addition, all eight-wide. Pairs with x1 = x2 (doubling, or
 * P = -Q) must be sorted out first ({@link #isZero} of dx); their dx would invert to zero.
 *
 * <h2>Running fast</h2>
 *
 * The kernels need {@code --add-modules jdk.incubator.vector}, and they are fast only once C2
 * has compiled them: interpreted or C1-compiled Vector API code is 100 to 1000 times slower.
 * With tiered compilation the multiplication reached C2 in every run measured (it is kept small
 * for that), but large Vector API methods have been seen to stay in C1 code for a whole run, so
 * for benchmarks and long proofs run with {@code -XX:-TieredCompilation}, or check with
 * {@code -XX:+PrintCompilation} that {@code LaneKernel::mul} reached tier 4. Where the machine
 * has no 512-bit vectors the kernels use its preferred width ({@link #lanes()}), with the same
 * layout.
 *
 * <p>Instances are immutable and thread-safe, and every method works on the range it is given
 * and nothing else, so large conversions or batches split across threads with
 * {@link org.zkml4j.math.parallel.Parallelism#forRange} (arithmetic ranges block-aligned). The
 * methods themselves stay single-threaded: they are meant to run inside such tasks.
 */
public final class LaneField {
  /** Elements per block of the layout; batch starts and lengths are multiples of it. */
  public static final int BLOCK = LaneKernel.BLOCK;
  /** Limbs per element. */
  public static final int LIMBS = LaneKernel.LIMBS;
  /** Bits per limb. */
  public static final int LIMB_BITS = LaneKernel.BITS;

  /** The scalar field Fr. */
  public static final LaneField FR = new LaneField(Bn254.FR);
  /** The base field Fq. */
  public static final LaneField FQ = new LaneField(Bn254.FQ);

  private static final int BLOCK_LONGS = LIMBS * BLOCK;
  private static final long MASK = LaneKernel.MASK;
  private static final int STEP = LaneKernel.LANES;

  private final PrimeField field;
  private final LaneKernel kernel;
  private final long[] p;
  /** 2^255 mod p: the element 1. */
  private final long[] one;

  /**
   * Lane arithmetic for the modulus of {@code field}.
   *
   * @throws IllegalArgumentException unless 4p^2 + 2^255 p &lt; 2^510, the bound under which a
   *     product of two inputs in [0, 2p) stays below 2^255 before its final subtraction (true for
   *     both BN254 fields, whose p is about 0.378 * 2^255)
   */
  public LaneField(PrimeField field) {
    BigInteger modulus = field.modulus();
    BigInteger r = BigInteger.ONE.shiftLeft(LIMBS * LIMB_BITS);
    BigInteger bound = modulus.multiply(modulus).shiftLeft(2).add(r.multiply(modulus));
    if (bound.compareTo(r.multiply(r)) >= 0) {
      throw new IllegalArgumentException("modulus too large for 5x51-bit lanes: " + modulus);
    }
    this.field = field;
    this.kernel = new LaneKernel(modulus);
    this.p = LaneKernel.limbs(modulus);
    this.one = LaneKernel.limbs(r.mod(modulus));
  }

  /** The 4x64-bit field this one converts to and from. */
  public PrimeField field() {
    return field;
  }

  /**
   * Elements one kernel call advances: 8 where the machine has 512-bit vectors, else the width
   * the JVM prefers. The layout is the same either way.
   */
  public static int lanes() {
    return STEP;
  }

  /** A new zeroed vector with room for n elements, rounded up to whole blocks. */
  public long[] newVector(int n) {
    return new long[BLOCK_LONGS * ((n + BLOCK - 1) / BLOCK)];
  }

  // ---------------------------------------------------------------- conversions

  /**
   * Converts n elements from {@link PrimeField}'s form (x[xo + 4j..], canonical, R = 2^256) to
   * elements zi.. of z, in [0, p). Any start and length. Exact: the change of R is a halving
   * mod p.
   */
  public void fromPrimeField(long[] z, int zi, long[] x, int xo, int n) {
    for (int j = 0; j < n; j++) {
      int o = xo + PrimeField.LIMBS * j;
      long w0 = x[o], w1 = x[o + 1], w2 = x[o + 2], w3 = x[o + 3];
      long l0 = w0 & MASK;
      long l1 = (w0 >>> 51 | w1 << 13) & MASK;
      long l2 = (w1 >>> 38 | w2 << 26) & MASK;
      long l3 = (w2 >>> 25 | w3 << 39) & MASK;
      long l4 = w3 >>> 12;
      // v * 2^-1 mod p: v/2 if v is even, else (v + p)/2 (v + p < 2^255 has no carry out)
      long odd = -(l0 & 1);
      l0 += p[0] & odd;
      l1 += (p[1] & odd) + (l0 >>> 51);
      l2 += (p[2] & odd) + (l1 >>> 51);
      l3 += (p[3] & odd) + (l2 >>> 51);
      l4 += (p[4] & odd) + (l3 >>> 51);
      int e = at(zi + j);
      z[e] = (l0 & MASK) >>> 1 | (l1 & 1) << 50;
      z[e + BLOCK] = (l1 & MASK) >>> 1 | (l2 & 1) << 50;
      z[e + 2 * BLOCK] = (l2 & MASK) >>> 1 | (l3 & 1) << 50;
      z[e + 3 * BLOCK] = (l3 & MASK) >>> 1 | (l4 & 1) << 50;
      z[e + 4 * BLOCK] = l4 >>> 1;
    }
  }

  /**
   * Converts n elements xi.. of x (in [0, 2p)) to {@link PrimeField}'s canonical form at
   * z[zo + 4j..]. Any start and length. Exact: the change of R is a doubling mod p.
   */
  public void toPrimeField(long[] z, int zo, long[] x, int xi, int n) {
    long[] l = new long[LIMBS];
    long[] d = new long[LIMBS];
    for (int j = 0; j < n; j++) {
      int e = at(xi + j);
      for (int k = 0; k < LIMBS; k++) {
        l[k] = x[e + BLOCK * k];
      }
      subtractIfAtLeast(l, p, d);
      // 2v mod p: double (2v < 2p < 2^255, so the top limb keeps no carry), then subtract p once
      long carry = 0;
      for (int k = 0; k < LIMBS - 1; k++) {
        long t = (l[k] << 1) + carry;
        l[k] = t & MASK;
        carry = t >>> 51;
      }
      l[LIMBS - 1] = (l[LIMBS - 1] << 1) + carry;
      subtractIfAtLeast(l, p, d);
      int o = zo + PrimeField.LIMBS * j;
      z[o] = l[0] | l[1] << 51;
      z[o + 1] = l[1] >>> 13 | l[2] << 38;
      z[o + 2] = l[2] >>> 26 | l[3] << 25;
      z[o + 3] = l[3] >>> 39 | l[4] << 12;
    }
  }

  /** Writes v mod p (any integer) as element zi of z, in [0, p). */
  public void fromBigInteger(long[] z, int zi, BigInteger v) {
    fromPrimeField(z, zi, field.element(v), 0, 1);
  }

  /** The canonical value in [0, p) of element xi of x. */
  public BigInteger toBigInteger(long[] x, int xi) {
    long[] w = new long[PrimeField.LIMBS];
    toPrimeField(w, 0, x, xi, 1);
    return field.toBigInteger(w, 0);
  }

  /** Copies n elements xi.. of x to zi.. of z, any starts and length (not overlapping). */
  public static void copy(long[] z, int zi, long[] x, int xi, int n) {
    if (((zi | xi | n) & (BLOCK - 1)) == 0) {
      System.arraycopy(x, at(xi), z, at(zi), LIMBS * n);
      return;
    }
    for (int j = 0; j < n; j++) {
      int a = at(xi + j), b = at(zi + j);
      for (int k = 0; k < LIMBS * BLOCK; k += BLOCK) {
        z[b + k] = x[a + k];
      }
    }
  }

  /** True when element xi of x (in [0, 2p)) is zero mod p, i.e. its limbs spell 0 or p. */
  public boolean isZero(long[] x, int xi) {
    int e = at(xi);
    long any = 0, diff = 0;
    for (int k = 0; k < LIMBS; k++) {
      long limb = x[e + BLOCK * k];
      any |= limb;
      diff |= limb ^ p[k];
    }
    return any == 0 || diff == 0;
  }

  // ---------------------------------------------------------------- arithmetic

  /** z = x * y for n elements; inputs and outputs in [0, 2p). */
  public void mul(long[] z, int zi, long[] x, int xi, long[] y, int yi, int n) {
    checkBatch(zi, xi, yi, n);
    for (int j = 0; j < n; j += STEP) {
      kernel.mul(z, at(zi + j), x, at(xi + j), y, at(yi + j));
    }
  }

  /** z = x^2 for n elements; input and output in [0, 2p). */
  public void square(long[] z, int zi, long[] x, int xi, int n) {
    checkBatch(zi, xi, xi, n);
    for (int j = 0; j < n; j += STEP) {
      kernel.square(z, at(zi + j), x, at(xi + j));
    }
  }

  /** z = x + y for n elements; inputs and outputs in [0, 2p). */
  public void add(long[] z, int zi, long[] x, int xi, long[] y, int yi, int n) {
    checkBatch(zi, xi, yi, n);
    for (int j = 0; j < n; j += STEP) {
      kernel.add(z, at(zi + j), x, at(xi + j), y, at(yi + j));
    }
  }

  /** z = x - y for n elements; inputs and outputs in [0, 2p). */
  public void sub(long[] z, int zi, long[] x, int xi, long[] y, int yi, int n) {
    checkBatch(zi, xi, yi, n);
    for (int j = 0; j < n; j += STEP) {
      kernel.sub(z, at(zi + j), x, at(xi + j), y, at(yi + j));
    }
  }

  /** z = x mod p for n elements: input in [0, 2p), output in [0, p), the unique form. */
  public void canonicalize(long[] z, int zi, long[] x, int xi, int n) {
    checkBatch(zi, xi, xi, n);
    for (int j = 0; j < n; j += STEP) {
      kernel.canonicalize(z, at(zi + j), x, at(xi + j));
    }
  }

  /**
   * Replaces each of n elements vi.. of v (in [0, 2p)) by its inverse, in [0, 2p); zeros stay
   * zero. Montgomery's trick run in the lanes: each lane keeps its own running product, so the
   * cost is 3 lane multiplications per element plus one scalar inversion and 21 scalar
   * multiplications for the whole batch.
   *
   * @param scratch at least 5*n longs ({@link #newVector}(n)); overwritten
   */
  public void batchInverse(long[] v, int vi, int n, long[] scratch) {
    checkBatch(vi, vi, vi, n);
    if (n == 0) {
      return;
    }
    long[] zeros = new long[(n + 63) >>> 6];
    for (int j = 0; j < n; j++) {
      if (isZero(v, vi + j)) { // a zero would wipe out its lane's product: invert 1 instead
        zeros[j >>> 6] |= 1L << j;
        setLimbs(v, vi + j, one);
      }
    }
    // scratch block b: the per-lane product of blocks 0..b
    System.arraycopy(v, at(vi), scratch, 0, BLOCK_LONGS);
    for (int b = BLOCK; b < n; b += BLOCK) {
      mul(scratch, b, scratch, b - BLOCK, v, vi + b, BLOCK);
    }
    long[] total = new long[PrimeField.LIMBS * BLOCK];
    toPrimeField(total, 0, scratch, n - BLOCK, BLOCK);
    field.batchInverse(total, 0, BLOCK, new long[PrimeField.LIMBS * BLOCK]);
    long[] inverse = new long[BLOCK_LONGS]; // per lane: 1 / (product of blocks 0..b)
    fromPrimeField(inverse, 0, total, 0, BLOCK);
    for (int b = n - BLOCK; b > 0; b -= BLOCK) {
      mul(scratch, b, inverse, 0, scratch, b - BLOCK, BLOCK); // 1 / block b
      mul(inverse, 0, inverse, 0, v, vi + b, BLOCK);
      System.arraycopy(scratch, at(b), v, at(vi + b), BLOCK_LONGS);
    }
    System.arraycopy(inverse, 0, v, at(vi), BLOCK_LONGS);
    for (int j = 0; j < n; j++) {
      if ((zeros[j >>> 6] >>> j & 1) != 0) {
        setLimbs(v, vi + j, new long[LIMBS]);
      }
    }
  }

  // ---------------------------------------------------------------- internals

  /** Index of limb 0 of element i. */
  private static int at(int i) {
    return (i >>> 3) * BLOCK_LONGS + (i & (BLOCK - 1));
  }

  private static void checkBatch(int zi, int xi, int yi, int n) {
    if (((zi | xi | yi | n) & (BLOCK - 1)) != 0 || (zi | xi | yi | n) < 0) {
      throw new IllegalArgumentException(
          "batch starts and length must be non-negative multiples of " + BLOCK + ": z " + zi
              + ", x " + xi + ", y " + yi + ", n " + n);
    }
  }

  private static void setLimbs(long[] z, int zi, long[] limbs) {
    int e = at(zi);
    for (int k = 0; k < LIMBS; k++) {
      z[e + BLOCK * k] = limbs[k];
    }
  }

  /** l = l - m if l &gt;= m, on normalised 51-bit limbs; d is scratch. */
  private static void subtractIfAtLeast(long[] l, long[] m, long[] d) {
    long borrow = 0;
    for (int k = 0; k < LIMBS; k++) {
      long t = l[k] - m[k] + borrow;
      d[k] = t & MASK;
      borrow = t >> 51;
    }
    if (borrow == 0) {
      System.arraycopy(d, 0, l, 0, LIMBS);
    }
  }

  @Override
  public String toString() {
    return "LaneField(" + field.modulus() + ")";
  }
}
