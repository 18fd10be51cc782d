package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.zkml4j.api.BundledMnist;

/**
 * What the model verbs' tests share: the checkout's fixtures (the bundled MNIST model, the api
 * module's tiny 7x7 model) and {@link CliRun} with paths and numbers as arguments.
 */
final class ModelFixtures {
  private ModelFixtures() {}

  static CliRun run(Object... args) {
    return CliRun.run(words(args));
  }

  /** Runs, and fails with both streams shown unless the exit code is the expected one. */
  static CliRun expect(int exit, Object... args) {
    return CliRun.expect(exit, words(args));
  }

  private static String[] words(Object... args) {
    return Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
  }

  static Path root() {
    return BundledMnist.find().map(BundledMnist::root)
        .orElseGet(() -> Assumptions.abort("skipped: no models/mnist in this checkout"));
  }

  /** {@code models/mnist/<name>}. */
  static Path mnist(String name) {
    return root().resolve("models/mnist").resolve(name);
  }

  /** The api module's tiny 7x7 MNIST model and data, {@code tiny-mnist/<name>}. */
  static Path tiny(String name) {
    return root().resolve("api/src/test/resources/tiny-mnist").resolve(name);
  }
}
