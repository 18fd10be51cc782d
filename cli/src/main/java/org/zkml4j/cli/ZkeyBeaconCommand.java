package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.ceremony.Phase2;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.format.ZkeyWriter;
import org.zkml4j.math.parallel.Parallelism;

/** {@code zkey beacon <in> <out> <beaconHash> <numIterationsExp>}: a public last phase-2 contribution. */
final class ZkeyBeaconCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("zkey beacon", "zkb");
  }

  @Override
  public String synopsis() {
    return "<circuit_old.zkey> <circuit_new.zkey> <beaconHash(Hex)> <numIterationsExp> [--name=<text>] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Add a public random beacon as the last phase-2 contribution";
  }

  @Override
  public Set<String> options() {
    return Set.of(ContributionInputs.NAME, Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Adds a phase-2 contribution whose secret anyone can recompute from public randomness (for
        example the hash of a future block): the beacon hash is hashed 2^numIterationsExp times
        with SHA-256 and seeds the secret. It closes the circuit's ceremony so that the last human
        contributor cannot have chosen the outcome; the result is the key to prove with.

        Arguments:
          <circuit_old.zkey>   the key so far
          <circuit_new.zkey>   the key to write (snarkjs's scripts call it circuit_final.zkey)
          <beaconHash(Hex)>    1 to 255 bytes in hexadecimal, without 0x
          <numIterationsExp>   10 to 63: the delay; each step doubles the hashing time

        Options:
          --name, -n      a name recorded with the contribution
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j zkey beacon circuit_0002.zkey circuit_final.zkey \\
              0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f 10 -n="Final Beacon phase2\"""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(4, 4);
    Path in = args.path(0), out = args.path(1);
    ContributionInputs.Beacon beacon = ContributionInputs.beacon(args, 2, terminal);
    Parallelism parallelism = args.parallelism();
    terminal.info("Reading " + in);
    ProvingKey key = Phase2.beacon(ZkeyReader.read(in, parallelism), ContributionInputs.name(args),
        HexFormat.of().parseHex(beacon.hashHex()), beacon.numIterationsExp(), parallelism,
        terminal::progress);
    terminal.endProgressLine();
    ZkeyWriter.write(key, out);
    printSummary(key, out, terminal);
    return ExitCode.OK;
  }

  /** The circuit hash on stdout (what contributors compare), the file written on stderr. */
  static void printSummary(ProvingKey key, Path out, Terminal terminal) {
    key.contributions().ifPresent(c -> {
      terminal.out().println(HashText.format("Circuit Hash:", c.circuitHash()));
      terminal.info("Wrote " + out + " (phase-2 contribution #" + c.contributions().size() + ")");
    });
  }
}
