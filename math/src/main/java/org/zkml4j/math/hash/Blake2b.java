package org.zkml4j.math.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * BLAKE2b (RFC 7693), unkeyed, with a digest of 1 to 64 bytes (64 by default: BLAKE2b-512, the
 * hash snarkjs uses for its ceremony transcripts).
 *
 * <p>Like every BLAKE2 implementation, an instance holds back the last block it was given until
 * more data arrives or {@link #digest()} is called, because the final block is compressed with a
 * flag. That makes the state between calls canonical: after n &gt; 0 bytes, {@code ((n - 1) mod
 * 128) + 1} bytes are buffered and the rest compressed, whatever the split of the updates.
 * {@link #midstate()} exposes that state and {@link #resume} rebuilds an instance from it, which
 * is how snarkjs stores a half-finished response hash in its .ptau files.
 *
 * <p>An instance is not thread-safe; {@link #copy()} forks it.
 */
public final class Blake2b {
  /** Bytes per compressed block. */
  public static final int BLOCK_BYTES = 128;
  /** The largest (and default) digest length. */
  public static final int MAX_DIGEST_LENGTH = 64;

  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long[] IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };
  /** Message word schedule of rounds 0..9 (rounds 10 and 11 repeat rounds 0 and 1). */
  private static final byte[][] SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
  };

  private final int digestLength;
  private final long[] h = new long[8];
  private final byte[] buffer = new byte[BLOCK_BYTES];
  private final long[] m = new long[16];
  private final long[] v = new long[16];
  /** Bytes in {@link #buffer}, 0..128. */
  private int buffered;
  /** Bytes compressed so far (the low word of RFC 7693's 128-bit counter t). */
  private long compressed;

  /**
   * The state between updates: the chaining value h, the number of bytes already compressed (a
   * multiple of 128), and the buffered tail (1 to 128 bytes once anything was hashed).
   */
  public record Midstate(long[] h, long compressedBytes, byte[] pending) {
    public Midstate {
      h = h.clone();
      pending = pending.clone();
    }

    @Override
    public long[] h() {
      return h.clone();
    }

    @Override
    public byte[] pending() {
      return pending.clone();
    }
  }

  /** BLAKE2b-512. */
  public Blake2b() {
    this(MAX_DIGEST_LENGTH);
  }

  /** BLAKE2b with a digest of {@code digestLength} bytes, 1 to 64. */
  public Blake2b(int digestLength) {
    if (digestLength < 1 || digestLength > MAX_DIGEST_LENGTH) {
      throw new IllegalArgumentException("BLAKE2b digest length must be 1..64, was " + digestLength);
    }
    this.digestLength = digestLength;
    reset();
  }

  /** The 64-byte BLAKE2b-512 digest of {@code data}. */
  public static byte[] hash(byte[] data) {
    return new Blake2b().update(data).digest();
  }

  /**
   * A BLAKE2b-512 instance continuing from a {@link Midstate}.
   *
   * @throws IllegalArgumentException if the counts are inconsistent: compressed bytes not a
   *     non-negative multiple of 128, more than 128 pending bytes, or none pending after a
   *     compressed block (a BLAKE2b state never holds back an empty final block)
   */
  public static Blake2b resume(Midstate state) {
    long t = state.compressedBytes();
    int pending = state.pending.length;
    if (t < 0 || t % BLOCK_BYTES != 0 || pending > BLOCK_BYTES || (t > 0 && pending == 0)) {
      throw new IllegalArgumentException("not a BLAKE2b midstate: " + t + " bytes compressed, " + pending + " pending");
    }
    Blake2b b = new Blake2b();
    System.arraycopy(state.h, 0, b.h, 0, 8);
    b.compressed = t;
    System.arraycopy(state.pending, 0, b.buffer, 0, pending);
    b.buffered = pending;
    return b;
  }

  /** The current state, from which {@link #resume} continues. */
  public Midstate midstate() {
    return new Midstate(h, compressed, Arrays.copyOf(buffer, buffered));
  }

  /** An independent instance in the same state. */
  public Blake2b copy() {
    Blake2b b = new Blake2b(digestLength);
    System.arraycopy(h, 0, b.h, 0, 8);
    System.arraycopy(buffer, 0, b.buffer, 0, BLOCK_BYTES);
    b.buffered = buffered;
    b.compressed = compressed;
    return b;
  }

  /** Appends {@code data[offset .. offset + length)} to the message. */
  public Blake2b update(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (buffered == BLOCK_BYTES) { // more data follows, so the held-back block is not the last
        compressed += BLOCK_BYTES;
        compress(buffer, 0, false);
        buffered = 0;
      }
      if (buffered == 0 && end - i > BLOCK_BYTES) { // whole blocks straight from the input
        compressed += BLOCK_BYTES;
        compress(data, i, false);
        i += BLOCK_BYTES;
        continue;
      }
      int take = Math.min(BLOCK_BYTES - buffered, end - i);
      System.arraycopy(data, i, buffer, buffered, take);
      buffered += take;
      i += take;
    }
    return this;
  }

  public Blake2b update(byte[] data) {
    return update(data, 0, data.length);
  }

  /** The digest of everything fed since creation or the last digest; the instance starts over. */
  public byte[] digest() {
    compressed += buffered;
    Arrays.fill(buffer, buffered, BLOCK_BYTES, (byte) 0);
    compress(buffer, 0, true);
    byte[] out = new byte[digestLength];
    for (int i = 0; i < digestLength; i++) {
      out[i] = (byte) (h[i >>> 3] >>> (8 * (i & 7)));
    }
    reset();
    return out;
  }

  private void reset() {
    System.arraycopy(IV, 0, h, 0, 8);
    h[0] ^= 0x01010000L ^ digestLength; // parameter block: depth 1, fanout 1, no key
    buffered = 0;
    compressed = 0;
  }

  /** The compression function F of RFC 7693 section 3.2 on the block at {@code in[off..off+128)}. */
  private void compress(byte[] in, int off, boolean last) {
    for (int i = 0; i < 16; i++) {
      m[i] = (long) LONG_LE.get(in, off + 8 * i);
    }
    System.arraycopy(h, 0, v, 0, 8);
    System.arraycopy(IV, 0, v, 8, 8);
    v[12] ^= compressed; // the high counter word stays zero: inputs are below 2^64 bytes
    if (last) {
      v[14] = ~v[14];
    }
    for (int round = 0; round < 12; round++) {
      byte[] s = SIGMA[round % 10];
      mix(0, 4, 8, 12, m[s[0]], m[s[1]]);
      mix(1, 5, 9, 13, m[s[2]], m[s[3]]);
      mix(2, 6, 10, 14, m[s[4]], m[s[5]]);
      mix(3, 7, 11, 15, m[s[6]], m[s[7]]);
      mix(0, 5, 10, 15, m[s[8]], m[s[9]]);
      mix(1, 6, 11, 12, m[s[10]], m[s[11]]);
      mix(2, 7, 8, 13, m[s[12]], m[s[13]]);
      mix(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) {
      h[i] ^= v[i] ^ v[i + 8];
    }
  }

  /** The mixing function G. */
  private void mix(int a, int b, int c, int d, long x, long y) {
    long[] w = v;
    w[a] += w[b] + x;
    w[d] = Long.rotateRight(w[d] ^ w[a], 32);
    w[c] += w[d];
    w[b] = Long.rotateRight(w[b] ^ w[c], 24);
    w[a] += w[b] + y;
    w[d] = Long.rotateRight(w[d] ^ w[a], 16);
    w[c] += w[d];
    w[b] = Long.rotateRight(w[b] ^ w[c], 63);
  }
}
