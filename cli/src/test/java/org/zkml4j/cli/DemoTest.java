package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command on the bundled model, lenet.onnx, and the project's one test that
 * proves it end to end: its setup needs a power-16 ceremony, about a minute of two cores, so it
 * uses the setup cache every module's tests share (the root pom's {@code zkml4j.testCache}, under
 * the root's target/), where the server's tests may have made the keys already. The digit's label
 * is the reference for the prediction, snarkjs for the proof.
 */
class DemoTest {
  @Test
  void demo_provesTheBundledDigit_andBothVerifiersAccept(@TempDir Path out) {
    Path cache = Path.of(System.getProperty("zkml4j.testCache", "target/test-cache")).toAbsolutePath();
    CliRun demo = ModelFixtures.expect(ExitCode.OK, "demo", "--digit", "3", "--cache", cache, "-o", out);
    String text = demo.out();
    for (String line : List.of("Prediction: 3 (correct)", "Verified in Java: valid", "Proof: 256 bytes",
        "10 public signals")) {
      assertTrue(text.contains(line), line + " in\n" + text);
    }
    assertTrue(text.contains("Verified by snarkjs: OK") || text.contains("Verified by snarkjs: skipped"), text);
    for (String stage : List.of("compile", "setup", "witness", "prove", "verify")) {
      assertTrue(text.lines().anyMatch(l -> l.matches(stage + " +[0-9]+\\.[0-9]{2} .*")), stage + " row in\n" + text);
    }
    CliRun verified = ModelFixtures.expect(ExitCode.OK, "verify", out.resolve("model"), out.resolve("proof"));
    assertTrue(verified.out().contains("Predicted class: 3"), verified.out());
  }
}
