package org.zkml4j.circuit.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.math.field.PrimeField;

/**
 * Reads the binary container that iden3's tools use for {@code .r1cs}, {@code .wtns},
 * {@code .zkey} and {@code .ptau} files (iden3/binfileutils). All integers are little-endian:
 *
 * <pre>
 *   magic        4 bytes, ASCII ("r1cs", "wtns", "zkey", "ptau")
 *   version      u32
 *   nSections    u32
 *   nSections times:  type u32, size u64, then size bytes of body
 * </pre>
 *
 * <p>{@link #open} reads the header and the section table and checks that every section lies
 * inside the file and that nothing follows the last one. Sections may appear in any order (circom
 * writes the constraints before the header), so a format reads them by type with
 * {@link #section(int, String)}, which also checks that the type appears exactly once. A
 * {@link Section} streams its body through a buffer of at most 1 MiB, so files of hundreds of MB
 * are read without holding them in memory. Every error is a {@link FormatException} naming the
 * file and the section.
 */
public final class BinFileReader implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final int version;
  private final List<Entry> entries;

  private record Entry(int type, long offset, long size) {}

  private BinFileReader(Path file, FileChannel channel, int version, List<Entry> entries) {
    this.file = file;
    this.channel = channel;
    this.version = version;
    this.entries = entries;
  }

  /**
   * Opens a container file and reads its section table.
   *
   * @param magic the 4-character type the file must start with
   * @param minVersion lowest accepted version
   * @param maxVersion highest accepted version
   */
  public static BinFileReader open(Path file, String magic, int minVersion, int maxVersion)
      throws IOException, FormatException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long fileSize = channel.size();
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      if (fileSize < 12 || readFully(channel, head, 0) < 12) {
        throw new FormatException(file, "is " + fileSize + " bytes long, too short for a \"" + magic
            + "\" file header (12 bytes)");
      }
      byte[] found = new byte[4];
      head.get(0, found);
      if (!magic.equals(new String(found, StandardCharsets.ISO_8859_1))) {
        throw new FormatException(file, "expected a \"" + magic + "\" file, but it starts with " + printable(found));
      }
      long version = Integer.toUnsignedLong(head.getInt(4));
      if (version < minVersion || version > maxVersion) {
        throw new FormatException(file, "\"" + magic + "\" version " + version + " is not supported; expected "
            + (minVersion == maxVersion ? "version " + minVersion : "a version in [" + minVersion + ", " + maxVersion + "]"));
      }
      long count = Integer.toUnsignedLong(head.getInt(8));
      List<Entry> entries = new ArrayList<>();
      long pos = 12;
      for (long i = 0; i < count; i++) {
        head.clear();
        if (pos + 12 > fileSize || readFully(channel, head, pos) < 12) {
          throw new FormatException(file, "the header announces " + count + " sections, but the file ends after "
              + i + " (at byte " + fileSize + ")");
        }
        int type = head.getInt(0);
        long size = head.getLong(4);
        if (size < 0 || size > fileSize - pos - 12) {
          throw new FormatException(file, "section " + Integer.toUnsignedString(type) + " at byte " + pos + " claims "
              + Long.toUnsignedString(size) + " bytes, but only " + (fileSize - pos - 12) + " bytes follow");
        }
        entries.add(new Entry(type, pos + 12, size));
        pos += 12 + size;
      }
      if (pos != fileSize) {
        throw new FormatException(file, (fileSize - pos) + " unexpected bytes after the last of " + count + " sections");
      }
      return new BinFileReader(file, channel, (int) version, List.copyOf(entries));
    } catch (IOException | FormatException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  public int version() {
    return version;
  }

  /** Section types in file order; a type may repeat. */
  public List<Integer> sectionTypes() {
    return entries.stream().map(Entry::type).toList();
  }

  /** True when at least one section of this type is present. */
  public boolean has(int type) {
    return entries.stream().anyMatch(e -> e.type == type);
  }

  /**
   * Opens the one section of the given type for reading.
   *
   * @param name how messages call the section, e.g. "section 2 (constraints)"
   * @throws FormatException if the section is missing or appears more than once
   */
  public Section section(int type, String name) throws FormatException {
    List<Entry> matches = entries.stream().filter(e -> e.type == type).toList();
    if (matches.isEmpty()) {
      throw error(name + " is missing");
    }
    if (matches.size() > 1) {
      throw error(name + " appears " + matches.size() + " times; expected once");
    }
    return new Section(name, matches.get(0).offset, matches.get(0).size);
  }

  /** An exception about this file. */
  public FormatException error(String message) {
    return new FormatException(file, message);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * Sequential little-endian reads from one section's body. Reading past the end of the section
   * is an error, and {@link #expectEnd()} checks that a format consumed exactly the whole body.
   */
  public final class Section {
    private final String name;
    private final long start;
    private final long size;
    private final ByteBuffer buffer;
    /** Bytes of the body loaded into the buffer so far. */
    private long loaded;

    private Section(String name, long start, long size) {
      this.name = name;
      this.start = start;
      this.size = size;
      this.buffer = ByteBuffer.allocateDirect(Math.clamp(size, 64, BUFFER_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
      this.buffer.limit(0);
    }

    /** Size of the body in bytes. */
    public long size() {
      return size;
    }

    /** Bytes read so far. */
    public long position() {
      return loaded - buffer.remaining();
    }

    /** Bytes not yet read. */
    public long remaining() {
      return size - position();
    }

    /** An unsigned 32-bit integer. */
    public long u32() throws IOException, FormatException {
      require(4, "a u32");
      return Integer.toUnsignedLong(buffer.getInt());
    }

    /** A 64-bit integer, returned as its raw bits (negative when at least 2^63). */
    public long u64() throws IOException, FormatException {
      require(8, "a u64");
      return buffer.getLong();
    }

    /** 32 little-endian bytes as four limbs, least significant first, with no range check. */
    public void limbs(long[] z, int zo) throws IOException, FormatException {
      require(32, "a 32-byte field element");
      z[zo] = buffer.getLong();
      z[zo + 1] = buffer.getLong();
      z[zo + 2] = buffer.getLong();
      z[zo + 3] = buffer.getLong();
    }

    /**
     * A field element stored as its plain 32-byte little-endian value (as .r1cs and .wtns do),
     * converted to Montgomery form.
     *
     * @throws FormatException if the value is not below the field's modulus
     */
    public void element(PrimeField field, long[] z, int zo) throws IOException, FormatException {
      limbs(z, zo);
      if (!field.isCanonical(z, zo)) {
        throw error("the value at byte " + (position() - 32) + " is not below the field modulus " + field.modulus());
      }
      field.toMontgomery(z, zo, z, zo);
    }

    /** Fills {@code dst[off..off+len)}. */
    public void bytes(byte[] dst, int off, int len) throws IOException, FormatException {
      while (len > 0) {
        int n = Math.min(len, buffer.capacity());
        require(n, len + " bytes");
        buffer.get(dst, off, n);
        off += n;
        len -= n;
      }
    }

    /** Skips n bytes. */
    public void skip(long n) throws IOException, FormatException {
      if (n > remaining()) {
        throw error("cannot skip " + n + " bytes at byte " + position() + "; the section ends at byte " + size);
      }
      long inBuffer = Math.min(n, buffer.remaining());
      buffer.position(buffer.position() + (int) inBuffer);
      if (n > inBuffer) {
        loaded += n - inBuffer;
        buffer.limit(0);
      }
    }

    /**
     * Checks that every byte of the body was read.
     *
     * @throws FormatException naming how many bytes were left over
     */
    public void expectEnd() throws FormatException {
      if (remaining() != 0) {
        throw error("is " + size + " bytes long, but its content ends at byte " + position());
      }
    }

    /** An exception about this section. */
    public FormatException error(String message) {
      return new FormatException(file, name + ": " + message);
    }

    private void require(int n, String what) throws IOException, FormatException {
      if (buffer.remaining() >= n) {
        return;
      }
      if (remaining() < n) {
        throw error("ends at byte " + size + ", but " + what + " was expected at byte " + position());
      }
      buffer.compact();
      int want = (int) Math.min(buffer.remaining(), size - loaded);
      buffer.limit(buffer.position() + want);
      int got = readFully(channel, buffer, start + loaded);
      if (got < want) {
        throw error("the file ended while reading (truncated while open?)");
      }
      loaded += got;
      buffer.flip();
    }
  }

  /** Reads until the buffer is full or the channel ends; returns the bytes read. */
  private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    int total = 0;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private static String printable(byte[] bytes) {
    StringBuilder s = new StringBuilder("\"");
    for (byte b : bytes) {
      s.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
    }
    return s.append('"').toString();
  }
}
