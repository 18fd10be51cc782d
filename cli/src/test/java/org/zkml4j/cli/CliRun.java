package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the {@code zkml4j} command in-process, as {@link Main#main} would, with standard output
 * and error captured, and a scripted answer for questions to the user.
 */
record CliRun(int exit, String out, String err) {
  static CliRun run(String... args) {
    return run(Terminal.Prompt.NONE, args);
  }

  static CliRun run(Terminal.Prompt prompt, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = new Main(Commands.all(), o, e, false, prompt).run(args);
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** Runs and fails with both outputs unless the exit code is 0. */
  static CliRun ok(String... args) {
    return expect(ExitCode.OK, args);
  }

  static CliRun expect(int exit, String... args) {
    CliRun r = run(args);
    assertEquals(exit, r.exit(), () -> "zkml4j " + String.join(" ", args) + "\n--- stdout:\n" + r.out()
        + "\n--- stderr:\n" + r.err());
    return r;
  }

  static String s(Path p) {
    return p.toString();
  }
}
