package org.zkml4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.solidity.SolidityVerifierExporter;
import org.zkml4j.math.parallel.Parallelism;

/** {@code zkey export solidityverifier [circuit_final.zkey] [verifier.sol]}. */
final class ZkeyExportSolidityVerifierCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("zkey export solidityverifier", "zkesv");
  }

  @Override
  public String synopsis() {
    return "[circuit_final.zkey] [verifier.sol] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Write a Solidity contract that verifies the key's proofs on chain";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Writes a Solidity contract named Groth16Verifier with snarkjs's ABI,
          function verifyProof(uint[2] _pA, uint[2][2] _pB, uint[2] _pC, uint[N] _pubSignals)
              public view returns (bool)
        for the key's verification key, on any EVM chain with the BN254 precompiles. It takes
        the arguments 'zkey export soliditycalldata' prints, returns false for a public signal
        >= r, and replaces snarkjs's verifier without changing its callers. The key needs at
        least one public signal (uint[0] is not valid Solidity).

        Arguments (snarkjs's defaults when left out):
          [circuit_final.zkey]   the proving key
          [verifier.sol]         the contract to write

        Options:
          --threads, -t   worker threads for checking the key's points (default: all processors)

        Example:
          zkml4j zkey export solidityverifier circuit_final.zkey Verifier.sol""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 2);
    Path zkey = args.path(0, "circuit_final.zkey");
    Path out = args.path(1, "verifier.sol");
    Parallelism parallelism = args.parallelism();
    terminal.info("Reading " + zkey);
    String source = SolidityVerifierExporter.export(ZkeyReader.read(zkey, parallelism).verifyingKey());
    Files.writeString(out, source, StandardCharsets.UTF_8);
    terminal.info("Wrote " + out + " (contract " + SolidityVerifierExporter.DEFAULT_CONTRACT_NAME + ")");
    return ExitCode.OK;
  }
}
