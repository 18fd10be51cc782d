package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.PowersOfTau;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.PtauWriter;
import org.zkml4j.math.parallel.Parallelism;

/** {@code powersoftau prepare phase2 <in> <out>}: adds the Lagrange bases circuit setup needs. */
final class PtauPreparePhase2Command implements Command {
  @Override
  public List<String> names() {
    return List.of("powersoftau prepare phase2", "pt2");
  }

  @Override
  public String synopsis() {
    return "<powersoftau.ptau> <new_powersoftau.ptau> [--threads=N]";
  }

  @Override
  public String summary() {
    return "Prepare a finished ceremony for circuit setup";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Computes the powers of tau in the Lagrange basis of every domain up to the file's power
        (an inverse FFT over the curve points) and writes them with the ceremony, as snarkjs does:
        'groth16 setup' reads these sections. Run it once, after the last contribution (usually a
        beacon); the output is byte for byte what 'snarkjs powersoftau prepare phase2' writes for
        the same input, and about three times the size of the input.

        Uses every processor (limit with --threads N) and memory about
        the size of the output.

        Options:
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j powersoftau prepare phase2 pot12_beacon.ptau pot12_final.ptau""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(2, 2);
    Path in = args.path(0), out = args.path(1);
    Parallelism parallelism = args.parallelism();
    terminal.info("Reading " + in);
    Accumulator prepared = PowersOfTau.preparePhase2(PtauReader.read(in, parallelism), parallelism, terminal::progress);
    terminal.endProgressLine();
    PtauWriter.write(prepared, out);
    terminal.info("Wrote " + out + ", ready for: zkml4j groth16 setup <circuit.r1cs> " + out + " <circuit_0000.zkey>");
    return ExitCode.OK;
  }
}
