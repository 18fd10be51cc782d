package org.zkml4j.cli;

import java.io.BufferedInputStream;
import java.io.Console;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's way into {@link DaemonServer}: sends the command line and working folder,
 * copies the command's output to this process's standard output and error as it comes, answers
 * its questions from the terminal, and exits with the command's exit code. It loads a handful of
 * classes, so it starts in well under a tenth of a second.
 *
 * <p>Usage: {@code DaemonClient <socket> <tty 0|1> <daemon pid|0> run|status|stop [words...]}. With
 * a daemon pid (one the launcher has just started), it waits for that daemon's socket while the
 * process lives. It exits with {@value #NO_DAEMON} when no daemon answers and {@value #BUSY} when
 * the daemon is running another command; the launcher then runs the command in a JVM of its own.
 */
final class DaemonClient {
  static final int NO_DAEMON = 250;
  static final int BUSY = 251;
  private static final long START_WAIT_MILLIS = 60_000;

  private DaemonClient() {}

  public static void main(String[] args) throws IOException {
    Path socket = Path.of(args[0]);
    boolean interactive = args[1].equals("1");
    long daemonPid = Long.parseLong(args[2]);
    String mode = args[3];
    List<String> words = Arrays.asList(args).subList(4, args.length);
    SocketChannel channel = connect(socket, daemonPid);
    if (channel == null) {
      if (!mode.equals("run")) {
        System.out.println("zkml4j daemon: not running (for this build of zkml4j, its JDK and JAVA_OPTS)");
        System.exit(0);
      }
      System.exit(NO_DAEMON);
    }
    Console console = System.console();
    if (mode.equals("run")) {
      byte[] request = new DaemonFrames.Request(words, Path.of("").toAbsolutePath().toString(), interactive,
          console != null).encode();
      System.exit(converse(channel, DaemonFrames.RUN, request, console));
    }
    byte type = switch (mode) {
      case "status" -> DaemonFrames.STATUS;
      case "stop" -> DaemonFrames.STOP;
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    };
    System.exit(converse(channel, type, new byte[0], console));
  }

  private static SocketChannel connect(Path socket, long daemonPid) {
    long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
    while (true) {
      try {
        return SocketChannel.open(UnixDomainSocketAddress.of(socket));
      } catch (IOException | UnsupportedOperationException e) {
        boolean starting = daemonPid > 0 && System.currentTimeMillis() < deadline
            && ProcessHandle.of(daemonPid).map(ProcessHandle::isAlive).orElse(false);
        if (!starting) {
          return null;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException ie) {
          return null;
        }
      }
    }
  }

  private static int converse(SocketChannel channel, byte type, byte[] request, Console console) throws IOException {
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    try (channel;
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel))) {
      DaemonFrames.write(out, type, request);
      out.flush();
      DaemonFrames.Frame f;
      while ((f = DaemonFrames.read(in)) != null) {
        switch (f.type()) {
          case DaemonFrames.OUT -> {
            stdout.write(f.payload());
            stdout.flush();
          }
          case DaemonFrames.ERR -> {
            stderr.write(f.payload());
            stderr.flush();
          }
          case DaemonFrames.ASK -> {
            String answer = console == null ? null : console.readLine("%s", new String(f.payload(), StandardCharsets.UTF_8));
            DaemonFrames.write(out, DaemonFrames.ANSWER,
                answer == null ? new byte[] {0} : answer.getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
          case DaemonFrames.BUSY -> {
            return BUSY;
          }
          case DaemonFrames.EXIT -> {
            long peakKib = DaemonFrames.exitField(f.payload(), 1);
            if (peakKib > 0 && "1".equals(System.getenv("ZKML4J_DAEMON_REPORT"))) {
              stderr.write(("zkml4j daemon: peak resident memory of this command " + peakKib + " KiB\n")
                  .getBytes(StandardCharsets.UTF_8));
              stderr.flush();
            }
            return (int) DaemonFrames.exitField(f.payload(), 0);
          }
          default -> throw new IOException("unexpected frame type " + f.type());
        }
      }
    }
    // The daemon died mid-command (killed, out of memory): say so rather than exit quietly.
    stderr.write("zkml4j: the daemon stopped before the command finished; run it again, or with ZKML4J_DAEMON=off\n"
        .getBytes(StandardCharsets.UTF_8));
    return ExitCode.FAILURE;
  }
}
