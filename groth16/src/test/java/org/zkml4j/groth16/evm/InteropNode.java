package org.zkml4j.groth16.evm;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Node.js scripts against the npm tools pinned in the project's {@code interop/} folder
 * (snarkjs, solc, anvil), for tests that compare with the peers.
 *
 * <p>A test is skipped, with a message saying how to set things up, only when {@code node} is not
 * on the PATH or {@code interop/node_modules} does not exist; the project's test command
 * ({@code scripts/test}) always installs both. A package missing from an installed
 * {@code node_modules}, a failing script or a timeout fails the test with the script's error
 * output.
 */
public final class InteropNode {
  private InteropNode() {}

  /** The project's interop/ folder with its node_modules, or a skipped test. */
  public static Path interop() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("interop");
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        Assumptions.assumeTrue(Files.isDirectory(candidate.resolve("node_modules")),
            "skipped: " + candidate.resolve("node_modules") + " is missing; run `npm ci` in interop/ (scripts/test does)");
        Assumptions.assumeTrue(nodeAvailable(), "skipped: Node.js (`node`) is not on the PATH");
        return candidate;
      }
    }
    return Assumptions.abort("skipped: no interop/package.json above " + Path.of("").toAbsolutePath());
  }

  /**
   * The folder of an installed npm package.
   *
   * @throws IllegalStateException if interop/node_modules lacks it
   */
  public static Path requirePackage(String name) {
    Path dir = interop().resolve("node_modules").resolve(name);
    if (!Files.isRegularFile(dir.resolve("package.json"))) {
      throw new IllegalStateException("npm package " + name + " is not installed in " + dir.getParent()
          + "; run `npm ci` in interop/ (it is pinned in interop/package.json)");
    }
    return dir;
  }

  /** A script (or other file) among the test resources, next to {@code anchor}'s package. */
  public static Path resource(Class<?> anchor, String name) {
    URL url = anchor.getResource(name);
    if (url == null) {
      throw new IllegalStateException("test resource " + name + " next to " + anchor.getName() + " is missing");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code node script args...} in interop/ and returns its standard output.
   *
   * @throws IllegalStateException with the script's standard error if it exits with a non-zero
   *     status or does not finish within {@code timeout}
   */
  public static String run(Path script, Duration timeout, String... args) {
    return runWithInput(script, timeout, "", args);
  }

  /** As {@link #run(Path, Duration, String...)}, with {@code input} as the script's standard input. */
  public static String runWithInput(Path script, Duration timeout, String input, String... args) {
    Path interop = interop();
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(script.toString());
    command.addAll(List.of(args));
    try {
      Path stdin = Files.writeString(Files.createTempFile("node-stdin", ".txt"), input);
      Path stdout = Files.createTempFile("node-stdout", ".txt");
      Path stderr = Files.createTempFile("node-stderr", ".txt");
      try {
        Process process = new ProcessBuilder(command)
            .directory(interop.toFile())
            .redirectInput(stdin.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("node " + script.getFileName() + " did not finish within " + timeout
              + "; stderr: " + Files.readString(stderr));
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException("node " + script.getFileName() + " failed (exit " + process.exitValue()
              + "): " + Files.readString(stderr));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(stdin);
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running node " + script.getFileName(), e);
    }
  }

  private static boolean nodeAvailable() {
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
}
