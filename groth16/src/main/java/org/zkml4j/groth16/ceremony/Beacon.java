package org.zkml4j.groth16.ceremony;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys derived from a public random beacon, as snarkjs's {@code rngFromBeaconParams}: the beacon
 * hash is hashed with SHA-256 2^numIterationsExp times (a delay that keeps anyone from grinding
 * the beacon), and the result seeds a {@link ChaCha} stream (its 32 bytes as big-endian words).
 * Anyone can rerun the derivation, which is how a beacon contribution is verified.
 */
final class Beacon {
  /** snarkjs accepts exponents 10..63 and beacon hashes of 1..255 bytes. */
  static final int MIN_EXP = 10;
  static final int MAX_EXP = 63;
  static final int MAX_HASH_BYTES = 255;

  private Beacon() {}

  /**
   * @throws IllegalArgumentException if the exponent or the hash length is outside snarkjs's ranges
   */
  static ChaCha rng(byte[] beaconHash, int numIterationsExp) {
    check(beaconHash, numIterationsExp);
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
    byte[] h = beaconHash.clone();
    // 2^exp iterations, counted in an unsigned 64-bit loop (exp may be 63)
    long iterations = 1L << numIterationsExp;
    for (long i = 0; Long.compareUnsigned(i, iterations) < 0; i++) {
      h = sha256.digest(h);
    }
    return ChaCha.seededBigEndian(h);
  }

  /** The powers-of-tau key of a beacon contribution answering {@code challenge}. */
  static PtauKey ptauKey(byte[] challenge, byte[] beaconHash, int numIterationsExp) {
    return PtauKey.create(challenge, rng(beaconHash, numIterationsExp));
  }

  static void check(byte[] beaconHash, int numIterationsExp) {
    if (numIterationsExp < MIN_EXP || numIterationsExp > MAX_EXP) {
      throw new IllegalArgumentException("the beacon's iteration exponent must be in " + MIN_EXP + ".." + MAX_EXP
          + ", was " + numIterationsExp);
    }
    if (beaconHash.length == 0 || beaconHash.length > MAX_HASH_BYTES) {
      throw new IllegalArgumentException("the beacon hash must have 1.." + MAX_HASH_BYTES + " bytes, has "
          + beaconHash.length);
    }
  }
}
