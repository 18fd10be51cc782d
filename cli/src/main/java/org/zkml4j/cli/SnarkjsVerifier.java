package org.zkml4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A second opinion from snarkjs: runs {@code node interop/node_modules/snarkjs/build/cli.cjs
 * groth16 verify <vkey.json> <public.json> <proof.json>} when Node.js and the project's pinned npm
 * packages are installed.
 */
final class SnarkjsVerifier {
  static final String CLI = "interop/node_modules/snarkjs/build/cli.cjs";
  static final String HOW_TO_INSTALL = "install Node.js, then run 'npm ci' in interop/ to get snarkjs";
  private static final long TIMEOUT_SECONDS = 300;

  /**
   * @param accepted whether snarkjs printed OK and exited with 0
   * @param output what it printed (colour codes removed)
   */
  record Result(boolean accepted, String output) {}

  private SnarkjsVerifier() {}

  /** Empty when snarkjs cannot run here (no node, or no interop/node_modules); say {@link #HOW_TO_INSTALL}. */
  static Optional<Result> verify(Path root, Path vkey, Path publicJson, Path proofJson) throws IOException {
    Path cli = root.resolve(CLI);
    if (!Files.isRegularFile(cli) || !nodeWorks()) {
      return Optional.empty();
    }
    Path log = Files.createTempFile("zkml4j-snarkjs", ".log");
    try {
      Process p = new ProcessBuilder(List.of("node", cli.toString(), "groth16", "verify",
          vkey.toAbsolutePath().toString(), publicJson.toAbsolutePath().toString(),
          proofJson.toAbsolutePath().toString()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.of(new Result(false, "snarkjs did not finish within " + TIMEOUT_SECONDS + " s"));
      }
      String out = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "").strip();
      return Optional.of(new Result(p.exitValue() == 0 && out.contains("OK!"), out));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while snarkjs ran", e);
    } finally {
      Files.deleteIfExists(log);
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
}
