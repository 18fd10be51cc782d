package org.zkml4j.cli;

import org.zkml4j.groth16.ceremony.VerificationReport;

/** Prints a ceremony verification's outcome, and turns it into the exit code. */
final class Reports {
  private Reports() {}

  /** The notes, then the verdict on stdout; {@link ExitCode#OK} or {@link ExitCode#INVALID}. */
  static int print(VerificationReport report, String ok, String invalid, Terminal terminal) {
    for (String note : report.notes()) {
      terminal.out().println(note);
    }
    if (report.valid()) {
      terminal.out().println(ok);
      return ExitCode.OK;
    }
    terminal.out().println(invalid + ": " + report.reason().orElseThrow());
    return ExitCode.INVALID;
  }
}
