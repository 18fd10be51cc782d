package org.zkml4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.api.Keys;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.solidity.SolidityVerifierExporter;

/** {@code export-verifier <dir> -o <Verifier.sol>}: a Solidity contract that verifies the model's proofs. */
final class ExportVerifierCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("export-verifier");
  }

  @Override
  public String synopsis() {
    return "<dir> -o <Verifier.sol> [--contract <Name>]";
  }

  @Override
  public String summary() {
    return "Write a Solidity verifier for a compiled model's proofs";
  }

  @Override
  public String help() {
    return """
        Writes a Solidity contract whose verifyProof(_pA, _pB, _pC, _pubSignals) accepts exactly
        the valid proofs of this model's keys, as snarkjs's exported verifier does (it also
        rejects public signals >= r). Deploy it on any EVM chain with the BN254 precompiles.
        'zkml4j zkey export soliditycalldata public.json proof.json' prints a proof's call.

        Options:
          -o, --out <file>    the .sol file to write
          --contract <Name>   the contract's name (default Groth16Verifier)

        Example:
          zkml4j export-verifier lenet -o Verifier.sol""";
  }

  @Override
  public Set<String> options() {
    return Set.of("o", "out", "contract");
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(1, 1);
    Path dir = args.path(0);
    Path out = ModelOptions.requireOut(args, "the contract");
    VerifyingKey vk = Keys.readVerifyingKey(dir);
    String name = args.option("contract").orElse(SolidityVerifierExporter.DEFAULT_CONTRACT_NAME);
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new UsageException("--contract must be a Solidity identifier, was '" + name + "'");
    }
    Files.writeString(out, SolidityVerifierExporter.export(vk, name), StandardCharsets.UTF_8);
    terminal.out().println("Wrote " + out + ": contract " + name + ", verifyProof takes " + vk.nPublic()
        + " public signals (as in public.json)");
    return ExitCode.OK;
  }
}
