package org.zkml4j.math.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a committed JavaScript reference script with Node.js against the npm packages pinned in
 * the project's {@code interop/} folder, for differential tests against the peers (circomlibjs,
 * snarkjs, js-sha3...).
 *
 * <p>Protocol: the script reads its whole standard input (one request per line) and prints one
 * line per request. It runs with {@code interop/} as its working directory, so it loads packages
 * with {@code createRequire(path.join(process.cwd(), "package.json"))}. When node or the package
 * is missing the calling test is skipped with a message saying how to install it (the project's
 * test command, {@code scripts/test}, always installs them).
 */
public final class NodeScript {
  private static final long TIMEOUT_SECONDS = 120;

  private NodeScript() {}

  /**
   * Runs the script resource {@code name} (resolved against {@code anchor}'s package) and returns
   * its output lines, one per input line.
   *
   * @param requiredPackage an npm package the script needs, checked under interop/node_modules
   */
  public static List<String> run(Class<?> anchor, String name, String requiredPackage, List<String> input) {
    Path interop = interopFolder();
    Assumptions.assumeTrue(Files.isDirectory(interop.resolve("node_modules").resolve(requiredPackage)),
        "skipped: " + interop.resolve("node_modules").resolve(requiredPackage)
            + " is missing; run `npm ci` in interop/ (scripts/test does)");
    Assumptions.assumeTrue(nodeAvailable(), "skipped: Node.js (`node`) is not on the PATH");
    Path script = resource(anchor, name);
    try {
      Path stderr = Files.createTempFile("node-stderr", ".txt");
      Path stdin = Files.createTempFile("node-stdin", ".txt");
      try {
        Files.write(stdin, input, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("node", script.toString())
            .directory(interop.toFile())
            .redirectInput(stdin.toFile())
            .redirectError(stderr.toFile())
            .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          fail("node " + name + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        assertEquals(0, process.exitValue(),
            () -> "node " + name + " failed: " + readQuietly(stderr));
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        assertEquals(input.size(), lines.size(), "node " + name + ": one output line per request");
        return lines;
      } finally {
        Files.deleteIfExists(stderr);
        Files.deleteIfExists(stdin);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The project's interop/ folder: the nearest one holding a package.json, walking up from here. */
  public static Path interopFolder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("interop");
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    return Assumptions.abort("skipped: no interop/package.json above " + Path.of("").toAbsolutePath());
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

  private static Path resource(Class<?> anchor, String name) {
    URL url = anchor.getResource(name);
    assertTrue(url != null, "test resource " + name + " next to " + anchor.getName());
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(stderr unreadable: " + e.getMessage() + ")";
    }
  }
}
