package org.zkml4j.circuit.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test encoder for iden3's binary container, written straight from the format description with
 * ByteBuffer so that readers are tested against bytes the code under test did not produce.
 */
final class Container {
  static final BigInteger R = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  static final BigInteger Q = new BigInteger(
      "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A container header announcing {@code sections} sections. */
  Container(String magic, int version, int sections) {
    out.writeBytes(magic.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(le(4).putInt(version).array());
    out.writeBytes(le(4).putInt(sections).array());
  }

  /** A section with its true size. */
  Container section(int type, Body body) {
    return section(type, body.bytes().length, body);
  }

  /** A section whose size field says {@code claimedSize}. */
  Container section(int type, long claimedSize, Body body) {
    out.writeBytes(le(12).putInt(type).putLong(claimedSize).array());
    out.writeBytes(body.bytes());
    return this;
  }

  Container raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  Path writeTo(Path file) {
    try {
      return Files.write(file, bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Body body() {
    return new Body();
  }

  /** A section body built from little-endian integers and field elements. */
  static final class Body {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Body u32(long v) {
      out.writeBytes(le(4).putInt((int) v).array());
      return this;
    }

    Body u64(long v) {
      out.writeBytes(le(8).putLong(v).array());
      return this;
    }

    /** The 32-byte little-endian encoding of 0 &lt;= v &lt; 2^256. */
    Body fe(BigInteger v) {
      byte[] be = v.toByteArray();
      byte[] le = new byte[32];
      for (int i = 0; i < 32 && i < be.length; i++) {
        le[i] = be[be.length - 1 - i];
      }
      out.writeBytes(le);
      return this;
    }

    Body fe(long v) {
      return fe(BigInteger.valueOf(v));
    }

    Body bytes(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
