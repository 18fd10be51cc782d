package org.zkml4j.math.ntt;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The multiplicative subgroup H = {1, w, ..., w^(n-1)} of BN254 Fr of size n = 2^k (0 &le; k &le; 28),
 * and the number-theoretic transforms between a polynomial's coefficients and its values on H or
 * on a coset c&middot;H.
 *
 * <p>The roots are snarkjs's (ffjavascript's): w_28 = 5^((r-1)/2^28), 5 being the smallest
 * quadratic non-residue, and w_k = w_28^(2^(28-k)). With that root and natural order in and out,
 * {@link #fft} and {@link #ifft} return exactly what ffjavascript's {@code Fr.fft} and
 * {@code Fr.ifft} return, which a prover reading snarkjs proving keys needs:
 * <pre>
 *   fft:  v_i  &lt;-  sum_j v_j w^(ij)              (coefficients to values on H)
 *   ifft: v_i  &lt;-  (1/n) sum_j v_j w^(-ij)       (values on H to coefficients)
 * </pre>
 *
 * <p>Vectors are flat {@code long[]} arrays of n Fr elements in Montgomery form, element i at long
 * offset {@code offset + 4*i}, transformed in place. Work runs on the domain's {@link Parallelism};
 * the passes allocate nothing per element. The twiddle table (n/2 elements, 16 bytes per element
 * of the domain) is built once, in the constructor.
 *
 * <p>An instance is immutable and may be shared between threads, but two calls must not work on
 * overlapping ranges of the same array at the same time.
 */
public final class EvaluationDomain {
  /** The largest supported log2 size: Fr's 2-adicity. */
  public static final int MAX_LOG2_SIZE = 28;

  private static final PrimeField FR = Bn254.FR;
  /** ROOTS[k] is w_k, a primitive 2^k-th root of unity, in Montgomery form. */
  private static final long[][] ROOTS = computeRoots();
  /** Elements per block kept in cache while the lower layers run (2^13 * 32 bytes = 256 KiB). */
  private static final int BLOCK_LOG = 13;
  /** Below this size everything runs on the calling thread. */
  private static final int PARALLEL_LOG = 11;
  /** Smallest share of a pass handed to one task, in butterflies or elements. */
  private static final int MIN_CHUNK = 1 << 10;

  private final int k;
  private final int n;
  private final Parallelism parallelism;
  /** w^t for t &lt; n/2. */
  private final long[] twiddles;
  /** w_B^t for t &lt; B/2, B = 2^blockLayers: the block passes' twiddles, compact so they stay in cache. */
  private final long[] blockTwiddles;
  private final long[] sizeInverse;
  /** Layers done block by block, in cache; the layers above run as whole-vector passes. */
  private final int blockLayers;

  private EvaluationDomain(int log2Size, Parallelism parallelism) {
    if (log2Size < 0 || log2Size > MAX_LOG2_SIZE) {
      throw new IllegalArgumentException("log2 size must be in [0, " + MAX_LOG2_SIZE + "], was " + log2Size);
    }
    this.k = log2Size;
    this.n = 1 << log2Size;
    this.parallelism = parallelism;
    this.sizeInverse = FR.element(BigInteger.valueOf(n).modInverse(FR.modulus()));
    this.twiddles = FR.newVector(n / 2);
    long[] w = ROOTS[k];
    parallelism.forRange(n / 2, MIN_CHUNK, (from, to) -> {
      if (from == to) {
        return; // n = 1: no twiddles
      }
      FR.pow(twiddles, 4 * from, w, 0, new long[] {from});
      for (int t = from + 1; t < to; t++) {
        FR.mul(twiddles, 4 * t, twiddles, 4 * (t - 1), w, 0);
      }
    });
    int layers = Math.min(BLOCK_LOG, k);
    if (k >= PARALLEL_LOG && parallelism.threads() > 1) {
      // at least two blocks per thread, so the block phase keeps every thread busy
      int spread = 32 - Integer.numberOfLeadingZeros(2 * parallelism.threads() - 1);
      layers = Math.min(layers, k - spread);
    }
    this.blockLayers = Math.max(0, layers);
    if (blockLayers == k) {
      this.blockTwiddles = twiddles;
    } else {
      this.blockTwiddles = FR.newVector((1 << blockLayers) / 2);
      for (int t = 0; t < (1 << blockLayers) / 2; t++) {
        PrimeField.copy(blockTwiddles, 4 * t, twiddles, 4 * (t << (k - blockLayers)));
      }
    }
  }

  /** The domain of size 2^log2Size, working on {@link Parallelism#shared()}. */
  public static EvaluationDomain ofLog2Size(int log2Size) {
    return new EvaluationDomain(log2Size, Parallelism.shared());
  }

  /** The domain of size 2^log2Size, working on the given executor. */
  public static EvaluationDomain ofLog2Size(int log2Size, Parallelism parallelism) {
    return new EvaluationDomain(log2Size, parallelism);
  }

  /**
   * snarkjs's primitive 2^log2Order-th root of unity w_log2Order, in Montgomery form (a new array).
   */
  public static long[] rootOfUnity(int log2Order) {
    if (log2Order < 0 || log2Order > MAX_LOG2_SIZE) {
      throw new IllegalArgumentException("log2 order must be in [0, " + MAX_LOG2_SIZE + "], was " + log2Order);
    }
    return ROOTS[log2Order].clone();
  }

  public int log2Size() {
    return k;
  }

  public int size() {
    return n;
  }

  /** The generator w of this domain (a new array). */
  public long[] generator() {
    return ROOTS[k].clone();
  }

  /**
   * The coset shift snarkjs's Groth16 prover uses to compute h: the primitive 2n-th root w_(k+1),
   * whose coset w_(k+1)&middot;H is the set of odd 2n-th roots of unity; for k = 28, where no 2^29-th
   * root exists, ffjavascript's {@code Fr.shift} = 25 (the square of the non-residue 5).
   */
  public long[] snarkjsCosetShift() {
    return snarkjsCosetShift(k);
  }

  static long[] snarkjsCosetShift(int log2Size) {
    return log2Size < MAX_LOG2_SIZE ? ROOTS[log2Size + 1].clone() : FR.element(25);
  }

  /** Coefficients to values on H: v_i becomes sum_j v_j w^(ij). */
  public void fft(long[] v, int offset) {
    checkVector(v, offset);
    bitReverse(v, offset);
    dit(v, offset, false);
  }

  /** Values on H to coefficients: v_i becomes (1/n) sum_j v_j w^(-ij). */
  public void ifft(long[] v, int offset) {
    checkVector(v, offset);
    bitReverse(v, offset);
    dit(v, offset, true);
    scale(v, offset, sizeInverse);
  }

  /**
   * Coefficients to values on the coset shift&middot;H: v_i becomes sum_j v_j (shift w^i)^j.
   *
   * @param shift one Fr element in Montgomery form, in its first four longs
   */
  public void cosetFft(long[] v, int offset, long[] shift) {
    checkVector(v, offset);
    mulByPowers(v, offset, FR.element(1), shift);
    bitReverse(v, offset);
    dit(v, offset, false);
  }

  /**
   * Values on the coset shift&middot;H to coefficients: the inverse of {@link #cosetFft}.
   *
   * @param shift a non-zero Fr element in Montgomery form, in its first four longs
   * @throws ArithmeticException if shift is zero
   */
  public void cosetIfft(long[] v, int offset, long[] shift) {
    checkVector(v, offset);
    long[] shiftInverse = new long[4];
    FR.inverse(shiftInverse, 0, shift, 0);
    bitReverse(v, offset);
    dit(v, offset, true);
    mulByPowers(v, offset, sizeInverse, shiftInverse);
  }

  /**
   * Values on H to values on the coset shift&middot;H, of the polynomial of degree &lt; n they
   * determine: {@code cosetFft(ifft(v), shift)}, but without reordering the vector in between.
   * With {@link #snarkjsCosetShift()} this is the step snarkjs's Groth16 prover applies to A, B
   * and C before computing h.
   *
   * @param shift one Fr element in Montgomery form, in its first four longs
   */
  public void evaluationsToCoset(long[] v, int offset, long[] shift) {
    checkVector(v, offset);
    moveCoset(v, offset, shift);
  }

  /**
   * Values on the coset shift&middot;H to values on H: the inverse of {@link #evaluationsToCoset}.
   *
   * @param shift a non-zero Fr element in Montgomery form, in its first four longs
   * @throws ArithmeticException if shift is zero
   */
  public void cosetToEvaluations(long[] v, int offset, long[] shift) {
    checkVector(v, offset);
    long[] shiftInverse = new long[4];
    FR.inverse(shiftInverse, 0, shift, 0);
    moveCoset(v, offset, shiftInverse);
  }

  /**
   * v_i becomes v_i &middot; base^i for i &lt; n: turns the coefficients of p(X) into those of
   * p(base&middot;X) (ffjavascript's {@code batchApplyKey(v, 1, base)}).
   *
   * @param base one Fr element in Montgomery form, in its first four longs
   */
  public void mulByPowers(long[] v, int offset, long[] base) {
    checkVector(v, offset);
    mulByPowers(v, offset, FR.element(1), base);
  }

  // ---------------------------------------------------------------- passes

  /** Values on c&middot;H (any c) to values on c&middot;s&middot;H, with no bit-reversal pass. */
  private void moveCoset(long[] v, int o, long[] s) {
    dif(v, o, true); // n times the coefficients of p(cX), in bit-reversed order
    BitReversedPowers powers = new BitReversedPowers(k, s, sizeInverse);
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> {
      long[] t = new long[4];
      for (int p = from; p < to; p++) {
        powers.get(p, t);
        FR.mul(v, o + 4 * p, v, o + 4 * p, t, 0);
      }
    });
    dit(v, o, false);
  }

  private void dit(long[] v, int o, boolean inverse) {
    int layers = blockLayers;
    parallelism.forRange(n >>> layers, 1, (from, to) -> {
      for (int b = from; b < to; b++) {
        Butterflies.ditBlock(v, o, layers, blockTwiddles, inverse, b << layers, layers);
      }
    });
    for (int h = layers; h < k; h++) {
      int layer = h;
      parallelism.forRange(n / 2, MIN_CHUNK,
          (from, to) -> Butterflies.ditLayer(v, o, k, twiddles, inverse, layer, from, to));
    }
  }

  private void dif(long[] v, int o, boolean inverse) {
    int layers = blockLayers;
    for (int h = k - 1; h >= layers; h--) {
      int layer = h;
      parallelism.forRange(n / 2, MIN_CHUNK,
          (from, to) -> Butterflies.difLayer(v, o, k, twiddles, inverse, layer, from, to));
    }
    parallelism.forRange(n >>> layers, 1, (from, to) -> {
      for (int b = from; b < to; b++) {
        Butterflies.difBlock(v, o, layers, blockTwiddles, inverse, b << layers, layers);
      }
    });
  }

  private void bitReverse(long[] v, int o) {
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> Butterflies.bitReverse(v, o, k, from, to));
  }

  private void scale(long[] v, int o, long[] factor) {
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> {
      for (int i = from; i < to; i++) {
        FR.mul(v, o + 4 * i, v, o + 4 * i, factor, 0);
      }
    });
  }

  /** v_i becomes v_i &middot; first &middot; base^i. */
  private void mulByPowers(long[] v, int o, long[] first, long[] base) {
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> {
      long[] f = new long[4];
      FR.pow(f, 0, base, 0, new long[] {from});
      FR.mul(f, 0, f, 0, first, 0);
      for (int i = from; i < to; i++) {
        FR.mul(v, o + 4 * i, v, o + 4 * i, f, 0);
        FR.mul(f, 0, f, 0, base, 0);
      }
    });
  }

  private void checkVector(long[] v, int offset) {
    if (offset < 0 || (long) offset + 4L * n > v.length) {
      throw new IllegalArgumentException("a vector of " + n + " elements at offset " + offset
          + " does not fit in an array of " + v.length + " longs");
    }
  }

  private static long[][] computeRoots() {
    BigInteger r = Bn254.R_MODULUS;
    long[][] roots = new long[MAX_LOG2_SIZE + 1][];
    roots[MAX_LOG2_SIZE] = FR.element(BigInteger.valueOf(5).modPow(r.subtract(BigInteger.ONE).shiftRight(MAX_LOG2_SIZE), r));
    for (int i = MAX_LOG2_SIZE - 1; i >= 0; i--) {
      roots[i] = new long[4];
      FR.square(roots[i], 0, roots[i + 1], 0);
    }
    return roots;
  }

  @Override
  public String toString() {
    return "EvaluationDomain(2^" + k + ")";
  }
}
