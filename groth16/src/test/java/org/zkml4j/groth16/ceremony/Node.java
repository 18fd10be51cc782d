package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Node.js against the npm packages pinned in the project's {@code interop/} folder: committed
 * reference scripts (one request per input line, one answer per output line) and the snarkjs and
 * circom2 command lines. Tests are skipped, saying what to install, when node or the packages are
 * missing; the project's test command always installs them.
 */
final class Node {
  private static final long TIMEOUT_SECONDS = 300;
  private static final Path ROOT = findRoot();

  /** Exit code and combined output (colour codes removed) of one command. */
  record Result(int exitCode, String output) {}

  private Node() {}

  /** Skips the calling test unless node and the given npm packages are installed. */
  static void assumeAvailable(String... packages) {
    Assumptions.assumeTrue(ROOT != null, "skipped: no interop/package.json above " + Path.of("").toAbsolutePath());
    for (String pkg : packages) {
      Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve("interop/node_modules").resolve(pkg)),
          "skipped: interop/node_modules/" + pkg + " is missing; run `npm ci` in interop/ (scripts/test does)");
    }
    Assumptions.assumeTrue(nodeWorks(), "skipped: Node.js (`node`) is not on the PATH");
  }

  /** Runs the script resource next to {@code anchor} with the given request lines; one answer line each. */
  static List<String> script(Class<?> anchor, String name, List<String> requests) {
    assumeAvailable("snarkjs", "ffjavascript");
    try {
      Path in = Files.createTempFile("node-requests", ".txt");
      try {
        Files.write(in, requests, StandardCharsets.UTF_8);
        Result r = exec(List.of("node", resource(anchor, name).toString()), in);
        if (r.exitCode() != 0) {
          fail("node " + name + " exited with " + r.exitCode() + ":\n" + r.output());
        }
        List<String> lines = r.output().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(requests.size(), lines.size(), () -> "node " + name + ": one line per request:\n" + r.output());
        return lines;
      } finally {
        Files.deleteIfExists(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** snarkjs's command line with the given arguments. */
  static Result snarkjs(String... args) {
    assumeAvailable("snarkjs");
    List<String> command = new ArrayList<>(List.of("node", "node_modules/snarkjs/build/cli.cjs"));
    command.addAll(List.of(args));
    return exec(command, null);
  }

  /** snarkjs, failing the test with its output unless it exits with 0. */
  static String snarkjsOk(String... args) {
    Result r = snarkjs(args);
    if (r.exitCode() != 0) {
      fail("snarkjs " + String.join(" ", args) + " exited with " + r.exitCode() + ":\n" + r.output());
    }
    return r.output();
  }

  /** Compiles a circom file with circom2 into {@code outDir} (r1cs and wasm). */
  static void circom(Path source, Path outDir) {
    assumeAvailable("circom2", "circomlib");
    Result r = exec(List.of("node", "node_modules/circom2/cli.js", source.toString(), "--r1cs", "--wasm",
        "-l", "node_modules", "-o", outDir.toString()), null);
    if (r.exitCode() != 0) {
      fail("circom2 " + source + " exited with " + r.exitCode() + ":\n" + r.output());
    }
  }

  static Path resource(Class<?> anchor, String name) {
    try {
      var url = anchor.getResource(name);
      if (url == null) {
        fail("missing test resource " + name + " next to " + anchor.getName());
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Result exec(List<String> command, Path stdin) {
    try {
      Path log = Files.createTempFile("node", ".log");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.resolve("interop").toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        if (stdin != null) {
          pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
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
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
