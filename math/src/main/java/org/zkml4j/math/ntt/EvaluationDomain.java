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
 * <p>Vectors are flat {@code long[]} arrays of n Fr elements in Montgomery form and canonical
 * (below r), element i at long offset {@code offset + 4*i}, transformed in place; results are
 * canonical. Work runs on the domain's {@link Parallelism}, in {@link
 * org.zkml4j.math.field.LaneField LaneField} form (eight butterflies per vector kernel call), so
 * like LaneField it wants C2-compiled kernels ({@code -XX:-TieredCompilation} for long runs). The
 * twiddle table (n/2 elements, 20 bytes per element of the domain) is built once, in the
 * constructor; each transform also allocates a lane-form working copy of 40 bytes per element
 * (see {@link LaneTransform}), and nothing per element.
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

  private final int k;
  private final int n;
  private final LaneTransform transform;

  private EvaluationDomain(int log2Size, Parallelism parallelism) {
    if (log2Size < 0 || log2Size > MAX_LOG2_SIZE) {
      throw new IllegalArgumentException("log2 size must be in [0, " + MAX_LOG2_SIZE + "], was " + log2Size);
    }
    this.k = log2Size;
    this.n = 1 << log2Size;
    this.transform = new LaneTransform(k, ROOTS[k], parallelism);
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
    transform.forward(v, offset, null);
  }

  /** Values on H to coefficients: v_i becomes (1/n) sum_j v_j w^(-ij). */
  public void ifft(long[] v, int offset) {
    checkVector(v, offset);
    transform.inverse(v, offset, null);
  }

  /**
   * Coefficients to values on the coset shift&middot;H: v_i becomes sum_j v_j (shift w^i)^j.
   *
   * @param shift one Fr element in Montgomery form, in its first four longs
   */
  public void cosetFft(long[] v, int offset, long[] shift) {
    checkVector(v, offset);
    transform.forward(v, offset, shift);
  }

  /**
   * Values on the coset shift&middot;H to coefficients: the inverse of {@link #cosetFft}.
   *
   * @param shift a non-zero Fr element in Montgomery form, in its first four longs
   * @throws ArithmeticException if shift is zero
   */
  public void cosetIfft(long[] v, int offset, long[] shift) {
    checkVector(v, offset);
    long[] shiftInverse = inverse(shift);
    transform.inverse(v, offset, shiftInverse);
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
    transform.moveCoset(v, offset, shift);
  }

  /**
   * Values on the coset shift&middot;H to values on H: the inverse of {@link #evaluationsToCoset}.
   *
   * @param shift a non-zero Fr element in Montgomery form, in its first four longs
   * @throws ArithmeticException if shift is zero
   */
  public void cosetToEvaluations(long[] v, int offset, long[] shift) {
    checkVector(v, offset);
    long[] shiftInverse = inverse(shift);
    transform.moveCoset(v, offset, shiftInverse);
  }

  /**
   * v_i becomes v_i &middot; base^i for i &lt; n: turns the coefficients of p(X) into those of
   * p(base&middot;X) (ffjavascript's {@code batchApplyKey(v, 1, base)}).
   *
   * @param base one Fr element in Montgomery form, in its first four longs
   */
  public void mulByPowers(long[] v, int offset, long[] base) {
    checkVector(v, offset);
    transform.mulByPowers(v, offset, base);
  }

  private static long[] inverse(long[] x) {
    long[] inverse = new long[4];
    FR.inverse(inverse, 0, x, 0);
    return inverse;
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
