package org.zkml4j.circuit.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.zkml4j.math.field.PrimeField;

/**
 * Writes the binary container described in {@link BinFileReader}: a header, then sections one
 * after another. Each section's size is patched into its header when {@link #endSection()} is
 * called, so bodies are streamed through a 1 MiB buffer and never held whole in memory.
 *
 * <p>Usage: {@link #create}, then for each section {@link #beginSection(int)}, the body writes,
 * {@link #endSection()}; then {@link #close()}, which checks that as many sections were written as
 * the header announced. Not thread-safe.
 */
public final class BinFileWriter implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private final long[] plain = new long[4];
  private final int announcedSections;
  private int writtenSections;
  /** File offset of the open section's size field, or -1 when no section is open. */
  private long sizeField = -1;
  /** File offset at which the buffer's first byte will be written. */
  private long flushed;

  private BinFileWriter(FileChannel channel, int announcedSections) {
    this.channel = channel;
    this.announcedSections = announcedSections;
  }

  /**
   * Creates (or truncates) a file and writes the container header.
   *
   * @param magic four ASCII characters
   */
  public static BinFileWriter create(Path file, String magic, int version, int sections) throws IOException {
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    if (m.length != 4) {
      throw new IllegalArgumentException("magic must be 4 ASCII characters: " + magic);
    }
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    BinFileWriter w = new BinFileWriter(channel, sections);
    w.buffer.put(m).putInt(version).putInt(sections);
    return w;
  }

  /** Starts a section of the given type; its size is filled in by {@link #endSection()}. */
  public void beginSection(int type) throws IOException {
    if (sizeField >= 0) {
      throw new IllegalStateException("section still open; call endSection() first");
    }
    if (writtenSections == announcedSections) {
      throw new IllegalStateException("the header announced " + announcedSections + " sections");
    }
    ensure(12);
    buffer.putInt(type);
    sizeField = flushed + buffer.position();
    buffer.putLong(0);
  }

  /** Ends the open section and records its size. */
  public void endSection() throws IOException {
    if (sizeField < 0) {
      throw new IllegalStateException("no section is open");
    }
    long size = flushed + buffer.position() - sizeField - 8;
    if (sizeField >= flushed) {
      buffer.putLong((int) (sizeField - flushed), size);
    } else {
      ByteBuffer patch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, size);
      while (patch.hasRemaining()) {
        channel.write(patch, sizeField + patch.position());
      }
    }
    sizeField = -1;
    writtenSections++;
  }

  /** An unsigned 32-bit integer. */
  public void u32(long v) throws IOException {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not a u32: " + v);
    }
    ensure(4);
    buffer.putInt((int) v);
  }

  /** A 64-bit integer (its raw bits). */
  public void u64(long v) throws IOException {
    ensure(8);
    buffer.putLong(v);
  }

  /** Four limbs as 32 little-endian bytes, unchanged. */
  public void limbs(long[] z, int zo) throws IOException {
    ensure(32);
    buffer.putLong(z[zo]).putLong(z[zo + 1]).putLong(z[zo + 2]).putLong(z[zo + 3]);
  }

  /** A Montgomery-form element written as its plain 32-byte little-endian value. */
  public void element(PrimeField field, long[] z, int zo) throws IOException {
    field.fromMontgomery(plain, 0, z, zo);
    limbs(plain, 0);
  }

  public void bytes(byte[] src, int off, int len) throws IOException {
    while (len > 0) {
      ensure(1);
      int n = Math.min(len, buffer.remaining());
      buffer.put(src, off, n);
      off += n;
      len -= n;
    }
  }

  /**
   * Flushes and closes the file.
   *
   * @throws IllegalStateException (after closing) if a section is open or fewer sections were
   *     written than the header announced
   */
  @Override
  public void close() throws IOException {
    try (channel) {
      flush();
    }
    if (sizeField >= 0 || writtenSections != announcedSections) {
      throw new IllegalStateException("wrote " + writtenSections + " complete sections of " + announcedSections
          + " announced" + (sizeField >= 0 ? ", and left one open" : ""));
    }
  }

  private void ensure(int n) throws IOException {
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
}
