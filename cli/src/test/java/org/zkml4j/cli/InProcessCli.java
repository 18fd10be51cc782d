package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code zkml4j} command in-process, as {@link Main#main} does, with both streams
 * captured; and finds the checkout's fixtures (the bundled MNIST model, the api module's tiny
 * 7x7 model).
 */
record InProcessCli(int exit, String out, String err) {
  static InProcessCli run(Object... args) {
    String[] words = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      words[i] = String.valueOf(args[i]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = new Main(Commands.all(), o, e, false).run(words);
      return new InProcessCli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** Runs, and fails with both streams shown unless the exit code is the expected one. */
  static InProcessCli expect(int exit, Object... args) {
    InProcessCli r = run(args);
    assertEquals(exit, r.exit(), () -> "zkml4j " + java.util.Arrays.toString(args) + "\n--- stdout:\n" + r.out()
        + "\n--- stderr:\n" + r.err());
    return r;
  }

  static Path root() {
    return RepositoryRoot.find().orElseGet(() -> Assumptions.abort("skipped: no models/mnist in this checkout"));
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
