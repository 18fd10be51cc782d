package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.PowersOfTau;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.PtauWriter;
import org.zkml4j.math.parallel.Parallelism;

/** {@code powersoftau beacon <in> <out> <beaconHash> <numIterationsExp>}: a public last contribution. */
final class PtauBeaconCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("powersoftau beacon", "ptb");
  }

  @Override
  public String synopsis() {
    return "<old_powersoftau.ptau> <new_powersoftau.ptau> <beaconHash(Hex)> <numIterationsExp> [--name=<text>] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Add a public random beacon as the last contribution";
  }

  @Override
  public Set<String> options() {
    return Set.of(ContributionInputs.NAME, Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Adds a contribution whose secrets anyone can recompute from public randomness that no
        participant could know in advance (for example the hash of a future block): the beacon
        hash is hashed 2^numIterationsExp times with SHA-256 and seeds the secrets. It closes a
        ceremony so that the last human contributor cannot have chosen the outcome.

        Arguments:
          <old_powersoftau.ptau>   the ceremony so far
          <new_powersoftau.ptau>   the file to write
          <beaconHash(Hex)>        1 to 255 bytes in hexadecimal, without 0x
          <numIterationsExp>       10 to 63: the delay; each step doubles the hashing time

        Options:
          --name, -n      a name recorded with the contribution
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j powersoftau beacon pot12_0002.ptau pot12_beacon.ptau \\
              0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f 10 -n="Final Beacon\"""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(4, 4);
    Path in = args.path(0), out = args.path(1);
    ContributionInputs.Beacon beacon = ContributionInputs.beacon(args, 2, terminal);
    Parallelism parallelism = args.parallelism();
    terminal.info("Reading " + in);
    Accumulator before = PtauReader.read(in, parallelism);
    Accumulator after = PowersOfTau.beacon(before, ContributionInputs.name(args),
        HexFormat.of().parseHex(beacon.hashHex()), beacon.numIterationsExp(), parallelism,
        terminal::progress);
    terminal.endProgressLine();
    PtauWriter.write(after, out);
    after.contributions().getLast().responseHash().ifPresent(
        h -> terminal.out().println(HashText.format("Contribution Response Hash:", h)));
    terminal.info("Wrote " + out + " (contribution #" + after.contributions().size() + ")");
    return ExitCode.OK;
  }
}
