package org.zkml4j.math.msm;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The scalars of one MSM as plain integers, made small and sorted by size so each size class gets
 * its own Pippenger run with windows that fit it.
 *
 * <p>A scalar s above (r-1)/2 is replaced by r - s with its point negated (s*P = (r-s)*(-P)), so
 * every scalar has at most 253 bits and the field's small negative numbers (r - 1, r - 2, ...,
 * common in witnesses) become small. Zeros are dropped. The rest fall into classes by bit length
 * ({@link #CLASS_LIMITS}): for a mostly-0/1 witness the ones form a class of their own whose sum
 * costs one affine addition per point, instead of paying for the windows of full-size scalars.
 *
 * <p>Scalars whose base is the point at infinity are dropped as well: their terms are zero, and
 * proving keys hold many such bases (a wire that appears in no A row has infinity as its A point:
 * half of the A points and two thirds of the B points of a Poseidon-chain key, 94% of both in an
 * MNIST convnet's). Dropped before the windows, they cost one read per MSM instead of a sorting
 * copy and a pass through the bucket additions in every window.
 */
final class ClassifiedScalars {
  /** Upper bit length of each class; the last holds everything up to 253 bits. */
  static final int[] CLASS_LIMITS = {1, 8, 16, 32, 64, 253};

  private static final long[] R = limbs(Bn254.R_MODULUS);
  private static final long[] HALF_R = limbs(Bn254.R_MODULUS.shiftRight(1));
  private static final byte NEGATED = (byte) 0x80;

  /** 4 longs per scalar: the plain value, or r minus it when negated. */
  final long[] plain;
  /** Per class, the indices of its scalars; an entry ~i means point i is to be negated. */
  final int[][] members;
  /** Per class, the largest bit length present. */
  final int[] maxBits;

  private ClassifiedScalars(long[] plain, int[][] members, int[] maxBits) {
    this.plain = plain;
    this.members = members;
    this.maxBits = maxBits;
  }

  /**
   * Classifies n scalars, dropping those whose base is at infinity.
   *
   * @param bases n affine points of {@code affineSize} longs each, all zeros for infinity
   * @throws IllegalArgumentException if a scalar is not a canonical Fr value (its limbs, in the
   *     given form, are at least r), whatever its base
   */
  static ClassifiedScalars of(long[] scalars, int n, ScalarForm form, long[] bases, int affineSize, Parallelism par) {
    long[] plain = new long[4 * n];
    byte[] cls = new byte[n];
    par.forRange(n, 4096, (from, to) -> {
      for (int i = from; i < to; i++) {
        int o = 4 * i;
        if (!Bn254.FR.isCanonical(scalars, o)) {
          throw new IllegalArgumentException("scalar " + i + " is not below r (as " + form + " limbs)");
        }
        if (form == ScalarForm.MONTGOMERY) {
          Bn254.FR.fromMontgomery(plain, o, scalars, o);
        } else {
          System.arraycopy(scalars, o, plain, o, 4);
        }
        byte negated = 0;
        if (greaterThan(plain, o, HALF_R)) {
          subtractFromR(plain, o);
          negated = NEGATED;
        }
        int bits = isZero(bases, affineSize * i, affineSize) ? 0 : bitLength(plain, o);
        cls[i] = bits == 0 ? -1 : (byte) (classOf(bits) | negated);
      }
    });
    int classes = CLASS_LIMITS.length;
    int[] sizes = new int[classes];
    for (byte c : cls) {
      if (c != -1) {
        sizes[c & 0x7f]++;
      }
    }
    int[][] members = new int[classes][];
    for (int k = 0; k < classes; k++) {
      members[k] = new int[sizes[k]];
    }
    int[] fill = new int[classes];
    int[] maxBits = new int[classes];
    for (int i = 0; i < n; i++) {
      byte c = cls[i];
      if (c == -1) {
        continue;
      }
      int k = c & 0x7f;
      members[k][fill[k]++] = (c & NEGATED) != 0 ? ~i : i;
      maxBits[k] = Math.max(maxBits[k], bitLength(plain, 4 * i));
    }
    return new ClassifiedScalars(plain, members, maxBits);
  }

  private static int classOf(int bits) {
    int k = 0;
    while (bits > CLASS_LIMITS[k]) {
      k++;
    }
    return k;
  }

  private static boolean isZero(long[] a, int from, int len) {
    long any = 0;
    for (int i = from; i < from + len; i++) {
      any |= a[i];
    }
    return any == 0;
  }

  static int bitLength(long[] s, int o) {
    for (int limb = 3; limb >= 0; limb--) {
      if (s[o + limb] != 0) {
        return 64 * limb + 64 - Long.numberOfLeadingZeros(s[o + limb]);
      }
    }
    return 0;
  }

  private static boolean greaterThan(long[] s, int o, long[] bound) {
    for (int limb = 3; limb >= 0; limb--) {
      if (s[o + limb] != bound[limb]) {
        return Long.compareUnsigned(s[o + limb], bound[limb]) > 0;
      }
    }
    return false;
  }

  /** s = r - s, for s at most r. */
  private static void subtractFromR(long[] s, int o) {
    long borrow = 0;
    for (int limb = 0; limb < 4; limb++) {
      long a = R[limb], b = s[o + limb];
      long d = a - b - borrow;
      borrow = (Long.compareUnsigned(a, b) < 0 || (a == b && borrow != 0)) ? 1 : 0;
      s[o + limb] = d;
    }
  }

  private static long[] limbs(BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }
}
