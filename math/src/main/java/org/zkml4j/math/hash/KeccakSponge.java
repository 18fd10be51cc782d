package org.zkml4j.math.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sponge construction over {@link KeccakF1600} with the multi-rate padding pad10*1 preceded by
 * domain bits: one class for both Keccak-256 as Ethereum uses it (domain byte 0x01, the padding
 * of the original Keccak submission) and the FIPS 202 SHA-3 functions (domain byte 0x06), so the
 * permutation and padding can be checked against the JDK's SHA3 digests.
 *
 * <p>Bytes enter the state little-endian: byte i of a block is XORed into lane i / 8 at bit 8 * (i
 * mod 8). Digests shorter than the rate are the first bytes of the state after the last block.
 */
final class KeccakSponge {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final int rate;
  private final byte domain;
  private final int digestLength;
  private final long[] lanes = new long[KeccakF1600.LANES];
  /** Bytes of the current block absorbed so far. */
  private int position;

  /**
   * @param rate block size in bytes, a multiple of 8 below 200 (136 for 256-bit digests)
   * @param domain the domain bits with the first padding bit: 0x01 for Keccak, 0x06 for SHA-3
   * @param digestLength output bytes, at most the rate
   */
  KeccakSponge(int rate, byte domain, int digestLength) {
    if (rate <= 0 || rate >= 8 * KeccakF1600.LANES || rate % 8 != 0 || digestLength > rate) {
      throw new IllegalArgumentException("unsupported rate " + rate + " for digest length " + digestLength);
    }
    this.rate = rate;
    this.domain = domain;
    this.digestLength = digestLength;
  }

  void update(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    int end = offset + length;
    for (int i = offset; i < end; ) {
      if ((position & 7) == 0 && end - i >= 8) { // a whole lane at once
        lanes[position >>> 3] ^= (long) LONG_LE.get(data, i);
        i += 8;
        position += 8;
      } else {
        xorByte(position++, data[i++]);
      }
      if (position == rate) {
        KeccakF1600.permute(lanes);
        position = 0;
      }
    }
  }

  private void xorByte(int index, byte v) {
    lanes[index >>> 3] ^= (v & 0xFFL) << (8 * (index & 7));
  }

  /** Pads, finishes and returns the digest; the sponge is then reset for a new message. */
  byte[] digest() {
    xorByte(position, domain);
    xorByte(rate - 1, (byte) 0x80);
    KeccakF1600.permute(lanes);
    byte[] out = new byte[digestLength];
    for (int i = 0; i < digestLength; i++) {
      out[i] = (byte) (lanes[i >>> 3] >>> (8 * (i & 7)));
    }
    reset();
    return out;
  }

  void reset() {
    Arrays.fill(lanes, 0L);
    position = 0;
  }
}
