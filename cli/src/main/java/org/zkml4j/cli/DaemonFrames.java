package org.zkml4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link DaemonClient} and {@link DaemonServer} say to each other over their Unix-domain
 * socket: frames of a type byte, a length and that many bytes. The client sends one request
 * ({@link #RUN}, {@link #STATUS} or {@link #STOP}) and then only answers to questions; the daemon
 * sends the command's standard output and error as they are written, questions, and finally the
 * exit code. Only {@link DaemonClient} and this class are loaded by the client, so that it starts
 * in a few dozen milliseconds.
 */
final class DaemonFrames {
  /** Bumped when a frame changes; a daemon and a client of different versions never meet (see the launcher). */
  static final int VERSION = 1;

  // Client to daemon.
  /** Run a command: {@link Request}. */
  static final byte RUN = 'R';
  /** Describe the daemon (no payload); answered with {@link #OUT} and {@link #EXIT}. */
  static final byte STATUS = 'S';
  /** Stop the daemon now (no payload); answered with {@link #OUT} and {@link #EXIT}. */
  static final byte STOP = 'Q';
  /** The user's answer to an {@link #ASK}: UTF-8 text, or a single 0 byte for "no answer". */
  static final byte ANSWER = 'A';

  // Daemon to client.
  /** Bytes for standard output. */
  static final byte OUT = 'o';
  /** Bytes for standard error. */
  static final byte ERR = 'e';
  /** A question for the user (UTF-8). */
  static final byte ASK = 'a';
  /** The end: the exit code and the command's peak resident memory in KiB (0 when unknown), two longs. */
  static final byte EXIT = 'x';
  /** Another command is running: run this one in a JVM of its own (no payload). */
  static final byte BUSY = 'b';

  /** Frames longer than this are refused (a request is a few kilobytes; output is sent in pieces). */
  static final int MAX_LENGTH = 1 << 24;

  private DaemonFrames() {}

  /** One frame. */
  record Frame(byte type, byte[] payload) {}

  /** A command to run: the client's words, its working folder, and what its terminal can do. */
  record Request(List<String> words, String workingDirectory, boolean interactive, boolean canAsk) {
    byte[] encode() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(VERSION);
        out.writeBoolean(interactive);
        out.writeBoolean(canAsk);
        writeText(out, workingDirectory);
        out.writeInt(words.size());
        for (String w : words) {
          writeText(out, w);
        }
      } catch (IOException e) {
        throw new AssertionError(e); // in memory
      }
      return bytes.toByteArray();
    }

    static Request decode(byte[] payload) throws IOException {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("client speaks protocol version " + version + ", this daemon " + VERSION);
      }
      boolean interactive = in.readBoolean();
      boolean canAsk = in.readBoolean();
      String dir = readText(in);
      int n = in.readInt();
      if (n < 0 || n > 100_000) {
        throw new IOException("bad word count " + n);
      }
      List<String> words = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        words.add(readText(in));
      }
      return new Request(List.copyOf(words), dir, interactive, canAsk);
    }
  }

  static void write(DataOutputStream out, byte type, byte[] payload, int offset, int length) throws IOException {
    out.writeByte(type);
    out.writeInt(length);
    out.write(payload, offset, length);
  }

  static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
    write(out, type, payload, 0, payload.length);
  }

  static byte[] exitPayload(int code, long peakKib) {
    return ByteBuffer.allocate(16).putLong(code).putLong(peakKib).array();
  }

  /** Field 0 (the exit code) or 1 (the peak memory) of an {@link #EXIT} frame's payload. */
  static long exitField(byte[] payload, int index) {
    return ByteBuffer.wrap(payload).getLong(8 * index);
  }

  /** The next frame, or null at the end of the stream. */
  static Frame read(DataInputStream in) throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    int length = in.readInt();
    if (length < 0 || length > MAX_LENGTH) {
      throw new IOException("bad frame length " + length);
    }
    byte[] payload = new byte[length];
    in.readFully(payload);
    return new Frame((byte) type, payload);
  }

  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readText(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_LENGTH) {
      throw new IOException("bad text length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** An output stream whose writes become frames of one type, sent at once (progress must not wait in a buffer). */
  static final class FrameStream extends OutputStream {
    private final DataOutputStream out;
    private final byte type;

    FrameStream(DataOutputStream out, byte type) {
      this.out = out;
      this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      synchronized (out) { // stdout and stderr frames share the socket
        DaemonFrames.write(out, type, b, off, len);
        out.flush();
      }
    }
  }
}
