package org.zkml4j.cli;

/** The exit codes of the {@code zkml4j} command, documented in its help. */
final class ExitCode {
  /** The verb did what was asked (and a verification passed). */
  static final int OK = 0;
  /** A check ran and failed: an invalid proof, an unsatisfied witness, a bad contribution. */
  static final int INVALID = 1;
  /** The command line was wrong: unknown verb or option, missing argument. */
  static final int USAGE = 2;
  /** An input could not be used: a missing file, a malformed or inconsistent file. */
  static final int INPUT = 3;
  /** Something failed inside zkml4j; the message says what (rerun with --debug for a trace). */
  static final int FAILURE = 4;

  private ExitCode() {}

  static String legend() {
    return """
        Exit codes: 0 success; 1 a check failed (invalid proof, unsatisfied witness, bad key);
        2 wrong usage; 3 unusable input (missing or malformed file); 4 internal failure.""";
  }
}
