package org.zkml4j.groth16.ceremony;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.zkml4j.math.hash.Blake2b;

/**
 * snarkjs 0.7's 216-byte serialisation of a half-finished BLAKE2b-512 (the "partialHash" of a
 * .ptau contribution): the internal state of @noble/hashes's blake2b, so that a verifier can finish
 * the response hash with the contributor's public key without the response itself.
 *
 * <pre>
 *   bytes   0..128  the block buffer; its first {@code pos} bytes are the pending input
 *   bytes 128..192  the chaining value h0..h7, each as two little-endian u32 (low word first)
 *   bytes 192..200  bytes already compressed, u64 little-endian (snarkjs fills only the low word)
 *   bytes 200..208  pos, u64 little-endian
 *   bytes 208..216  unused
 * </pre>
 */
final class PartialHash {
  static final int BYTES = 216;

  private PartialHash() {}

  static byte[] encode(Blake2b.Midstate state) {
    ByteBuffer b = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, state.pending());
    long[] h = state.h();
    for (int i = 0; i < 8; i++) {
      b.putLong(128 + 8 * i, h[i]);
    }
    b.putLong(192, state.compressedBytes());
    b.putLong(200, state.pending().length);
    return b.array();
  }

  /**
   * The hasher the bytes describe.
   *
   * @throws IllegalArgumentException if they are not a state BLAKE2b can be in
   */
  static Blake2b decode(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a partial hash has " + BYTES + " bytes, not " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long[] h = new long[8];
    for (int i = 0; i < 8; i++) {
      h[i] = b.getLong(128 + 8 * i);
    }
    long compressed = b.getLong(192);
    long pos = b.getLong(200);
    if (pos < 0 || pos > Blake2b.BLOCK_BYTES) {
      throw new IllegalArgumentException("partial hash buffer position " + pos + " is outside 0..128");
    }
    return Blake2b.resume(new Blake2b.Midstate(h, compressed, Arrays.copyOf(bytes, (int) pos)));
  }
}
