package org.zkml4j.groth16.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads iden3's binary container (iden3/binfileutils), shared by .zkey, .ptau, .r1cs and .wtns:
 * magic (4 ASCII bytes), u32 version, u32 section count, then per section u32 type, u64 size and
 * the body; all little-endian. {@link #open} checks the header and that the sections tile the
 * file exactly; a format then reads sections by type, each at most once.
 *
 * <p>Bodies are read sequentially through a 4 MiB buffer; {@link Section#longs} copies runs of
 * little-endian longs straight into caller arrays, so large point vectors load at memory speed.
 */
final class ContainerReader implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 22;

  private final Path file;
  private final FileChannel channel;
  private final int version;
  private final List<long[]> table = new ArrayList<>(); // {type, start, size}

  private ContainerReader(Path file, FileChannel channel, int version) {
    this.file = file;
    this.channel = channel;
    this.version = version;
  }

  /** Opens the file and checks its magic, its version (in [minVersion, maxVersion]) and section table. */
  static ContainerReader open(Path file, String magic, int minVersion, int maxVersion)
      throws IOException, FormatException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long length = channel.size();
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      if (length < 12 || readFully(channel, head, 0) < 12) {
        throw new FormatException(file, "is " + length + " bytes long, too short for a \"" + magic + "\" header");
      }
      head.flip();
      byte[] m = new byte[4];
      head.get(m);
      if (!magic.equals(new String(m, StandardCharsets.ISO_8859_1))) {
        throw new FormatException(file, "starts with " + printable(m) + ", not the magic \"" + magic
            + "\" of this file type");
      }
      int version = head.getInt();
      if (version < minVersion || version > maxVersion) {
        throw new FormatException(file, "has version " + Integer.toUnsignedString(version) + "; supported: "
            + (minVersion == maxVersion ? String.valueOf(minVersion) : minVersion + " to " + maxVersion));
      }
      long count = Integer.toUnsignedLong(head.getInt());
      ContainerReader reader = new ContainerReader(file, channel, version);
      long pos = 12;
      ByteBuffer sectionHead = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      for (long i = 0; i < count; i++) {
        sectionHead.clear();
        if (pos + 12 > length || readFully(channel, sectionHead, pos) < 12) {
          throw new FormatException(file, "the header announces " + count + " sections, but the file ends in the "
              + "header of section " + (i + 1));
        }
        sectionHead.flip();
        long type = Integer.toUnsignedLong(sectionHead.getInt());
        long size = sectionHead.getLong();
        pos += 12;
        if (size < 0 || size > length - pos) {
          throw new FormatException(file, "section " + type + " (number " + (i + 1) + " in the file) claims "
              + Long.toUnsignedString(size) + " bytes, but only " + (length - pos) + " remain");
        }
        reader.table.add(new long[] {type, pos, size});
        pos += size;
      }
      if (pos != length) {
        throw new FormatException(file, (length - pos) + " bytes follow the last of the " + count + " sections");
      }
      return reader;
    } catch (IOException | FormatException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  int version() {
    return version;
  }

  /** Section types in file order. */
  List<Integer> types() {
    return table.stream().map(t -> (int) t[0]).toList();
  }

  boolean has(int type) {
    return table.stream().anyMatch(t -> t[0] == type);
  }

  /**
   * The section of this type, which must appear exactly once.
   *
   * @param name how the format calls it, for messages
   */
  Section section(int type, String name) throws FormatException {
    long[] found = null;
    for (long[] t : table) {
      if (t[0] == type) {
        if (found != null) {
          throw new FormatException(file, "section " + type + " (" + name + ") appears more than once");
        }
        found = t;
      }
    }
    if (found == null) {
      throw new FormatException(file, "section " + type + " (" + name + ") is missing");
    }
    return new Section("section " + type + " (" + name + ")", found[1], found[2]);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Sequential little-endian reads from one section body; reading past its end is an error. */
  final class Section {
    private final String name;
    private final long start;
    private final long size;
    private final ByteBuffer buffer;
    private long loaded;

    private Section(String name, long start, long size) {
      this.name = name;
      this.start = start;
      this.size = size;
      this.buffer = ByteBuffer.allocate((int) Math.clamp(size, 64, BUFFER_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
      this.buffer.limit(0);
    }

    long size() {
      return size;
    }

    long position() {
      return loaded - buffer.remaining();
    }

    long remaining() {
      return size - position();
    }

    int u32() throws IOException, FormatException {
      require(4, "a u32");
      return buffer.getInt();
    }

    long u64() throws IOException, FormatException {
      require(8, "a u64");
      return buffer.getLong();
    }

    void bytes(byte[] dst, int off, int len) throws IOException, FormatException {
      while (len > 0) {
        int n = Math.min(len, buffer.capacity());
        require(n, len + " bytes");
        buffer.get(dst, off, n);
        off += n;
        len -= n;
      }
    }

    /** 32 little-endian bytes as four limbs, least significant first. */
    void limbs(long[] z, int zo) throws IOException, FormatException {
      require(32, "a 32-byte field element");
      z[zo] = buffer.getLong();
      z[zo + 1] = buffer.getLong();
      z[zo + 2] = buffer.getLong();
      z[zo + 3] = buffer.getLong();
    }

    /** Copies {@code count} little-endian longs into {@code dst[off..)}. */
    void longs(long[] dst, int off, int count) throws IOException, FormatException {
      if (8L * count > remaining()) {
        throw error("holds " + remaining() + " more bytes, but " + 8L * count + " were expected at byte " + position());
      }
      while (count > 0) {
        int n = Math.min(count, buffer.capacity() / 8);
        require(8 * n, "longs");
        buffer.asLongBuffer().get(dst, off, n);
        buffer.position(buffer.position() + 8 * n);
        off += n;
        count -= n;
      }
    }

    /** Checks that the whole body was read. */
    void expectEnd() throws FormatException {
      if (remaining() != 0) {
        throw error("is " + size + " bytes long, but its content ends at byte " + position());
      }
    }

    /** Checks the body's size before reading it. */
    void expectSize(long expected, String layout) throws FormatException {
      if (size != expected) {
        throw error("is " + size + " bytes long, expected " + expected + " (" + layout + ")");
      }
    }

    FormatException error(String message) {
      return new FormatException(file, name + " " + message);
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
        throw error("could not be read: the file ended early (was it truncated while open?)");
      }
      loaded += got;
      buffer.flip();
    }
  }

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
