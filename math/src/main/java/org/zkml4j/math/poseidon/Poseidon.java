package org.zkml4j.math.poseidon;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * The Poseidon hash over BN254's scalar field Fr, exactly as circomlib's {@code Poseidon(n)}
 * template and circomlibjs 0.1.7's {@code poseidon} compute it, so a digest made here can be
 * checked in a circuit or recomputed in JavaScript.
 *
 * <p>A hash of n inputs, 1 &lt;= n &lt;= 16, runs the permutation of width t = n + 1 (8 full
 * rounds, circomlib's partial round count for t, S-box x^5) on the state (0, x_1, ..., x_n) and
 * returns cell 0. The constants of a width are derived on first use (tens of milliseconds for the
 * widest) and kept.
 *
 * <p>Elements are Fr values in {@link PrimeField}'s Montgomery form, four longs each, as {@link
 * Bn254#FR} stores them. All methods are thread-safe.
 */
public final class Poseidon {
  /** The most inputs one hash takes (circomlib's limit: width 17). */
  public static final int MAX_INPUTS = PoseidonConstants.MAX_WIDTH - 1;
  /** How many vector elements each hash of {@link #hashVector} absorbs. */
  public static final int VECTOR_CHUNK = MAX_INPUTS - 1;

  private static final PrimeField FR = Bn254.FR;
  private static final AtomicReferenceArray<PoseidonPermutation> PERMUTATIONS =
      new AtomicReferenceArray<>(PoseidonConstants.MAX_WIDTH + 1);

  private Poseidon() {}

  /**
   * Writes the hash of the {@code count} elements at {@code in[offset ..]} to {@code out[outOffset
   * .. outOffset + 4)}. The output may overlap the inputs.
   *
   * @throws IllegalArgumentException if count is not in [1, 16] or an input is not canonical
   */
  public static void hash(long[] out, int outOffset, long[] in, int offset, int count) {
    if (count < 1 || count > MAX_INPUTS) {
      throw new IllegalArgumentException("Poseidon takes 1 to " + MAX_INPUTS + " inputs, got " + count);
    }
    PoseidonPermutation permutation = permutation(count + 1);
    long[] state = new long[4 * (count + 1)];
    for (int i = 0; i < count; i++) {
      checkCanonical(in, offset + 4 * i, i);
    }
    System.arraycopy(in, offset, state, 4, 4 * count);
    permutation.permute(state, new long[permutation.scratchLength()]);
    PrimeField.copy(out, outOffset, state, 0);
  }

  /** The hash of the {@code count} elements at {@code in[offset ..]}, as a new 4-long element. */
  public static long[] hash(long[] in, int offset, int count) {
    long[] out = new long[PrimeField.LIMBS];
    hash(out, 0, in, offset, count);
    return out;
  }

  /**
   * The hash of 1 to 16 plain integers, each in [0, r).
   *
   * @throws IllegalArgumentException on a wrong count or a value outside [0, r)
   */
  public static BigInteger hash(BigInteger... inputs) {
    long[] in = toElements(List.of(inputs));
    long[] out = new long[PrimeField.LIMBS];
    hash(out, 0, in, 0, inputs.length);
    return FR.toBigInteger(out, 0);
  }

  /**
   * Writes the digest of a vector of any length n &gt;= 1 (the {@code count} elements at {@code
   * in[offset ..]}) to {@code out[outOffset .. outOffset + 4)}: a binding, not hiding, commitment
   * to the vector (hash a random blinding element along with low-entropy data to hide it).
   *
   * <p>The digest is a chain of 16-input hashes that starts from the length and absorbs 15
   * elements per hash, in order; the last hash takes what is left (1 to 15 elements) and so has
   * fewer inputs:
   *
   * <pre>
   *   d = n
   *   for i = 0, 15, 30, ... while i &lt; n:
   *     d = Poseidon(d, x[i], x[i+1], ..., x[min(i+15, n) - 1])
   *   digest = d
   * </pre>
   *
   * <p>In circomlibjs, with {@code poseidon = await buildPoseidon()} and {@code xs} a list of
   * BigInts: {@code let d = BigInt(xs.length); for (let i = 0; i < xs.length; i += 15) d =
   * poseidon.F.toObject(poseidon([d, ...xs.slice(i, i + 15)]));}. The length prefix makes vectors
   * of different lengths (a vector and the same vector padded with zeros) hash apart.
   *
   * @throws IllegalArgumentException if count &lt; 1 or an element is not canonical
   */
  public static void hashVector(long[] out, int outOffset, long[] in, int offset, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("hashVector needs at least one element, got " + count);
    }
    for (int i = 0; i < count; i++) {
      checkCanonical(in, offset + 4 * i, i);
    }
    long[] state = new long[4 * PoseidonConstants.MAX_WIDTH];
    long[] scratch = new long[permutation(PoseidonConstants.MAX_WIDTH).scratchLength()];
    long[] digest = FR.element(count);
    for (int start = 0; start < count; start += VECTOR_CHUNK) {
      int chunk = Math.min(VECTOR_CHUNK, count - start);
      FR.setZero(state, 0);
      PrimeField.copy(state, 4, digest, 0);
      System.arraycopy(in, offset + 4 * start, state, 8, 4 * chunk);
      permutation(chunk + 2).permute(state, scratch);
      PrimeField.copy(digest, 0, state, 0);
    }
    PrimeField.copy(out, outOffset, digest, 0);
  }

  /**
   * {@link #hashVector(long[], int, long[], int, int)} of plain integers, each in [0, r).
   *
   * @throws IllegalArgumentException if the list is empty or a value is outside [0, r)
   */
  public static BigInteger hashVector(List<BigInteger> values) {
    long[] in = toElements(values);
    long[] out = new long[PrimeField.LIMBS];
    hashVector(out, 0, in, 0, values.size());
    return FR.toBigInteger(out, 0);
  }

  /** The permutation of width t, derived on first use. */
  static PoseidonPermutation permutation(int width) {
    PoseidonConstants.checkWidth(width);
    PoseidonPermutation p = PERMUTATIONS.get(width);
    if (p == null) {
      // Racing threads derive the same constants; the first to finish wins.
      PERMUTATIONS.compareAndSet(width, null, PoseidonPermutation.of(PoseidonConstants.of(width)));
      p = PERMUTATIONS.get(width);
    }
    return p;
  }

  private static void checkCanonical(long[] in, int offset, int index) {
    if (!FR.isCanonical(in, offset)) {
      throw new IllegalArgumentException("input " + index + " is not a canonical Fr element (its limbs are not below r)");
    }
  }

  private static long[] toElements(List<BigInteger> values) {
    long[] in = FR.newVector(values.size());
    for (int i = 0; i < values.size(); i++) {
      BigInteger v = values.get(i);
      if (v.signum() < 0 || v.compareTo(FR.modulus()) >= 0) {
        throw new IllegalArgumentException("input " + i + " = " + v + " is not in [0, r)");
      }
      FR.fromBigInteger(in, 4 * i, v);
    }
    return in;
  }
}
