package org.zkml4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The runner's contract, checked with node itself (plain {@code node -e} programs and a tiny script). */
class PeersTest {
  @BeforeAll
  static void requireNode() {
    Peers.assumeAvailable();
  }

  @Test
  void nodeSeparatesStreamsKeepsExitCodeAndDropsColourCodes() {
    Peers.Result r = Peers.node(List.of("-e",
        "process.stdout.write('out'); process.stderr.write('\\u001b[31merr\\u001b[0m'); process.exitCode = 3"), null);
    assertEquals(new Peers.Result(3, "out", "err"), r);
    assertEquals("outerr", r.output());
  }

  @Test
  void nodeRunsInTheInteropFolderAndFeedsStdin() {
    Peers.Result r = Peers.node(List.of("-e",
        "let s = ''; process.stdin.on('data', d => s += d).on('end', () => console.log(process.cwd() + '|' + s))"),
        "héllo\nworld");
    assertEquals(Peers.interop().toAbsolutePath() + "|héllo\nworld\n", r.stdout());
  }

  @Test
  void withoutStdinNodeSeesEndOfInputAtOnce() {
    Peers.Result r = Peers.node(List.of("-e",
        "let n = 0; process.stdin.on('data', d => n += d.length).on('end', () => console.log(n))"), null);
    assertEquals("0\n", r.stdout());
  }

  @Test
  void nodeOkFailsWithTheOutputOnANonZeroExit() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> Peers.nodeOk(List.of("-e", "console.error('boom'); process.exit(2)"), null));
    assertTrue(e.getMessage().contains("exited with 2") && e.getMessage().contains("boom"), e.getMessage());
  }

  @Test
  void aHungProcessFailsAtItsTimeout() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> Peers.node(List.of("-e", "setTimeout(() => {}, 60000)"), null, Duration.ofMillis(500)));
    assertTrue(e.getMessage().startsWith("timed out after"), e.getMessage());
  }

  @Test
  void runScriptAnswersOneLinePerRequest() {
    List<String> requests = List.of("abc", "", "zkml4j");
    List<String> expected = requests.stream().map(s -> new StringBuilder(s).reverse().toString()).toList();
    assertEquals(expected, Peers.runScript(PeersTest.class, "reverse-lines.mjs", requests));
  }

  @Test
  void runScriptFailsWhenAnAnswerIsMissing() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> Peers.runScript(PeersTest.class, "reverse-lines.mjs", List.of("a", "skip", "b")));
    assertTrue(e.getMessage().contains("one output line per request"), e.getMessage());
  }

  @Test
  void missingResourceFails() {
    assertThrows(AssertionFailedError.class, () -> Peers.resource(PeersTest.class, "no-such-script.mjs"));
  }

  @Test
  void aMissingPackageSkipsButAMissingPinnedPackageFails() {
    TestAbortedException skip = assertThrows(TestAbortedException.class,
        () -> Peers.assumeAvailable("no-such-package-zkml4j"));
    assertTrue(skip.getMessage().contains("interop/node_modules/no-such-package-zkml4j is missing"), skip.getMessage());
    if (Files.isDirectory(Peers.interop().resolve("node_modules"))) {
      assertThrows(AssertionFailedError.class, () -> Peers.requirePackage("no-such-package-zkml4j"));
    }
  }
}
