package org.zkml4j.groth16.ceremony;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.hash.Blake2b;

/**
 * One contribution to a powers-of-tau ceremony as snarkjs records it (section 7 of a .ptau file):
 * the first points after the contribution (tau*G1, tau*G2, alpha*G1, beta*G1, beta*G2), the
 * contributor's public key, the response hash left unfinished ({@link #partialHash()}), the next
 * challenge hash, the type, and parameters.
 *
 * <p>The public key proves knowledge of each secret x in {tau, alpha, beta}: a G1 point s drawn at
 * random, s*x, and x times a G2 point that anyone can derive by hashing the previous challenge with
 * s and s*x; a pairing check ties them together ({@link Secret} picks the secret).
 *
 * <p>Parameters are kept as the file's bytes, a sequence of (u8 type, value) in increasing type
 * order: 1 = name (u8 length, UTF-8), 2 = a beacon's iteration exponent (u8), 3 = a beacon's hash
 * (u8 length, bytes). Points are affine (G1: 8 longs, G2: 16 longs, Montgomery form). Immutable;
 * accessors return copies.
 */
public final class PtauContribution {
  /** The three secrets of a contribution, in the order of the file's public key. */
  public enum Secret { TAU, ALPHA, BETA }

  /** {@link #type()} of a contribution with secret random keys. */
  public static final int TYPE_RANDOM = 0;
  /** {@link #type()} of a contribution whose keys come from a public beacon. */
  public static final int TYPE_BEACON = 1;
  /** Bytes of a hash (BLAKE2b-512). */
  public static final int HASH_BYTES = 64;
  /** Longs of a public key: 6 G1 points then 3 G2 points. */
  public static final int PUBLIC_KEY_LONGS = 6 * 8 + 3 * 16;

  private final long[] tauG1, tauG2, alphaG1, betaG1, betaG2;
  private final long[] publicKey;
  private final byte[] partialHash;
  private final byte[] nextChallenge;
  private final int type;
  private final byte[] parameters;
  private final String name;
  private final int numIterationsExp;
  private final byte[] beaconHash;

  private PtauContribution(long[] tauG1, long[] tauG2, long[] alphaG1, long[] betaG1, long[] betaG2, long[] publicKey,
      byte[] partialHash, byte[] nextChallenge, int type, byte[] parameters) {
    this.tauG1 = checkG1(tauG1, "tau*G1");
    this.tauG2 = checkG2(tauG2, "tau*G2");
    this.alphaG1 = checkG1(alphaG1, "alpha*G1");
    this.betaG1 = checkG1(betaG1, "beta*G1");
    this.betaG2 = checkG2(betaG2, "beta*G2");
    if (publicKey.length != PUBLIC_KEY_LONGS) {
      throw new IllegalArgumentException("a public key has " + PUBLIC_KEY_LONGS + " longs, not " + publicKey.length);
    }
    G1 g1 = new G1();
    G2 g2 = new G2();
    for (int i = 0; i < 6; i++) {
      if (!g1.isOnCurve(publicKey, 8 * i)) {
        throw new IllegalArgumentException("public key G1 point " + i + " is not on the curve");
      }
    }
    for (int i = 0; i < 3; i++) {
      if (!g2.isOnCurve(publicKey, 48 + 16 * i)) {
        throw new IllegalArgumentException("public key G2 point " + i + " is not on the twist");
      }
    }
    this.publicKey = publicKey.clone();
    if (partialHash.length != PartialHash.BYTES) {
      throw new IllegalArgumentException("the partial hash has " + partialHash.length + " bytes, not 216");
    }
    this.partialHash = partialHash.clone();
    if (nextChallenge.length != HASH_BYTES) {
      throw new IllegalArgumentException("the next challenge hash has " + nextChallenge.length + " bytes, not 64");
    }
    this.nextChallenge = nextChallenge.clone();
    this.type = type;
    this.parameters = parameters.clone();
    String n = null;
    int exp = -1;
    byte[] hash = null;
    int last = 0;
    for (int p = 0; p < this.parameters.length;) {
      int t = this.parameters[p++] & 0xff;
      if (t <= last) {
        throw new IllegalArgumentException("parameters must be in increasing type order; type " + t + " follows " + last);
      }
      last = t;
      if (t != 1 && t != 2 && t != 3) {
        throw new IllegalArgumentException("unknown parameter type " + t);
      }
      int v = byteAt(p++);
      if (t == 2) {
        exp = v;
        continue;
      }
      if (p + v > this.parameters.length) {
        throw new IllegalArgumentException("parameter " + t + " runs past the end of the parameters");
      }
      if (t == 1) {
        n = new String(this.parameters, p, v, StandardCharsets.UTF_8);
      } else {
        hash = Arrays.copyOfRange(this.parameters, p, p + v);
      }
      p += v;
    }
    this.name = n;
    this.numIterationsExp = exp;
    this.beaconHash = hash;
  }

  /**
   * A contribution from its parts.
   *
   * @param publicKey {@link #PUBLIC_KEY_LONGS} longs in the file's order: g1_s and g1_sx of tau,
   *     alpha, beta, then g2_spx of tau, alpha, beta
   * @param parameters the encoded parameters (see {@link #encodeParameters})
   * @throws IllegalArgumentException if a point is malformed or off its curve, a hash has the wrong
   *     length, or the parameters do not parse
   */
  public static PtauContribution of(long[] tauG1, long[] tauG2, long[] alphaG1, long[] betaG1, long[] betaG2,
      long[] publicKey, byte[] partialHash, byte[] nextChallenge, int type, byte[] parameters) {
    return new PtauContribution(tauG1, tauG2, alphaG1, betaG1, betaG2, publicKey, partialHash, nextChallenge, type,
        parameters);
  }

  /**
   * Parameters encoded as snarkjs does: the name (cut to 64 characters) unless null, and for a
   * beacon (a non-null {@code beaconHash}) the iteration exponent and the hash.
   */
  public static byte[] encodeParameters(String name, int numIterationsExp, byte[] beaconHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (name != null) {
      byte[] utf8 = name.substring(0, Math.min(64, name.length())).getBytes(StandardCharsets.UTF_8);
      out.write(1);
      out.write(utf8.length);
      out.writeBytes(utf8);
    }
    if (beaconHash != null) {
      out.write(2);
      out.write(numIterationsExp);
      out.write(3);
      out.write(beaconHash.length);
      out.writeBytes(beaconHash);
    }
    return out.toByteArray();
  }

  /** tau*G1 after this contribution (the second point of the tauG1 section). */
  public long[] tauG1() {
    return tauG1.clone();
  }

  /** tau*G2 after this contribution. */
  public long[] tauG2() {
    return tauG2.clone();
  }

  public long[] alphaG1() {
    return alphaG1.clone();
  }

  public long[] betaG1() {
    return betaG1.clone();
  }

  public long[] betaG2() {
    return betaG2.clone();
  }

  /** The whole public key in the file's order (see {@link #of}). */
  public long[] publicKey() {
    return publicKey.clone();
  }

  /** The random G1 point s of the proof of knowledge of {@code secret}. */
  public long[] g1S(Secret secret) {
    return Arrays.copyOfRange(publicKey, 16 * secret.ordinal(), 16 * secret.ordinal() + 8);
  }

  /** s times the secret. */
  public long[] g1Sx(Secret secret) {
    return Arrays.copyOfRange(publicKey, 16 * secret.ordinal() + 8, 16 * secret.ordinal() + 16);
  }

  /** The G2 point hashed from the challenge and (s, s*x), times the secret x. */
  public long[] g2Spx(Secret secret) {
    return Arrays.copyOfRange(publicKey, 48 + 16 * secret.ordinal(), 64 + 16 * secret.ordinal());
  }

  /** The response hash's state before the public key was hashed, in snarkjs's 216-byte layout. */
  public byte[] partialHash() {
    return partialHash.clone();
  }

  /**
   * The response hash: the partial hash finished with the public key. Empty when the partial hash
   * is not a BLAKE2b state in snarkjs 0.7's layout (files of older snarkjs versions used another).
   */
  public Optional<byte[]> responseHash() {
    Blake2b h;
    try {
      h = PartialHash.decode(partialHash);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(h.update(PointEncoding.publicKeyUncompressed(publicKey)).digest());
  }

  /** The challenge the next contributor answers: the hash of this response and the new points. */
  public byte[] nextChallenge() {
    return nextChallenge.clone();
  }

  /** {@link #TYPE_RANDOM} or {@link #TYPE_BEACON} (other values are kept as read). */
  public int type() {
    return type;
  }

  /** The encoded parameters, as in the file. */
  public byte[] parameters() {
    return parameters.clone();
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** A beacon's iteration exponent (2^exp SHA-256 iterations), when recorded. */
  public OptionalInt numIterationsExp() {
    return numIterationsExp < 0 ? OptionalInt.empty() : OptionalInt.of(numIterationsExp);
  }

  /** A beacon's hash, when recorded. */
  public Optional<byte[]> beaconHash() {
    return Optional.ofNullable(beaconHash).map(byte[]::clone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PtauContribution c && c.type == type && Arrays.equals(c.tauG1, tauG1)
        && Arrays.equals(c.tauG2, tauG2) && Arrays.equals(c.alphaG1, alphaG1) && Arrays.equals(c.betaG1, betaG1)
        && Arrays.equals(c.betaG2, betaG2) && Arrays.equals(c.publicKey, publicKey)
        && Arrays.equals(c.partialHash, partialHash) && Arrays.equals(c.nextChallenge, nextChallenge)
        && Arrays.equals(c.parameters, parameters);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nextChallenge) * 31 + Arrays.hashCode(tauG1);
  }

  @Override
  public String toString() {
    return "PtauContribution[" + (type == TYPE_BEACON ? "beacon" : "type " + type)
        + (name == null ? "" : ", " + name) + "]";
  }

  private int byteAt(int p) {
    if (p >= parameters.length) {
      throw new IllegalArgumentException("parameters end in the middle of a value");
    }
    return parameters[p] & 0xff;
  }

  private static long[] checkG1(long[] p, String what) {
    if (p.length != 8 || !new G1().isOnCurve(p, 0)) {
      throw new IllegalArgumentException(what + " is not a G1 point (8 longs on the curve)");
    }
    return p.clone();
  }

  private static long[] checkG2(long[] p, String what) {
    if (p.length != 16 || !new G2().isOnCurve(p, 0)) {
      throw new IllegalArgumentException(what + " is not a G2 point (16 longs on the twist)");
    }
    return p.clone();
  }
}
