package org.zkml4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the npm peers pinned in the project's {@code interop/} folder (snarkjs, circom2,
 * circomlibjs, ffjavascript, solc...) with Node.js, for tests that let an independent
 * implementation judge this project's results.
 *
 * <p>Every command runs with {@code interop/} as its working directory, so committed reference
 * scripts load packages with {@code createRequire(path.join(process.cwd(), "package.json"))} and
 * command lines are given relative to it ({@code node_modules/snarkjs/build/cli.cjs}). The project
 * root is the nearest folder above the working directory holding {@code interop/package.json}.
 *
 * <p>Missing tools skip, broken tools fail: {@link #assumeAvailable} skips the calling test with a
 * message saying what to install when node, the interop folder or a package is missing (the
 * project's test command, {@code scripts/test}, always installs them), while a command that exits
 * with an error, prints too few answers or outlives its timeout fails the test with its output.
 */
public final class Peers {
  /** Time allowed for one command unless the caller gives another; only a hung tool reaches it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[;\\d]*m");
  private static final String SNARKJS_CLI = "node_modules/snarkjs/build/cli.cjs";
  private static final String CIRCOM_CLI = "node_modules/circom2/cli.js";
  private static final Optional<Path> ROOT = findRoot();
  private static volatile Boolean nodeWorks;

  /**
   * What one command did. Colour escape codes are removed from both streams.
   *
   * @param exitCode the process's exit status
   * @param stdout its standard output
   * @param stderr its standard error
   */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Standard output followed by standard error: what a person would read on a terminal. */
    public String output() {
      return stdout + stderr;
    }
  }

  private Peers() {}

  /** The project root (the folder holding {@code interop/}), or a skipped test if there is none. */
  public static Path root() {
    return ROOT.orElseGet(() -> Assumptions.abort(
        "skipped: no interop/package.json above " + Path.of("").toAbsolutePath()));
  }

  /** The project's {@code interop/} folder, or a skipped test if there is none. */
  public static Path interop() {
    return root().resolve("interop");
  }

  /**
   * Skips the calling test, saying what to install, unless the interop folder exists with its
   * {@code node_modules} (npm has been run), each named package is there, and node runs.
   */
  public static void assumeAvailable(String... npmPackages) {
    Path modules = interop().resolve("node_modules");
    Assumptions.assumeTrue(Files.isDirectory(modules),
        "skipped: interop/node_modules is missing; run `npm ci` in interop/ (scripts/test does)");
    for (String pkg : npmPackages) {
      Assumptions.assumeTrue(Files.isDirectory(modules.resolve(pkg)),
          () -> "skipped: interop/node_modules/" + pkg + " is missing; run `npm ci` in interop/ (scripts/test does)");
    }
    Assumptions.assumeTrue(nodeWorks(), "skipped: Node.js (`node`) is not on the PATH");
  }

  /**
   * The folder of an npm package that an installed {@code interop/node_modules} must hold. Skips
   * the test when node or the whole {@code node_modules} folder is missing (npm was never run), but
   * fails it when the installation lacks the package, since interop/package.json pins it.
   */
  public static Path requirePackage(String npmPackage) {
    assumeAvailable();
    Path modules = interop().resolve("node_modules");
    Path dir = modules.resolve(npmPackage);
    if (!Files.isRegularFile(dir.resolve("package.json"))) {
      fail("npm package " + npmPackage + " is not installed in " + modules
          + "; run `npm ci` in interop/ (it is pinned in interop/package.json)");
    }
    return dir;
  }

  /** A test resource next to {@code anchor}'s package (or absolute, with a leading slash) as a file. */
  public static Path resource(Class<?> anchor, String name) {
    URL url = anchor.getResource(name);
    if (url == null) {
      fail("missing test resource " + name + " next to " + anchor.getName());
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #node(List, String, Duration)} with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
  public static Result node(List<String> args, String stdin) {
    return node(args, stdin, DEFAULT_TIMEOUT);
  }

  /**
   * Runs {@code node args...} in the interop folder and returns what it did, whatever its exit
   * status. The caller has checked availability (see {@link #assumeAvailable}).
   *
   * @param stdin the whole standard input, or null for none (the process sees end of input)
   * @throws AssertionError if node cannot start or does not finish within {@code timeout}
   */
  public static Result node(List<String> args, String stdin, Duration timeout) {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add("node");
    command.addAll(args);
    Path dir = interop();
    try {
      Path out = Files.createTempFile("node-stdout", ".txt");
      Path err = Files.createTempFile("node-stderr", ".txt");
      Path in = stdin == null ? null : Files.writeString(Files.createTempFile("node-stdin", ".txt"), stdin);
      try {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        // CommonJS scripts outside interop/ (test resources) resolve the pinned packages too.
        pb.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
        if (in != null) {
          pb.redirectInput(in.toFile());
        }
        Process p = pb.start();
        if (in == null) {
          p.getOutputStream().close();
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          fail("timed out after " + timeout + ": " + String.join(" ", command) + "\n" + read(err));
        }
        return new Result(p.exitValue(), read(out), read(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        if (in != null) {
          Files.deleteIfExists(in);
        }
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", command), e);
    }
  }

  /** {@link #nodeOk(List, String, Duration)} with the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
  public static Result nodeOk(List<String> args, String stdin) {
    return nodeOk(args, stdin, DEFAULT_TIMEOUT);
  }

  /** As {@link #node(List, String, Duration)}, failing the test with the output unless node exits with 0. */
  public static Result nodeOk(List<String> args, String stdin, Duration timeout) {
    Result r = node(args, stdin, timeout);
    if (r.exitCode() != 0) {
      fail("node " + String.join(" ", args) + " exited with " + r.exitCode() + ":\n" + r.output());
    }
    return r;
  }

  /**
   * Runs a committed reference script (a test resource next to {@code anchor}) on request lines:
   * the script reads its whole standard input, one request per line, and prints one answer line per
   * request. Fails the test on a non-zero exit or a different number of answers. The caller has
   * checked the packages the script needs with {@link #assumeAvailable}.
   */
  public static List<String> runScript(Class<?> anchor, String resource, List<String> inputLines) {
    StringBuilder stdin = new StringBuilder();
    inputLines.forEach(line -> stdin.append(line).append('\n'));
    Result r = nodeOk(List.of(resource(anchor, resource).toString()), stdin.toString());
    List<String> lines = r.stdout().lines().toList();
    assertEquals(inputLines.size(), lines.size(), () -> "node " + resource + ": one output line per request:\n" + r.output());
    return lines;
  }

  /** snarkjs's command line with the given arguments, whatever its exit status; skips without snarkjs. */
  public static Result snarkjs(String... args) {
    assumeAvailable("snarkjs");
    List<String> command = new ArrayList<>(List.of(SNARKJS_CLI));
    command.addAll(List.of(args));
    return node(command, null);
  }

  /** snarkjs, failing the test with its output unless it exits with 0; returns the output. */
  public static String snarkjsOk(String... args) {
    Result r = snarkjs(args);
    if (r.exitCode() != 0) {
      fail("snarkjs " + String.join(" ", args) + " exited with " + r.exitCode() + ":\n" + r.output());
    }
    return r.output();
  }

  /**
   * Compiles a circom file with circom2 (the WebAssembly build) into {@code outDir}: the .r1cs and
   * the witness generator {@code <name>_js/<name>.wasm}, with circomlib on the include path. Skips
   * without circom2 or circomlib; fails the test with the compiler's output if compilation fails.
   *
   * @param flags further compiler flags, e.g. {@code --O1}
   */
  public static String circom(Path source, Path outDir, String... flags) {
    assumeAvailable("circom2", "circomlib");
    List<String> command = new ArrayList<>(List.of(CIRCOM_CLI, source.toString(), "--r1cs", "--wasm"));
    command.addAll(List.of(flags));
    command.addAll(List.of("-l", "node_modules", "-o", outDir.toString()));
    Result r = node(command, null);
    if (r.exitCode() != 0) {
      fail("circom2 " + source + " exited with " + r.exitCode() + ":\n" + r.output());
    }
    return r.output();
  }

  private static boolean nodeWorks() {
    Boolean works = nodeWorks;
    if (works == null) {
      works = probeNode();
      nodeWorks = works;
    }
    return works;
  }

  private static boolean probeNode() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Optional<Path> findRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("interop/package.json"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String read(Path file) {
    try {
      return ANSI_COLOUR.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
