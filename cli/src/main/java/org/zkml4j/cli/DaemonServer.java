package org.zkml4j.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The zkml4j daemon: a JVM that stays up between commands and runs them on behalf of
 * {@link DaemonClient}, so that the second and later commands find the JIT's compiled code, the
 * loaded classes and the worker threads ready. On two cores a cold JVM spends about two seconds of
 * a three-second proof compiling; a warm one proves the same circuit in under one.
 *
 * <p>One daemon per build of the jar, JDK and JVM options (the launcher puts all three in the
 * socket's name), one command at a time: a second client is told {@link DaemonFrames#BUSY} and runs
 * in a JVM of its own. The socket lives in a folder only its user may enter, and each connection's
 * peer must be that user too. The daemon exits after {@value #DEFAULT_IDLE_SECONDS} seconds without
 * a command (system property {@code zkml4j.daemon.idleSeconds}), when its jar changes, on
 * {@code zkml4j daemon stop}, and when a client goes away mid-command (Ctrl-C on the client stops
 * the work, as it would stop a JVM of its own).
 */
final class DaemonServer {
  static final long DEFAULT_IDLE_SECONDS = 900;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private final Path socket;
  private final Duration idle;
  private final Path jar;
  private final FileTime jarTime;
  private final long started = System.nanoTime();
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong lastActive = new AtomicLong(System.nanoTime());
  private final AtomicLong served = new AtomicLong();
  private final UserPrincipal owner;
  private final IntConsumer halt;
  private volatile boolean stopping;
  private volatile ServerSocketChannel server;

  /**
   * @param jar the jar whose change stops the daemon, or null
   * @param halt ends the process with a code: on {@code daemon stop}, and when a client leaves mid-command
   */
  DaemonServer(Path socket, Duration idle, Path jar, IntConsumer halt) throws IOException {
    this.socket = socket;
    this.idle = idle;
    this.jar = jar;
    this.jarTime = jar == null ? null : Files.getLastModifiedTime(jar);
    this.owner = Files.getOwner(socket.getParent());
    this.halt = halt;
  }

  /** Usage: {@code DaemonServer <socket>}; started in the background by the launcher. */
  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]).toAbsolutePath();
    long idleSeconds = Long.getLong("zkml4j.daemon.idleSeconds", DEFAULT_IDLE_SECONDS);
    prepareFolder(socket.getParent());
    // The lock makes a second daemon started at the same moment (two commands at once) step aside.
    Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
    try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock()) {
      if (lock == null) {
        return;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Files.deleteIfExists(socket);
        } catch (IOException e) {
          // the next daemon deletes it
        }
      }, "zkml4j-daemon-socket"));
      new DaemonServer(socket, Duration.ofSeconds(idleSeconds), ownJar(), System::exit).serve();
    }
    System.exit(0);
  }

  /** Creates the socket's folder for its user only, and refuses one that others may write to. */
  static void prepareFolder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
    if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException("the daemon folder " + dir + " may be written by others; remove it or chmod 700 it");
    }
  }

  private static Path ownJar() {
    try {
      Path p = Path.of(DaemonServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (Exception e) {
      return null; // classes from a folder (tests): nothing to watch
    }
  }

  /** Serves until idle too long, the jar changes, or {@link #close}; deletes the socket on the way out. */
  void serve() throws IOException {
    Files.deleteIfExists(socket); // a dead daemon's socket; the lock says none is alive
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      this.server = server;
      Thread watchdog = Thread.ofPlatform().daemon().name("zkml4j-daemon-watchdog").start(this::watch);
      while (!stopping) {
        SocketChannel client;
        try {
          client = server.accept();
        } catch (IOException e) {
          if (stopping) {
            break;
          }
          throw e;
        }
        Thread.ofPlatform().name("zkml4j-daemon-connection").start(() -> handle(client));
      }
      watchdog.interrupt();
    } finally {
      Files.deleteIfExists(socket);
    }
  }

  /** Stops accepting commands; {@link #serve} then returns. */
  void close() throws IOException {
    stopping = true;
    ServerSocketChannel s = server;
    if (s != null) {
      s.close();
    }
  }

  /** Closes the server when it has been idle too long or its jar changed. */
  private void watch() {
    try {
      while (!stopping) {
        TimeUnit.MILLISECONDS.sleep(Math.min(5_000, Math.max(100, idle.toMillis() / 4)));
        boolean idleTooLong = !busy.get() && System.nanoTime() - lastActive.get() > idle.toNanos();
        if (idleTooLong || jarChanged()) {
          close();
        }
      }
    } catch (InterruptedException | IOException e) {
      // shutting down
    }
  }

  private boolean jarChanged() {
    try {
      return jar != null && !Files.getLastModifiedTime(jar).equals(jarTime);
    } catch (IOException e) {
      return true; // deleted: a rebuild is under way
    }
  }

  private void handle(SocketChannel channel) {
    try (channel;
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)))) {
      if (!peerIsOwner(channel)) {
        return; // the folder's permissions should make this impossible
      }
      DaemonFrames.Frame request = DaemonFrames.read(in);
      if (request == null) {
        return;
      }
      switch (request.type()) {
        case DaemonFrames.RUN -> run(DaemonFrames.Request.decode(request.payload()), in, out);
        case DaemonFrames.STATUS -> reply(out, status(), 0);
        case DaemonFrames.STOP -> {
          reply(out, "zkml4j daemon: stopped (pid " + ProcessHandle.current().pid() + ")\n", 0);
          halt.accept(0);
        }
        default -> { }
      }
    } catch (IOException e) {
      // the client went away between commands: nothing to clean up
    }
  }

  private boolean peerIsOwner(SocketChannel channel) throws IOException {
    try {
      UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
      return peer.user().getName().equals(owner.getName());
    } catch (UnsupportedOperationException e) {
      return true; // no peer credentials on this system: the owner-only folder is the guard
    }
  }

  private static void reply(DataOutputStream out, String text, int code) throws IOException {
    DaemonFrames.write(out, DaemonFrames.OUT, text.getBytes(StandardCharsets.UTF_8));
    DaemonFrames.write(out, DaemonFrames.EXIT, DaemonFrames.exitPayload(code, 0));
    out.flush();
  }

  private void run(DaemonFrames.Request request, DataInputStream in, DataOutputStream out) throws IOException {
    if (!busy.compareAndSet(false, true)) {
      DaemonFrames.write(out, DaemonFrames.BUSY, new byte[0]);
      out.flush();
      return;
    }
    int code;
    long peakKib;
    try {
      lastActive.set(System.nanoTime());
      BlockingQueue<DaemonFrames.Frame> answers = new LinkedBlockingQueue<>();
      AtomicBoolean done = new AtomicBoolean();
      // Reads the client's answers; the end of the stream before the command ends means the user
      // interrupted the client, and the command is stopped with the whole daemon.
      Thread.ofPlatform().daemon().name("zkml4j-daemon-client").start(() -> {
        try {
          DaemonFrames.Frame f;
          while ((f = DaemonFrames.read(in)) != null) {
            answers.add(f);
          }
        } catch (IOException e) {
          // treated as the end
        }
        answers.add(new DaemonFrames.Frame(DaemonFrames.ANSWER, new byte[] {0})); // a question pending gets no answer
        if (!done.get()) {
          halt.accept(130);
        }
      });
      PeakMemory.reset();
      PrintStream stdout = new PrintStream(new DaemonFrames.FrameStream(out, DaemonFrames.OUT), true,
          StandardCharsets.UTF_8);
      PrintStream stderr = new PrintStream(new DaemonFrames.FrameStream(out, DaemonFrames.ERR), true,
          StandardCharsets.UTF_8);
      Terminal.Prompt prompt = request.canAsk() ? question -> ask(question, out, answers) : Terminal.Prompt.NONE;
      code = new Main(Commands.all(), stdout, stderr, request.interactive(), prompt,
          Path.of(request.workingDirectory())).run(request.words().toArray(String[]::new));
      stdout.flush();
      stderr.flush();
      done.set(true);
      peakKib = PeakMemory.peakKib();
      served.incrementAndGet();
    } finally {
      // Free before the client hears the exit code: a script's next command must not find the daemon busy.
      lastActive.set(System.nanoTime());
      busy.set(false);
    }
    synchronized (out) {
      DaemonFrames.write(out, DaemonFrames.EXIT, DaemonFrames.exitPayload(code, peakKib));
      out.flush();
    }
    // Hand the command's garbage back now, while no one waits, rather than keep a big heap for the idle hours.
    System.gc();
  }

  private static String ask(String question, DataOutputStream out, BlockingQueue<DaemonFrames.Frame> answers) {
    try {
      synchronized (out) {
        DaemonFrames.write(out, DaemonFrames.ASK, question.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      DaemonFrames.Frame answer = answers.take();
      byte[] p = answer.payload();
      return p.length == 1 && p[0] == 0 ? null : new String(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private String status() {
    Runtime rt = Runtime.getRuntime();
    long upSeconds = (System.nanoTime() - started) / 1_000_000_000L;
    long idleSeconds = (System.nanoTime() - lastActive.get()) / 1_000_000_000L;
    return String.join("\n", List.of(
        "zkml4j daemon: running, pid " + ProcessHandle.current().pid() + ", up " + upSeconds + " s, "
            + served.get() + " command(s) served, " + (busy.get() ? "running a command" : "idle for " + idleSeconds + " s"),
        "  stops after " + idle.toSeconds() + " idle seconds, when its jar is rebuilt, or on 'zkml4j daemon stop'",
        "  memory: heap " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MB used of "
            + rt.totalMemory() / (1 << 20) + " MB (max " + rt.maxMemory() / (1 << 20) + " MB); resident "
            + PeakMemory.currentKib() / 1024 + " MB",
        "  JVM: " + Runtime.version() + ", " + ManagementFactory.getRuntimeMXBean().getInputArguments().size()
            + " options; socket " + socket,
        ""));
  }
}
