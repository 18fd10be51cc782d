package org.zkml4j.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * snarkjs's command line from the project's pinned npm packages ({@code interop/node_modules}),
 * the independent verifier of the end-to-end tests. Skips the calling test, saying what to
 * install, when node or the packages are missing; the project's test command installs them.
 */
final class Snarkjs {
  private Snarkjs() {}

  /** Exit code and output (colour codes removed) of {@code snarkjs <args>}. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0 && output.contains("OK!");
    }
  }

  static Result run(String... args) throws IOException, InterruptedException {
    Path root = Fixtures.mnist().getParent().getParent();
    Path cli = root.resolve("interop/node_modules/snarkjs/build/cli.cjs");
    assumeTrue(Files.isRegularFile(cli), "skipped: no interop/node_modules/snarkjs; run `npm ci` in interop/");
    List<String> command = new ArrayList<>(List.of("node", cli.toString()));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return assumeNode(e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("snarkjs timed out: " + command);
    }
    return new Result(p.exitValue(), out.replaceAll("\u001B\\[[;\\d]*m", ""));
  }

  /** snarkjs groth16 verify on the files of a model directory and a proof directory. */
  static Result verify(Path modelDir, Path proofDir) throws IOException, InterruptedException {
    return run("groth16", "verify", modelDir.resolve(Keys.VERIFICATION_KEY).toString(),
        proofDir.resolve(ProofBundle.PUBLIC).toString(), proofDir.resolve(ProofBundle.PROOF).toString());
  }

  private static Result assumeNode(IOException e) {
    assumeTrue(false, "skipped: Node.js (`node`) is not on the PATH: " + e.getMessage());
    throw new IllegalStateException();
  }
}
