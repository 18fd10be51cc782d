package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.cli.CliRun.s;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.R1csFile;

/**
 * The daemon and its client's protocol: a command run by the daemon prints, exits and resolves
 * paths as the same command run in a JVM of its own; questions reach the client; a second command
 * is turned away while one runs; a client that leaves mid-command stops the daemon; an idle daemon
 * stops and removes its socket; and the client says when no daemon answers.
 */
class DaemonTest {
  @TempDir
  Path dir;

  private Path socket;
  private DaemonServer server;
  private CompletableFuture<Void> serving;
  private final List<Integer> halts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    Path folder = dir.resolve("d");
    DaemonServer.prepareFolder(folder);
    socket = folder.resolve("t.sock");
    server = new DaemonServer(socket, Duration.ofMinutes(5), null, halts::add);
    serving = CompletableFuture.runAsync(() -> {
      try {
        server.serve();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    for (int i = 0; i < 500 && !Files.exists(socket); i++) {
      sleep(10);
    }
    assertTrue(Files.exists(socket), "the daemon binds its socket");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    serving.get(10, TimeUnit.SECONDS);
    assertFalse(Files.exists(socket), "the socket is removed when the daemon stops");
  }

  @Test
  void commandPrintsExitsAndResolvesPathsAsInItsOwnJvm() throws IOException {
    Path work = Files.createDirectories(dir.resolve("work"));
    R1csFile.write(TinyCircuit.cubic(), work.resolve("cubic.r1cs"));
    // Relative to the client's folder, not the daemon's.
    Reply viaDaemon = run(work, false, null, "r1cs", "info", "cubic.r1cs");
    CliRun direct = CliRun.run("r1cs", "info", s(work.resolve("cubic.r1cs")));
    assertEquals(ExitCode.OK, viaDaemon.exit(), viaDaemon.err());
    assertEquals(direct.out(), viaDaemon.out());
    assertTrue(viaDaemon.out().contains("Constraints"), viaDaemon.out());

    Reply missing = run(work, false, null, "r1cs", "info", "nope.r1cs");
    CliRun missingDirect = CliRun.run("r1cs", "info", s(work.resolve("nope.r1cs")));
    assertEquals(missingDirect.exit(), missing.exit());
    assertTrue(missing.exit() != ExitCode.OK);
    assertEquals(missingDirect.err(), missing.err());

    Reply usage = run(work, false, null, "groth16", "frobnicate");
    assertEquals(ExitCode.USAGE, usage.exit());
    assertTrue(usage.err().contains("unknown verb 'groth16 frobnicate'"), usage.err());
  }

  @Test
  void questionsGoToTheClientAndItsAnswerIsUsed() throws IOException {
    Path ptau = dir.resolve("pot4.ptau");
    CliRun.ok("powersoftau", "new", "bn128", "4", s(ptau));
    List<String> asked = new ArrayList<>();
    Reply answered = run(dir, true, q -> {
      asked.add(q);
      return "typed entropy";
    }, "powersoftau", "contribute", s(ptau), s(dir.resolve("pot4_1.ptau")));
    assertEquals(ExitCode.OK, answered.exit(), answered.err());
    assertEquals(1, asked.size());
    assertTrue(Files.size(dir.resolve("pot4_1.ptau")) > Files.size(ptau), "a contribution was written");

    // A client without a terminal is asked nothing, as a JVM of its own without one.
    Reply unasked = run(dir, false, q -> {
      throw new AssertionError("asked " + q);
    }, "powersoftau", "contribute", s(ptau), s(dir.resolve("pot4_2.ptau")));
    CliRun direct = CliRun.run("powersoftau", "contribute", s(ptau), s(dir.resolve("pot4_2.ptau")));
    assertEquals(direct.exit(), unasked.exit());
    assertEquals(direct.err(), unasked.err());
  }

  @Test
  void secondCommandIsTurnedAwayWhileOneRunsAndLeavingMidCommandHalts() throws Exception {
    Path ptau = dir.resolve("pot4.ptau");
    CliRun.ok("powersoftau", "new", "bn128", "4", s(ptau));
    try (SocketChannel first = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      DataOutputStream out = new DataOutputStream(Channels.newOutputStream(first));
      DataInputStream in = new DataInputStream(Channels.newInputStream(first));
      DaemonFrames.write(out, DaemonFrames.RUN, new DaemonFrames.Request(List.of("powersoftau", "contribute",
          s(ptau), s(dir.resolve("x.ptau"))), dir.toString(), false, true).encode());
      out.flush();
      DaemonFrames.Frame f;
      do {
        f = DaemonFrames.read(in);
      } while (f.type() != DaemonFrames.ASK); // the command now waits for its answer

      try (SocketChannel second = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        DataOutputStream out2 = new DataOutputStream(Channels.newOutputStream(second));
        DaemonFrames.write(out2, DaemonFrames.RUN,
            new DaemonFrames.Request(List.of("--version"), dir.toString(), false, false).encode());
        out2.flush();
        assertEquals(DaemonFrames.BUSY, DaemonFrames.read(new DataInputStream(Channels.newInputStream(second))).type());
      }
      Reply status = request(DaemonFrames.STATUS);
      assertTrue(status.out().contains("running a command"), status.out());
      assertTrue(halts.isEmpty());
    } // the first client leaves without answering
    for (int i = 0; i < 500 && halts.isEmpty(); i++) {
      sleep(10);
    }
    assertEquals(List.of(130), halts, "a client leaving mid-command halts the daemon, as Ctrl-C would a JVM");
  }

  @Test
  void stopHaltsAndStatusDescribes() throws IOException {
    Reply status = request(DaemonFrames.STATUS);
    assertEquals(0, status.exit());
    assertTrue(status.out().contains("zkml4j daemon: running, pid " + ProcessHandle.current().pid()), status.out());
    Reply stop = request(DaemonFrames.STOP);
    assertTrue(stop.out().contains("stopped"), stop.out());
    for (int i = 0; i < 500 && halts.isEmpty(); i++) {
      sleep(10); // the daemon replies first, then halts
    }
    assertEquals(List.of(0), halts);
  }

  @Test
  void idleDaemonStopsAndRemovesItsSocket() throws Exception {
    server.close();
    serving.get(10, TimeUnit.SECONDS);
    Path idleSocket = socket.resolveSibling("idle.sock");
    DaemonServer idle = new DaemonServer(idleSocket, Duration.ofMillis(300), null, halts::add);
    CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
      try {
        idle.serve();
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    run.get(20, TimeUnit.SECONDS); // returns only once idle
    assertFalse(Files.exists(idleSocket));
    assertTrue(halts.isEmpty(), "an idle daemon returns from serve; main then exits normally");
  }

  @Test
  void clientSaysWhenNoDaemonAnswers() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DaemonClient.class.getName(),
        s(dir.resolve("none.sock")), "0", "0", "run", "--version").redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(DaemonClient.NO_DAEMON, p.exitValue());
    Process status = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        DaemonClient.class.getName(), s(dir.resolve("none.sock")), "0", "0", "status").redirectErrorStream(true).start();
    String text = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(status.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, status.exitValue());
    assertTrue(text.contains("not running"), text);
  }

  @Test
  void folderOthersMayWriteIsRefused() throws IOException {
    Path open = Files.createDirectories(dir.resolve("open"));
    Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> DaemonServer.prepareFolder(open));
    assertTrue(e.getMessage().contains("chmod 700"), e.getMessage());
  }

  /** What the client got back. */
  record Reply(int exit, String out, String err) {}

  private Reply run(Path workingDirectory, boolean canAsk, java.util.function.Function<String, String> answer,
      String... words) throws IOException {
    byte[] request = new DaemonFrames.Request(List.of(words), workingDirectory.toString(), false, canAsk).encode();
    return converse(DaemonFrames.RUN, request, answer);
  }

  private Reply request(byte type) throws IOException {
    return converse(type, new byte[0], null);
  }

  private Reply converse(byte type, byte[] payload, java.util.function.Function<String, String> answer)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      DataOutputStream o = new DataOutputStream(Channels.newOutputStream(ch));
      DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
      DaemonFrames.write(o, type, payload);
      o.flush();
      DaemonFrames.Frame f;
      while ((f = DaemonFrames.read(in)) != null) {
        switch (f.type()) {
          case DaemonFrames.OUT -> out.write(f.payload());
          case DaemonFrames.ERR -> err.write(f.payload());
          case DaemonFrames.ASK -> {
            String a = answer.apply(new String(f.payload(), StandardCharsets.UTF_8));
            DaemonFrames.write(o, DaemonFrames.ANSWER, a.getBytes(StandardCharsets.UTF_8));
            o.flush();
          }
          case DaemonFrames.EXIT -> {
            return new Reply((int) DaemonFrames.exitField(f.payload(), 0), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
          }
          default -> throw new AssertionError("frame " + (char) f.type());
        }
      }
    }
    throw new AssertionError("no exit frame; stderr: " + err.toString(StandardCharsets.UTF_8));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
