package org.zkml4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.zkml4j.api.tools.NodeTools;

/**
 * A second opinion from snarkjs: runs {@code node snarkjs/build/cli.cjs groth16 verify <vkey.json>
 * <public.json> <proof.json>} with the project's pinned npm tools ({@link NodeTools}) when they are
 * installed.
 */
final class SnarkjsVerifier {
  static final String CLI = "snarkjs/build/cli.cjs";
  static final String HOW_TO_INSTALL = NodeTools.howToInstall();
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /**
   * @param accepted whether snarkjs printed OK and exited with 0
   * @param output what it printed, or why it failed
   */
  record Result(boolean accepted, String output) {}

  private SnarkjsVerifier() {}

  /** Empty when snarkjs cannot run here (no node, or no npm tools); say {@link #HOW_TO_INSTALL}. */
  static Optional<Result> verify(Path vkey, Path publicJson, Path proofJson) {
    Optional<NodeTools> tools = NodeTools.find();
    if (tools.isEmpty() || !Files.isRegularFile(tools.get().resolve(CLI))) {
      return Optional.empty();
    }
    try {
      String out = tools.get().runNode(TIMEOUT, List.of(tools.get().resolve(CLI).toString(), "groth16", "verify",
          vkey.toAbsolutePath().toString(), publicJson.toAbsolutePath().toString(),
          proofJson.toAbsolutePath().toString()), null).strip();
      return Optional.of(new Result(out.contains("OK!") && !out.contains("[ERROR]"), out));
    } catch (IOException e) {
      // snarkjs exits with 1 for an invalid proof, and the exception holds what it printed
      return Optional.of(new Result(false, e.getMessage()));
    }
  }
}
