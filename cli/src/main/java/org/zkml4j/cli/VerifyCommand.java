package org.zkml4j.cli;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.api.Keys;
import org.zkml4j.api.ProofBundle;
import org.zkml4j.api.Verdict;
import org.zkml4j.api.ZkModel;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.model.compile.Visibility;

/** {@code verify <dir> <proofdir>}: check a proof against a compiled model's verifying key. */
final class VerifyCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("verify");
  }

  @Override
  public String synopsis() {
    return "<dir> <proofdir> [--threads N]";
  }

  @Override
  public String summary() {
    return "Verify a proof of a compiled model; print the proven outputs";
  }

  @Override
  public String help() {
    return """
        Checks the proof in <proofdir> (proof.json, public.json, and output.json if present)
        against the model directory's verification_key.json: the Groth16 pairing check on the
        public signals, and, when the outputs are public, that output.json holds exactly the
        outputs the public signals prove. Prints OK and the proven outputs (exit 0), or
        INVALID and the reason (exit 1).

        The same proof verifies with snarkjs:
          node interop/node_modules/snarkjs/build/cli.cjs groth16 verify \\
              <dir>/verification_key.json <proofdir>/public.json <proofdir>/proof.json

        Options:
          --threads N     worker threads (default: every processor)
          --cache <dir>   where zkml4j remembers the model directories it checked
                          (default ~/.cache/zkml4j)

        Example:
          zkml4j verify lenet proof""";
  }

  @Override
  public Set<String> options() {
    return Set.of(ModelOptions.THREADS, ModelOptions.CACHE);
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(2, 2);
    Path dir = args.path(0);
    Path proofDir = args.path(1);
    Parallelism parallelism = ModelOptions.parallelism(args);
    ZkModel model = ModelOptions.open(dir, args);
    if (!Files.isRegularFile(dir.resolve(Keys.VERIFICATION_KEY))) {
      throw new IllegalArgumentException(dir + " has no verifying key yet (" + Keys.VERIFICATION_KEY + "): run"
          + " zkml4j setup " + dir + " first, or copy the key of the setup the proof was made with into it");
    }
    if (!Files.isDirectory(proofDir)) {
      throw new IllegalArgumentException("the proof directory " + proofDir + (Files.exists(proofDir)
          ? " is a file; give the directory zkml4j prove -o wrote" : " does not exist; check the path"));
    }
    VerifyingKey vk = Keys.readVerifyingKey(dir);
    ProofBundle proof = ProofBundle.read(proofDir);
    Verdict verdict = model.check(vk, proof, parallelism);
    var out = terminal.out();
    if (!verdict.valid()) {
      out.println("INVALID: " + verdict.reason());
      return ExitCode.INVALID;
    }
    out.println("OK: the proof is valid.");
    if (model.visibility().output() == Visibility.Exposure.PUBLIC) {
      List<float[]> outputs = model.provenOutputs(proof.publicSignals());
      out.print("Proven " + OutputText.values(model.compiled().graph().outputs(), outputs));
      int predicted = OutputText.predictedClass(outputs);
      if (predicted >= 0) {
        out.println("Predicted class: " + predicted);
      }
    } else {
      List<String> names = model.compiled().publicSignalNames();
      List<BigInteger> values = proof.publicSignals();
      out.println("Public signals (" + String.join(", ", names) + "): " + values);
    }
    return ExitCode.OK;
  }
}
