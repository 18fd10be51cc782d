package org.zkml4j.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.solidity.SolidityCalldata;

/** {@code zkey export soliditycalldata [public.json] [proof.json]}: prints verifyProof's arguments. */
final class ZkeyExportSolidityCalldataCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("zkey export soliditycalldata", "zkesc");
  }

  @Override
  public String synopsis() {
    return "[public.json] [proof.json]";
  }

  @Override
  public String summary() {
    return "Print a proof as the arguments of the Solidity verifier's verifyProof";
  }

  @Override
  public String help() {
    return """
        Prints, on one line of standard output, the arguments of the Solidity verifier's
        verifyProof for a proof and its public signals, exactly as 'snarkjs zkey export
        soliditycalldata' prints them:
          ["0x<A.x>", "0x<A.y>"],[["0x<B.x.c1>", "0x<B.x.c0>"],["0x<B.y.c1>", "0x<B.y.c0>"]],
          ["0x<C.x>", "0x<C.y>"],["0x<signal 1>",...]
        (G2 coordinates imaginary part first, as the EVM's pairing precompile reads them).

        Arguments (snarkjs's defaults when left out; note the order, public signals first):
          [public.json]   the public signals
          [proof.json]    the proof

        Example:
          zkml4j zkey export soliditycalldata public.json proof.json""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 2);
    Path publicFile = args.path(0, "public.json");
    Path proofFile = args.path(1, "proof.json");
    List<BigInteger> signals = PublicSignalsJson.read(publicFile);
    Proof proof = ProofJson.read(proofFile);
    terminal.out().println(SolidityCalldata.text(proof, signals));
    return ExitCode.OK;
  }
}
