package org.zkml4j.groth16.ceremony;

import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.hash.Blake2b;

/**
 * A contributor's secrets tau, alpha, beta (Fr, Montgomery form) and the public key that proves
 * knowledge of them, derived from a {@link ChaCha} stream exactly as snarkjs's
 * {@code createPTauKey} derives them (keypair.js): the three secrets first, then for each secret x
 * in turn a random G1 point s, s*x, the G2 point sp hashed from (personalisation byte 0/1/2, the
 * challenge, s, s*x), and sp*x.
 */
final class PtauKey {
  /** tau, alpha, beta: 4 longs each. */
  final long[] secrets = new long[12];
  /** The public key in the file's order (see {@link PtauContribution#of}). */
  final long[] publicKey = new long[PtauContribution.PUBLIC_KEY_LONGS];

  private PtauKey() {}

  static PtauKey create(byte[] challenge, ChaCha rng) {
    PtauKey k = new PtauKey();
    for (int i = 0; i < 3; i++) {
      ChaChaSampler.element(rng, Bn254.FR, k.secrets, 4 * i);
    }
    G1 g1 = new G1();
    G2 g2 = new G2();
    for (int i = 0; i < 3; i++) {
      long[] s = ChaChaSampler.g1(rng);
      long[] sx = times(g1, s, k.secrets, 4 * i);
      long[] sp = g2Sp(i, challenge, s, sx);
      long[] spx = times(g2, sp, k.secrets, 4 * i);
      System.arraycopy(s, 0, k.publicKey, 16 * i, 8);
      System.arraycopy(sx, 0, k.publicKey, 16 * i + 8, 8);
      System.arraycopy(spx, 0, k.publicKey, 48 + 16 * i, 16);
    }
    return k;
  }

  /**
   * The G2 point of the proof of knowledge of secret number {@code personalisation} (0 tau, 1
   * alpha, 2 beta): {@link #hashToG2} of BLAKE2b-512(personalisation byte || challenge || s || s*x),
   * the points uncompressed.
   */
  static long[] g2Sp(int personalisation, byte[] challenge, long[] s, long[] sx) {
    Blake2b h = new Blake2b();
    h.update(new byte[] {(byte) personalisation});
    h.update(challenge);
    h.update(PointEncoding.uncompressed(s, 0, 4));
    h.update(PointEncoding.uncompressed(sx, 0, 4));
    return hashToG2(h.digest());
  }

  /** A G2 point drawn from a ChaCha stream seeded with the hash's first 32 bytes (big-endian words). */
  static long[] hashToG2(byte[] hash) {
    return ChaChaSampler.g2(ChaCha.seededBigEndian(hash));
  }

  /** The affine point a * k for a scalar k in Fr Montgomery form. */
  static long[] times(CurveGroup group, long[] a, long[] k, int ko) {
    long[] p = new long[group.jacobianSize()];
    group.fromAffine(p, 0, a, 0);
    group.scalarMulFr(p, 0, p, 0, k, ko);
    long[] out = new long[group.affineSize()];
    group.toAffine(out, 0, p, 0);
    return out;
  }
}
