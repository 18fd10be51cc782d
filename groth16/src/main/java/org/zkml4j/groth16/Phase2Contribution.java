package org.zkml4j.groth16;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One contribution to a circuit's phase-2 ceremony, as snarkjs records it in a proving key
 * (section 10; {@code zkey contribute} and {@code zkey beacon} append one each): the new delta,
 * the proof of knowledge of the contributor's secret d (a random G1 point s, s*d, and d times the
 * G2 point hashed from the transcript), the transcript hash, and optional parameters.
 *
 * <p>Parameters are kept as the exact bytes of the file so a rewritten key is identical; they are
 * a sequence of (u8 type, value) in increasing type order: 1 = name (u8 length, UTF-8), 2 = the
 * beacon's iteration exponent (u8), 3 = the beacon hash (u8 length, bytes). Immutable; accessors
 * return copies.
 */
public final class Phase2Contribution {
  /** Bytes of the transcript hash (BLAKE2b-512). */
  public static final int TRANSCRIPT_BYTES = 64;
  /** {@link #type()} of a contribution with a secret random key. */
  public static final int TYPE_RANDOM = 0;
  /** {@link #type()} of a contribution derived from a public beacon. */
  public static final int TYPE_BEACON = 1;

  private final long[] deltaAfter;
  private final long[] g1S;
  private final long[] g1Sx;
  private final long[] g2Spx;
  private final byte[] transcript;
  private final int type;
  private final byte[] parameters;
  private final String name;
  private final int numIterationsExp;
  private final byte[] beaconHash;

  private Phase2Contribution(long[] deltaAfter, long[] g1S, long[] g1Sx, long[] g2Spx, byte[] transcript, int type,
      byte[] parameters) {
    this.deltaAfter = checkPoint(deltaAfter, false, "deltaAfter");
    this.g1S = checkPoint(g1S, false, "g1_s");
    this.g1Sx = checkPoint(g1Sx, false, "g1_sx");
    this.g2Spx = checkPoint(g2Spx, true, "g2_spx");
    if (transcript.length != TRANSCRIPT_BYTES) {
      throw new IllegalArgumentException("the transcript hash has " + transcript.length + " bytes, expected 64");
    }
    this.transcript = transcript.clone();
    this.type = type;
    this.parameters = parameters.clone();
    String n = null;
    int exp = -1;
    byte[] hash = null;
    int last = 0;
    for (int p = 0; p < this.parameters.length;) {
      int t = this.parameters[p++] & 0xff;
      if (t <= last) {
        throw new IllegalArgumentException("contribution parameters must be in increasing type order; type " + t
            + " follows " + last);
      }
      last = t;
      if (t == 2) {
        exp = byteAt(p++);
        continue;
      }
      if (t != 1 && t != 3) {
        throw new IllegalArgumentException("unknown contribution parameter type " + t);
      }
      int len = byteAt(p++);
      if (p + len > this.parameters.length) {
        throw new IllegalArgumentException("contribution parameter " + t + " runs past the parameters' end");
      }
      if (t == 1) {
        n = new String(this.parameters, p, len, StandardCharsets.UTF_8);
      } else {
        hash = Arrays.copyOfRange(this.parameters, p, p + len);
      }
      p += len;
    }
    this.name = n;
    this.numIterationsExp = exp;
    this.beaconHash = hash;
  }

  private int byteAt(int p) {
    if (p >= parameters.length) {
      throw new IllegalArgumentException("contribution parameters end in the middle of a value");
    }
    return parameters[p] & 0xff;
  }

  /**
   * A contribution from its parts; points are affine G1 (8 longs) or G2 (16 longs) in Montgomery
   * form.
   *
   * @param parameters the encoded parameters (see the class comment and {@link #encodeParameters})
   * @throws IllegalArgumentException if a point is malformed or off its curve, the transcript is
   *     not 64 bytes, or the parameters do not parse
   */
  public static Phase2Contribution of(long[] deltaAfter, long[] g1S, long[] g1Sx, long[] g2Spx, byte[] transcript,
      int type, byte[] parameters) {
    return new Phase2Contribution(deltaAfter, g1S, g1Sx, g2Spx, transcript, type, parameters);
  }

  /**
   * Parameters encoded as snarkjs does: the name (cut to 64 characters) if not null; for a beacon
   * ({@code beaconHash} not null) the iteration exponent and the hash.
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

  /** delta1 after this contribution (affine G1). */
  public long[] deltaAfter() {
    return deltaAfter.clone();
  }

  /** The random G1 point s of the proof of knowledge. */
  public long[] g1S() {
    return g1S.clone();
  }

  /** s times the contributor's secret. */
  public long[] g1Sx() {
    return g1Sx.clone();
  }

  /** The G2 point hashed from the transcript, times the contributor's secret. */
  public long[] g2Spx() {
    return g2Spx.clone();
  }

  public byte[] transcript() {
    return transcript.clone();
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

  /** The beacon's iteration exponent (2^exp hash iterations), when recorded. */
  public OptionalInt numIterationsExp() {
    return numIterationsExp < 0 ? OptionalInt.empty() : OptionalInt.of(numIterationsExp);
  }

  public Optional<byte[]> beaconHash() {
    return Optional.ofNullable(beaconHash).map(byte[]::clone);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phase2Contribution c && c.type == type && Arrays.equals(c.deltaAfter, deltaAfter)
        && Arrays.equals(c.g1S, g1S) && Arrays.equals(c.g1Sx, g1Sx) && Arrays.equals(c.g2Spx, g2Spx)
        && Arrays.equals(c.transcript, transcript) && Arrays.equals(c.parameters, parameters);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(transcript) * 31 + Arrays.hashCode(deltaAfter);
  }

  @Override
  public String toString() {
    return "Phase2Contribution[type=" + type + (name == null ? "" : ", name=" + name) + "]";
  }

  private static long[] checkPoint(long[] p, boolean g2, String what) {
    int size = PointChecks.size(g2);
    if (p.length != size) {
      throw new IllegalArgumentException(what + " has " + p.length + " longs, expected " + size);
    }
    if (!PointChecks.valid(p, 0, PointChecks.group(g2))) {
      throw new IllegalArgumentException(what + " " + PointChecks.describe(p, 0, g2) + " is not on the curve");
    }
    return p.clone();
  }
}
