package org.zkml4j.circuit.format;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the npm tools pinned in the project's {@code interop/} folder (circom2, snarkjs) with
 * node, from the project root found by walking up from the working directory.
 */
final class Interop {
  private static final Path ROOT = findRoot();
  private static final long TIMEOUT_SECONDS = 120;

  /** Exit code and combined stdout/stderr (colour codes removed) of one command. */
  record Result(int exitCode, String output) {}

  private Interop() {}

  /**
   * Skips the calling test, with a message saying what to install, unless node and the npm tools
   * are present. CI always installs them.
   */
  static void assumeAvailable() {
    assumeTrue(ROOT != null, "no interop/ folder above " + Path.of("").toAbsolutePath());
    for (String pkg : List.of("circom2", "snarkjs", "circomlib")) {
      assumeTrue(Files.isDirectory(ROOT.resolve("interop/node_modules").resolve(pkg)),
          "interop/node_modules/" + pkg + " is missing; run `cd interop && npm ci`");
    }
    assumeTrue(nodeWorks(), "node is not on the PATH");
  }

  /** Runs {@code node args...} in the interop folder. */
  static Result node(String... args) {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.addAll(List.of(args));
    try {
      Path log = Files.createTempFile("node", ".log");
      try {
        Process p = new ProcessBuilder(command).directory(ROOT.resolve("interop").toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
        return new Result(p.exitValue(), output);
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs node and fails the test, showing the output, unless it exits with 0. */
  static String nodeOk(String... args) {
    Result r = node(args);
    if (r.exitCode() != 0) {
      fail("node " + String.join(" ", args) + " exited with " + r.exitCode() + ":\n" + r.output());
    }
    return r.output();
  }

  /** snarkjs's command line, relative to the interop folder. */
  static String snarkjs() {
    return "node_modules/snarkjs/build/cli.cjs";
  }

  /** The circom 2 compiler (WebAssembly build), relative to the interop folder. */
  static String circom() {
    return "node_modules/circom2/cli.js";
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
