package org.zkml4j.math.hash;

/**
 * Keccak-256 as Ethereum uses it (the {@code keccak256} of Solidity and the EVM's SHA3 opcode):
 * the Keccak sponge with rate 136 bytes, a 32-byte digest, and the original submission's padding
 * (first padding byte 0x01). It is not FIPS 202 SHA3-256, which pads with 0x06 and so gives
 * different digests; use {@code MessageDigest.getInstance("SHA3-256")} for that.
 *
 * <p>An instance hashes one message at a time, fed in any number of {@link #update} calls, and is
 * not thread-safe; {@link #hash(byte[])} is the one-shot form.
 */
public final class Keccak256 {
  /** Digest length in bytes. */
  public static final int DIGEST_LENGTH = 32;
  private static final int RATE = 136;

  private final KeccakSponge sponge = new KeccakSponge(RATE, (byte) 0x01, DIGEST_LENGTH);

  /** The 32-byte digest of {@code data}. */
  public static byte[] hash(byte[] data) {
    return new Keccak256().update(data, 0, data.length).digest();
  }

  /** Appends {@code data[offset .. offset + length)} to the message. */
  public Keccak256 update(byte[] data, int offset, int length) {
    sponge.update(data, offset, length);
    return this;
  }

  public Keccak256 update(byte[] data) {
    return update(data, 0, data.length);
  }

  /** The digest of everything fed since creation or the last digest; the instance starts over. */
  public byte[] digest() {
    return sponge.digest();
  }
}
