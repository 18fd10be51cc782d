package org.zkml4j.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over one protobuf message in a byte array: the wire format's varints, little-endian
 * fixed-width values and length-delimited fields (https://protobuf.dev/programming-guides/encoding/).
 * Every read checks the message's bounds; a violation throws {@link ProtoException} with the
 * absolute byte offset. Nested messages are read by {@link #message()} without copying.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] buf;
  private int pos;
  private final int limit;
  private int wireType;

  ProtoReader(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
  }

  boolean hasMore() {
    return pos < limit;
  }

  /** Reads the next field's key and returns its field number; {@link #wireType()} then tells its encoding. */
  int nextField() {
    long key = varint();
    int field = (int) (key >>> 3);
    wireType = (int) (key & 7);
    if (field <= 0 || key >>> 32 != 0) {
      throw error("invalid field key " + key);
    }
    if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
      throw error("field " + field + " has unsupported wire type " + wireType);
    }
    return field;
  }

  int wireType() {
    return wireType;
  }

  /** Checks that the current field has the encoding the schema gives it. */
  void expect(int type, String field) {
    if (wireType != type) {
      throw error(field + " has wire type " + wireType + ", expected " + type);
    }
  }

  long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= limit) {
        throw error("truncated varint");
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw error("varint longer than 10 bytes");
  }

  int fixed32() {
    require(4);
    int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16 | (buf[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  long fixed64() {
    long lo = fixed32() & 0xffffffffL;
    long hi = fixed32() & 0xffffffffL;
    return lo | hi << 32;
  }

  /** The current length-delimited field as a reader over its bytes. */
  ProtoReader message() {
    int length = length();
    ProtoReader r = new ProtoReader(buf, pos, length);
    pos += length;
    return r;
  }

  /** The current length-delimited field's bytes, copied. */
  byte[] bytes() {
    int length = length();
    byte[] out = new byte[length];
    System.arraycopy(buf, pos, out, 0, length);
    pos += length;
    return out;
  }

  /** The current length-delimited field as UTF-8 text. */
  String string() {
    int length = length();
    int start = pos;
    pos += length;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, start, length)).toString();
    } catch (CharacterCodingException e) {
      throw new ProtoException("invalid UTF-8 in a string", start);
    }
  }

  /** The current length-delimited field's bytes as a little-endian buffer (no copy). */
  ByteBuffer littleEndian() {
    int length = length();
    ByteBuffer b = ByteBuffer.wrap(buf, pos, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    pos += length;
    return b;
  }

  /** Skips the current field's value. */
  void skip() {
    switch (wireType) {
      case VARINT -> varint();
      case FIXED64 -> {
        require(8);
        pos += 8;
      }
      case FIXED32 -> {
        require(4);
        pos += 4;
      }
      default -> {
        int length = length();
        pos += length;
      }
    }
  }

  /** Reads a length prefix and checks that the bytes it announces are there. */
  private int length() {
    if (wireType != LENGTH_DELIMITED) {
      throw error("expected a length-delimited field, found wire type " + wireType);
    }
    long length = varint();
    if (length < 0 || length > limit - pos) {
      throw error("length " + length + " runs past the end of the enclosing message (" + (limit - pos)
          + " bytes left)");
    }
    return (int) length;
  }

  private void require(int n) {
    if (limit - pos < n) {
      throw error("truncated: needs " + n + " bytes, " + (limit - pos) + " left");
    }
  }

  ProtoException error(String message) {
    return new ProtoException(message, pos);
  }

  /** A violation of the wire format at a byte offset; the importer turns it into an {@link OnnxException}. */
  static class ProtoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    ProtoException(String message, int offset) {
      super(message);
      this.offset = offset;
    }

    int offset() {
      return offset;
    }
  }
}
