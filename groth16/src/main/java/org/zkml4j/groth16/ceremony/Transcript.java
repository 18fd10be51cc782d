package org.zkml4j.groth16.ceremony;

import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.hash.Blake2b;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The hash chain of a snarkjs powers-of-tau ceremony (BLAKE2b-512 throughout):
 * <ul>
 *   <li>the first challenge hashes the empty string's hash and the initial accumulator (every point
 *       a generator), uncompressed;
 *   <li>a contribution's response hashes the challenge it answers, the new accumulator compressed,
 *       and the contributor's public key uncompressed;
 *   <li>the next challenge hashes that response and the new accumulator uncompressed.
 * </ul>
 * Sections are always hashed in file order: tauG1, tauG2, alphaTauG1, betaTauG1, betaG2.
 */
final class Transcript {
  /** Generator encodings repeated per hash update when hashing the initial accumulator. */
  private static final int REPEAT = 1024;

  private Transcript() {}

  /** The challenge the first contributor answers, for a ceremony of the given power. */
  static byte[] firstChallenge(int power) {
    Blake2b h = new Blake2b();
    h.update(Blake2b.hash(new byte[0]));
    byte[] g1 = PointEncoding.uncompressed(new G1().generator(), 0, 4);
    byte[] g2 = PointEncoding.uncompressed(new G2().generator(), 0, 8);
    long n = 1L << power;
    repeat(h, g1, 2 * n - 1);
    repeat(h, g2, n);
    repeat(h, g1, n);
    repeat(h, g1, n);
    h.update(g2);
    return h.digest();
  }

  /** The challenge a contributor answers: the last contribution's, or the first one. */
  static byte[] currentChallenge(Accumulator acc) {
    var contributions = acc.contributions();
    return contributions.isEmpty() ? firstChallenge(acc.ceremonyPower())
        : contributions.get(contributions.size() - 1).nextChallenge();
  }

  /** Feeds the accumulator's five sections, in file order, to the hasher. */
  static void hashSections(Blake2b h, long[] tauG1, long[] tauG2, long[] alphaTauG1, long[] betaTauG1, long[] betaG2,
      boolean compressed, Parallelism parallelism) {
    PointEncoding.hash(h, tauG1, tauG1.length / 8, 4, compressed, parallelism);
    PointEncoding.hash(h, tauG2, tauG2.length / 16, 8, compressed, parallelism);
    PointEncoding.hash(h, alphaTauG1, alphaTauG1.length / 8, 4, compressed, parallelism);
    PointEncoding.hash(h, betaTauG1, betaTauG1.length / 8, 4, compressed, parallelism);
    PointEncoding.hash(h, betaG2, 1, 8, compressed, parallelism);
  }

  private static void repeat(Blake2b h, byte[] encoding, long times) {
    byte[] block = new byte[REPEAT * encoding.length];
    for (int i = 0; i < REPEAT; i++) {
      System.arraycopy(encoding, 0, block, i * encoding.length, encoding.length);
    }
    for (long done = 0; done < times; ) {
      int k = (int) Math.min(REPEAT, times - done);
      h.update(block, 0, k * encoding.length);
      done += k;
    }
  }
}
