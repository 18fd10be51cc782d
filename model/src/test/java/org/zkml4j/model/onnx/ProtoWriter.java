package org.zkml4j.model.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf wire format for tests: the writing side of the encoding, kept apart from the
 * importer's reader so that each checks the other (and ONNX Runtime checks both).
 */
final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ProtoWriter varintField(int field, long value) {
    key(field, 0);
    varint(value);
    return this;
  }

  ProtoWriter floatField(int field, float value) {
    key(field, 5);
    fixed32(Float.floatToRawIntBits(value));
    return this;
  }

  ProtoWriter bytesField(int field, byte[] value) {
    key(field, 2);
    varint(value.length);
    out.writeBytes(value);
    return this;
  }

  ProtoWriter stringField(int field, String value) {
    return bytesField(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter messageField(int field, ProtoWriter message) {
    return bytesField(field, message.toBytes());
  }

  /** Repeated varints in packed form (one length-delimited field). */
  ProtoWriter packedVarints(int field, long... values) {
    ProtoWriter p = new ProtoWriter();
    for (long v : values) {
      p.varint(v);
    }
    return bytesField(field, p.toBytes());
  }

  /** Repeated floats in packed form. */
  ProtoWriter packedFloats(int field, float... values) {
    ProtoWriter p = new ProtoWriter();
    for (float v : values) {
      p.fixed32(Float.floatToRawIntBits(v));
    }
    return bytesField(field, p.toBytes());
  }

  void key(int field, int wireType) {
    varint((long) field << 3 | wireType);
  }

  void varint(long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }

  void fixed32(int v) {
    for (int i = 0; i < 4; i++) {
      out.write(v >>> (8 * i) & 0xff);
    }
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
