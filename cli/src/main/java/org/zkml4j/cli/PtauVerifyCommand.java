package org.zkml4j.cli;

import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.ceremony.PowersOfTau;
import org.zkml4j.groth16.ceremony.VerificationReport;

/** {@code powersoftau verify <ptau>}: checks a whole ceremony. */
final class PtauVerifyCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("powersoftau verify", "ptv");
  }

  @Override
  public String synopsis() {
    return "<powersoftau.ptau> [--threads=N]";
  }

  @Override
  public String summary() {
    return "Verify a powers-of-tau file and every contribution in it";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Checks a ceremony file as 'snarkjs powersoftau verify' does: that the points are
        consistent powers of one tau (random linear combinations and pairings), every
        contribution's proof of knowledge and its link to the one before, beacons recomputed from
        their hash, and the Lagrange sections if the file was prepared for phase 2. Prints each
        contribution's name and hashes, then "Powers of Tau Ok!" (exit 0) or the first check that
        failed (exit 1). A file with no contribution fails: it must not be used.

        Options:
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j powersoftau verify pot12_final.ptau""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(1, 1);
    VerificationReport report = PowersOfTau.verify(args.path(0), args.parallelism(), terminal::progress);
    terminal.endProgressLine();
    return Reports.print(report, "Powers of Tau Ok!", "INVALID POWERS OF TAU FILE", terminal);
  }
}
