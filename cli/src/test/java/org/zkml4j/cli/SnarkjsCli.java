package org.zkml4j.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs snarkjs's command line ({@code node interop/node_modules/snarkjs/build/cli.cjs}) from the
 * npm packages pinned in the project's {@code interop/} folder, as the other modules' interop
 * tests do. Tests are skipped, saying what to install, when node or the packages are missing; the
 * project's test command always installs them.
 */
final class SnarkjsCli {
  private static final long TIMEOUT_SECONDS = 120;
  private static final Path ROOT = findRoot();

  /** Exit code and combined output (colour codes removed) of one run. */
  record Result(int exitCode, String output) {}

  private SnarkjsCli() {}

  /** Skips the calling test unless node and snarkjs are installed. */
  static void assumeAvailable() {
    assumeTrue(ROOT != null, "skipped: no interop/package.json above " + Path.of("").toAbsolutePath());
    assumeTrue(Files.isDirectory(ROOT.resolve("interop/node_modules/snarkjs")),
        "skipped: interop/node_modules/snarkjs is missing; run `npm ci` in interop/ (scripts/test does)");
    assumeTrue(nodeWorks(), "skipped: Node.js (`node`) is not on the PATH");
  }

  /** {@code snarkjs <args>}, with file arguments given as absolute paths. */
  static Result run(String... args) {
    assumeAvailable();
    List<String> command = new ArrayList<>(List.of("node", "node_modules/snarkjs/build/cli.cjs"));
    command.addAll(List.of(args));
    try {
      Path log = Files.createTempFile("snarkjs", ".log");
      try {
        Process p = new ProcessBuilder(command).directory(ROOT.resolve("interop").toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
        return new Result(p.exitValue(), output);
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static boolean nodeWorks() {
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

  private static Path findRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("interop/package.json"))) {
        return p;
      }
    }
    return null;
  }
}
