package org.zkml4j.circuit.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs snarkjs's command line from the project's {@code interop/} folder (pinned by its lockfile),
 * for tests that let snarkjs judge what this project writes.
 */
public final class Snarkjs {
  private static final Path INTEROP = findInterop();

  /** Exit code and combined output (colour codes removed). */
  public record Result(int exitCode, String output) {}

  private Snarkjs() {}

  /** Skips the calling test unless node and interop/node_modules/snarkjs are present (CI installs them). */
  public static void assumeAvailable() {
    assumeTrue(INTEROP != null, "no interop/ folder above " + Path.of("").toAbsolutePath());
    assumeTrue(Files.isRegularFile(INTEROP.resolve("node_modules/snarkjs/build/cli.cjs")),
        "interop/node_modules/snarkjs is missing; run `cd interop && npm ci`");
  }

  /** {@code node snarkjs args...}. */
  public static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "node_modules/snarkjs/build/cli.cjs"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("snarkjs", ".log");
    try {
      Process p = new ProcessBuilder(command).directory(INTEROP.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(p.exitValue(),
          Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", ""));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Path findInterop() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("interop/package.json"))) {
        return p.resolve("interop");
      }
    }
    return null;
  }
}
