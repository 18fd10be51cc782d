package org.zkml4j.groth16.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the container described in {@link ContainerReader}: the header, then sections one after
 * another, each size patched in when the section ends. Bodies stream through a 4 MiB buffer.
 * Not thread-safe; {@link #close()} checks that the announced number of sections was written.
 */
final class ContainerWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 22;

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private final int sections;
  private int written;
  private long flushed;
  private long sizeField = -1;

  private ContainerWriter(FileChannel channel, int sections) {
    this.channel = channel;
    this.sections = sections;
  }

  static ContainerWriter create(Path file, String magic, int version, int sections) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    ContainerWriter w = new ContainerWriter(channel, sections);
    byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
    if (m.length != 4) {
      channel.close();
      throw new IllegalArgumentException("magic must be 4 ASCII bytes: " + magic);
    }
    w.bytes(m, 0, 4);
    w.u32(version);
    w.u32(sections);
    return w;
  }

  void beginSection(int type) throws IOException {
    if (sizeField >= 0) {
      throw new IllegalStateException("a section is already open");
    }
    u32(type);
    sizeField = position();
    u64(0);
  }

  void endSection() throws IOException {
    if (sizeField < 0) {
      throw new IllegalStateException("no section is open");
    }
    long size = position() - sizeField - 8;
    flush();
    ByteBuffer patch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, size);
    while (patch.hasRemaining()) {
      channel.write(patch, sizeField + patch.position());
    }
    sizeField = -1;
    written++;
  }

  void u32(int v) throws IOException {
    room(4);
    buffer.putInt(v);
  }

  void u64(long v) throws IOException {
    room(8);
    buffer.putLong(v);
  }

  void bytes(byte[] src, int off, int len) throws IOException {
    while (len > 0) {
      room(1);
      int n = Math.min(len, buffer.remaining());
      buffer.put(src, off, n);
      off += n;
      len -= n;
    }
  }

  /** Four limbs as 32 little-endian bytes. */
  void limbs(long[] z, int zo) throws IOException {
    room(32);
    buffer.putLong(z[zo]).putLong(z[zo + 1]).putLong(z[zo + 2]).putLong(z[zo + 3]);
  }

  /** {@code count} longs from {@code src[off..)}, little-endian. */
  void longs(long[] src, int off, int count) throws IOException {
    while (count > 0) {
      room(8);
      int n = Math.min(count, buffer.remaining() / 8);
      buffer.asLongBuffer().put(src, off, n);
      buffer.position(buffer.position() + 8 * n);
      off += n;
      count -= n;
    }
  }

  /** The remaining longs of {@code src}, little-endian (the buffer's position is not moved). */
  void longs(LongBuffer src) throws IOException {
    for (int p = src.position(); p < src.limit();) {
      room(8);
      int n = Math.min(src.limit() - p, buffer.remaining() / 8);
      buffer.asLongBuffer().put(src.slice(p, n));
      buffer.position(buffer.position() + 8 * n);
      p += n;
    }
  }

  private long position() {
    return flushed + buffer.position();
  }

  private void room(int n) throws IOException {
    if (buffer.remaining() < n) {
      flush();
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      flushed += channel.write(buffer, flushed);
    }
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
      if (sizeField >= 0 || written != sections) {
        throw new IllegalStateException("wrote " + written + " complete sections of the " + sections + " announced");
      }
    } finally {
      channel.close();
    }
  }
}
