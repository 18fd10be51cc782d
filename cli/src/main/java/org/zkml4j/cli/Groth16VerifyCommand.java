package org.zkml4j.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.VerificationResult;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.math.parallel.Parallelism;

/** {@code groth16 verify [verification_key.json] [public.json] [proof.json]}. */
final class Groth16VerifyCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("groth16 verify", "g16v");
  }

  @Override
  public String synopsis() {
    return "[verification_key.json] [public.json] [proof.json] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Verify a proof; prints OK! (exit 0) or why it is invalid (exit 1)";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Checks a Groth16 proof of the given public signals against a verification key (files in
        snarkjs's formats, from zkml4j or snarkjs). Prints "OK!" and exits with 0 when the proof
        is valid; otherwise prints why not (a wrong number of public signals, a point outside
        G2, a failed pairing check) and exits with 1.

        A file that cannot be used (missing, not JSON, a number out of range such as a public
        signal >= r, a point off its curve) is reported with exit 3, where snarkjs exits with 1;
        a script that tests for 0 behaves the same with both.

        Arguments (snarkjs's defaults when left out):
          [verification_key.json]   from 'zkey export verificationkey'
          [public.json]             the public signals, outputs first
          [proof.json]              the proof

        Options:
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j groth16 verify verification_key.json public.json proof.json""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 3);
    Path vkFile = args.path(0, "verification_key.json");
    Path publicFile = args.path(1, "public.json");
    Path proofFile = args.path(2, "proof.json");
    Parallelism parallelism = args.parallelism();
    VerifyingKey vk = VerificationKeyJson.read(vkFile);
    List<BigInteger> signals = PublicSignalsJson.read(publicFile);
    Proof proof = ProofJson.read(proofFile);
    VerificationResult result = Groth16.verify(vk, signals, proof, parallelism);
    if (result.isValid()) {
      terminal.out().println("OK!");
      return ExitCode.OK;
    }
    terminal.out().println("INVALID PROOF: " + result.message());
    return ExitCode.INVALID;
  }
}
