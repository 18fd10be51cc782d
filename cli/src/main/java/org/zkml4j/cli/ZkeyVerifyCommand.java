package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.ceremony.Phase2;
import org.zkml4j.groth16.ceremony.VerificationReport;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.math.parallel.Parallelism;

/** {@code zkey verify r1cs [circuit.r1cs] [powersoftau.ptau] [circuit_final.zkey]}: checks a key's ceremony. */
final class ZkeyVerifyCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("zkey verify r1cs", "zkv", "zkvr", "zkey verify");
  }

  @Override
  public String synopsis() {
    return "[circuit.r1cs] [powersoftau.ptau] [circuit_final.zkey] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Verify that a .zkey comes from the circuit and ceremony, and its contributions";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Checks a proving key as 'snarkjs zkey verify' does: that everything but delta, C and H is
        what 'groth16 setup' computes from this circuit and ceremony, that C and H were divided by
        the same delta (random linear combinations and pairings), and each phase-2
        contribution's proof of knowledge and chain (beacons recomputed). Prints the circuit hash
        and every contribution, then "ZKey Ok!" (exit 0) or the first check that failed (exit 1).

        Arguments (snarkjs's defaults when left out):
          [circuit.r1cs]         the circuit the key claims to be for
          [powersoftau.ptau]     the prepared ceremony it was set up from
          [circuit_final.zkey]   the key to check

        Uses every processor (limit with --threads N).

        Options:
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j zkey verify circuit.r1cs pot12_final.ptau circuit_final.zkey""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 3);
    Path r1cs = args.path(0, "circuit.r1cs");
    Path ptau = args.path(1, "powersoftau.ptau");
    Path zkey = args.path(2, "circuit_final.zkey");
    terminal.info("Reading " + r1cs + ", " + zkey + " and " + ptau);
    R1cs circuit = R1csFile.read(r1cs);
    PtauHeader.requireFor(circuit, r1cs, ptau);
    Parallelism parallelism = args.parallelism();
    ProvingKey key = ZkeyReader.read(zkey, parallelism);
    VerificationReport report = Phase2.verify(circuit, PtauReader.read(ptau, parallelism), key, parallelism,
        terminal::progress);
    terminal.endProgressLine();
    return Reports.print(report, "ZKey Ok!", "INVALID ZKEY", terminal);
  }
}
