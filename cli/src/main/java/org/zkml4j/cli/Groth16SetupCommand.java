package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.Phase2;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.ZkeyWriter;
import org.zkml4j.math.parallel.Parallelism;

/** {@code groth16 setup [circuit.r1cs] [powersoftau.ptau] [circuit_0000.zkey]}: a circuit's first key. */
final class Groth16SetupCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("groth16 setup", "g16s", "zkn", "zkey new");
  }

  @Override
  public String synopsis() {
    return "[circuit.r1cs] [powersoftau.ptau] [circuit_0000.zkey] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Make a circuit's initial proving key (.zkey) from a prepared ceremony";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Computes the Groth16 proving key of a circuit from a powers-of-tau ceremony prepared for
        phase 2, with no phase-2 contribution yet (delta = 1): add some with 'zkey contribute'
        and 'zkey beacon' before using it. The key is byte for byte the one 'snarkjs groth16
        setup' writes, so both tools can continue the ceremony, and 'snarkjs zkey verify'
        accepts it. Prints the circuit hash that contributors check.

        Arguments (snarkjs's defaults when left out):
          [circuit.r1cs]        the circuit, as circom --r1cs writes it
          [powersoftau.ptau]    a ceremony of power >= the circuit's, after 'powersoftau prepare
                                phase2' (e.g. a Hermez powersOfTau28_hez_final_NN.ptau)
          [circuit_0000.zkey]   the key to write

        The ceremony must have power k with 2^k > constraints + public signals; zkml4j says
        which power is needed before reading a file that is too small. Uses every processor
        (limit with --threads N).

        Options:
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j groth16 setup circuit.r1cs pot12_final.ptau circuit_0000.zkey""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 3);
    Path r1csFile = args.path(0, "circuit.r1cs");
    Path ptauFile = args.path(1, "powersoftau.ptau");
    Path zkeyFile = args.path(2, "circuit_0000.zkey");
    terminal.info("Reading " + r1csFile);
    R1cs r1cs = R1csFile.read(r1csFile);
    PtauHeader.requireFor(r1cs, r1csFile, ptauFile);
    terminal.info("Reading " + ptauFile);
    Parallelism parallelism = args.parallelism();
    Accumulator ptau = PtauReader.readForSetup(ptauFile, Phase2.log2Domain(r1cs), parallelism);
    ProvingKey key = Phase2.newZkey(r1cs, ptau, parallelism, terminal::progress);
    terminal.endProgressLine();
    ZkeyWriter.write(key, zkeyFile, ZkeyWriter.SectionOrder.ZKEY_NEW);
    key.contributions().ifPresent(c -> terminal.out().println(HashText.format("Circuit hash:", c.circuitHash())));
    terminal.info("Wrote " + zkeyFile + " (" + r1cs.numConstraints() + " constraints, " + r1cs.numPublic()
        + " public signals, domain 2^" + key.log2DomainSize() + "). Next: zkml4j zkey contribute " + zkeyFile
        + " <circuit_0001.zkey> --name=...");
    return ExitCode.OK;
  }
}
