package org.zkml4j.groth16.ceremony;

import java.util.List;
import org.zkml4j.groth16.Phase2Contribution;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.hash.Blake2b;

/**
 * A phase-2 contributor's secret delta and its proof of knowledge, derived from a {@link ChaCha}
 * stream as snarkjs's {@code zkey contribute} and {@code zkey beacon} derive them: the secret d
 * first, then a random G1 point s and s*d; the transcript is BLAKE2b-512 of the circuit hash, the
 * previous contributions' public keys ({@link #hashPublicKey}) and s, s*d (uncompressed); its
 * {@link PtauKey#hashToG2} point sp and sp*d complete the proof.
 */
final class DeltaKey {
  /** d, Fr in Montgomery form. */
  final long[] secret = new long[4];
  final long[] g1S;
  final long[] g1Sx;
  final long[] g2Spx;
  final byte[] transcript;

  private DeltaKey(long[] g1S, long[] g1Sx, long[] g2Spx, byte[] transcript) {
    this.g1S = g1S;
    this.g1Sx = g1Sx;
    this.g2Spx = g2Spx;
    this.transcript = transcript;
  }

  static DeltaKey create(byte[] circuitHash, List<Phase2Contribution> previous, ChaCha rng) {
    long[] d = new long[4];
    ChaChaSampler.element(rng, Bn254.FR, d, 0);
    long[] s = ChaChaSampler.g1(rng);
    long[] sx = PtauKey.times(new G1(), s, d, 0);
    byte[] transcript = transcript(circuitHash, previous, s, sx);
    long[] spx = PtauKey.times(new G2(), PtauKey.hashToG2(transcript), d, 0);
    DeltaKey k = new DeltaKey(s, sx, spx, transcript);
    System.arraycopy(d, 0, k.secret, 0, 4);
    return k;
  }

  /** The transcript hash a contribution with proof points (s, s*d) must carry. */
  static byte[] transcript(byte[] circuitHash, List<Phase2Contribution> previous, long[] s, long[] sx) {
    Blake2b h = new Blake2b().update(circuitHash);
    for (Phase2Contribution c : previous) {
      hashPublicKey(h, c);
    }
    h.update(PointEncoding.uncompressed(s, 0, 4));
    h.update(PointEncoding.uncompressed(sx, 0, 4));
    return h.digest();
  }

  /** snarkjs's {@code hashPubKey}: deltaAfter, s, s*d, sp*d uncompressed, then the transcript. */
  static void hashPublicKey(Blake2b h, Phase2Contribution c) {
    h.update(PointEncoding.uncompressed(c.deltaAfter(), 0, 4));
    h.update(PointEncoding.uncompressed(c.g1S(), 0, 4));
    h.update(PointEncoding.uncompressed(c.g1Sx(), 0, 4));
    h.update(PointEncoding.uncompressed(c.g2Spx(), 0, 8));
    h.update(c.transcript());
  }
}
