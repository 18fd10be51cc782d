package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.hash.Blake2b;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The point encodings snarkjs hashes into its ceremony transcripts (ffjavascript's
 * {@code toRprUncompressed} and {@code toRprCompressed}), for affine points in the project layout
 * (G1: coordinate size s = 4 longs, G2: s = 8).
 *
 * <ul>
 *   <li>uncompressed: x then y, each big-endian; an Fq2 coordinate is c1 then c0 (the bytes of the
 *       little-endian c0 || c1 reversed); the point at infinity is all zeros;
 *   <li>compressed: x alone, with 0x80 set in the first byte when y is "negative" (its value above
 *       (q-1)/2, for Fq2 judged on c1 unless c1 is zero); infinity is 0x40 then zeros.
 * </ul>
 */
final class PointEncoding {
  private static final PrimeField FQ = Bn254.FQ;
  /** (q - 1) / 2 as little-endian limbs. */
  private static final long[] HALF_Q = limbs(Bn254.Q_MODULUS.shiftRight(1));
  /** Points encoded per chunk when hashing a section. */
  private static final int CHUNK = 1 << 14;

  private PointEncoding() {}

  /** Bytes of one encoded point. */
  static int size(int s, boolean compressed) {
    return compressed ? 8 * s : 16 * s;
  }

  /** Encodes the {@code count} points starting at point index {@code first}. */
  static void encode(long[] points, int first, int count, int s, boolean compressed, byte[] out, int outOff) {
    long[] plain = new long[4];
    int fqs = s / 4;
    int bytes = size(s, compressed);
    for (int k = 0; k < count; k++) {
      int po = (first + k) * 2 * s;
      int o = outOff + k * bytes;
      boolean infinity = isZero(points, po, 2 * s);
      if (infinity) {
        Arrays.fill(out, o, o + bytes, (byte) 0);
        if (compressed) {
          out[o] = 0x40;
        }
        continue;
      }
      int coordinates = compressed ? 1 : 2;
      for (int c = 0; c < coordinates; c++) {
        for (int e = 0; e < fqs; e++) { // Fq elements in reverse order: c1 before c0
          FQ.fromMontgomery(plain, 0, points, po + c * s + 4 * (fqs - 1 - e));
          writeBigEndian(plain, out, o + 32 * (c * fqs + e));
        }
      }
      if (compressed && yIsNegative(points, po + s, fqs, plain)) {
        out[o] |= (byte) 0x80;
      }
    }
  }

  /** The uncompressed encoding of one point. */
  static byte[] uncompressed(long[] point, int offset, int s) {
    byte[] out = new byte[size(s, false)];
    long[] tmp = new long[2 * s];
    System.arraycopy(point, offset, tmp, 0, 2 * s);
    encode(tmp, 0, 1, s, false, out, 0);
    return out;
  }

  /** A contribution's public key (6 G1 then 3 G2 points) uncompressed, as its response hash ends. */
  static byte[] publicKeyUncompressed(long[] key) {
    byte[] out = new byte[6 * 64 + 3 * 128];
    encode(key, 0, 6, 4, false, out, 0);
    long[] g2 = new long[48];
    System.arraycopy(key, 48, g2, 0, 48);
    encode(g2, 0, 3, 8, false, out, 6 * 64);
    return out;
  }

  /**
   * Feeds the encodings of the first {@code n} points of {@code points} to {@code hasher}, encoding
   * chunks in parallel while the bytes go through the (sequential) hash in order.
   */
  static void hash(Blake2b hasher, long[] points, int n, int s, boolean compressed, Parallelism parallelism) {
    int bytes = size(s, compressed);
    byte[] buffer = new byte[Math.min(n, CHUNK) * bytes];
    for (int first = 0; first < n; first += CHUNK) {
      int count = Math.min(CHUNK, n - first);
      int base = first;
      parallelism.forRange(count, 1024, (from, to) -> encode(points, base + from, to - from, s, compressed, buffer,
          from * bytes));
      hasher.update(buffer, 0, count * bytes);
    }
  }

  private static boolean yIsNegative(long[] points, int yo, int fqs, long[] plain) {
    int e = fqs - 1; // the highest Fq element (c1 of an Fq2), unless it is zero
    if (fqs == 2 && FQ.isZero(points, yo + 4)) {
      e = 0;
    }
    FQ.fromMontgomery(plain, 0, points, yo + 4 * e);
    for (int i = 3; i >= 0; i--) {
      if (plain[i] != HALF_Q[i]) {
        return Long.compareUnsigned(plain[i], HALF_Q[i]) > 0;
      }
    }
    return false;
  }

  private static boolean isZero(long[] a, int off, int len) {
    long acc = 0;
    for (int i = 0; i < len; i++) {
      acc |= a[off + i];
    }
    return acc == 0;
  }

  private static void writeBigEndian(long[] plain, byte[] out, int o) {
    for (int i = 0; i < 4; i++) {
      long limb = plain[3 - i];
      for (int j = 0; j < 8; j++) {
        out[o + 8 * i + j] = (byte) (limb >>> (56 - 8 * j));
      }
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
