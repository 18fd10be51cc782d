package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * circomlibjs's Poseidon, run by Node.js from the project's {@code interop/} folder: the peer that
 * a hashed tensor's commitment must agree with. Skips the calling test when node or the npm
 * package is missing (the project's test command installs them).
 */
final class Circomlibjs {
  private static final String SCRIPT = "circomlibjs-vector.mjs";

  private Circomlibjs() {}

  /** The digest of each vector, as circomlibjs computes the chain {@link TensorCommitment} documents. */
  static List<BigInteger> vectorDigests(List<List<BigInteger>> vectors) throws IOException, InterruptedException {
    Path interop = interop();
    Assumptions.assumeTrue(Files.isDirectory(interop.resolve("node_modules/circomlibjs")),
        "skipped: run `npm ci` in " + interop);
    Path script;
    try {
      script = Path.of(Circomlibjs.class.getResource(SCRIPT).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource " + SCRIPT + " is missing", e);
    }
    Path in = Files.createTempFile("vectors", ".txt");
    Path err = Files.createTempFile("node", ".err");
    try {
      Files.write(in, vectors.stream().map(v -> v.stream().map(BigInteger::toString).collect(Collectors.joining(" ")))
          .toList());
      Process p;
      try {
        p = new ProcessBuilder("node", script.toString()).directory(interop.toFile()).redirectInput(in.toFile())
            .redirectError(err.toFile()).start();
      } catch (IOException e) {
        Assumptions.abort("skipped: node is not available: " + e.getMessage());
        return List.of();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("node " + SCRIPT + " did not finish");
      }
      assertEquals(0, p.exitValue(), () -> "node failed: " + read(err));
      List<BigInteger> digests = out.lines().map(BigInteger::new).toList();
      assertEquals(vectors.size(), digests.size());
      return digests;
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(err);
    }
  }

  private static Path interop() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("interop/package.json"))) {
        return dir.resolve("interop");
      }
    }
    return Assumptions.abort("skipped: no interop/package.json above " + Path.of("").toAbsolutePath());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.getMessage();
    }
  }
}
