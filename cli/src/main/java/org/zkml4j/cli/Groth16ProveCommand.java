package org.zkml4j.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.format.WtnsFile;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.PhaseTimer;
import org.zkml4j.groth16.ProverOutput;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.math.parallel.Parallelism;

/** {@code groth16 prove [circuit_final.zkey] [witness.wtns] [proof.json] [public.json]}. */
final class Groth16ProveCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("groth16 prove", "g16p", "zpw", "zksnark proof");
  }

  @Override
  public String synopsis() {
    return "[circuit_final.zkey] [witness.wtns] [proof.json] [public.json] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Prove with a .zkey and a witness (.wtns); writes proof.json and public.json";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Makes a Groth16 proof that the witness satisfies the key's circuit, blinded with fresh
        randomness, and writes it with the public signals (outputs, then public inputs) in
        snarkjs's JSON formats. The proof verifies with 'groth16 verify' here and in snarkjs,
        and on chain with the exported Solidity verifier. Works with keys from zkml4j or snarkjs
        and witnesses from circom's witness calculator ('snarkjs wtns calculate').

        A witness that does not satisfy the constraints gives a proof that does not verify;
        'zkml4j wtns check circuit.r1cs witness.wtns' names the first constraint that fails.

        Arguments (snarkjs's defaults when left out):
          [circuit_final.zkey]   the proving key
          [witness.wtns]         every signal's value, as circom's witness calculator writes it
          [proof.json]           where to write the proof
          [public.json]          where to write the public signals

        Options:
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j groth16 prove circuit_final.zkey witness.wtns proof.json public.json""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 4);
    Path zkey = args.path(0, "circuit_final.zkey");
    Path wtns = args.path(1, "witness.wtns");
    Path proofFile = args.path(2, "proof.json");
    Path publicFile = args.path(3, "public.json");
    Parallelism parallelism = args.parallelism();
    PhaseTimer timer = PhaseTimer.start("groth16 prove command");
    Witness witness = WtnsFile.read(wtns);
    timer.lap("wtns read");
    terminal.info("Reading " + zkey);
    ProvingKey key = ZkeyReader.read(zkey, parallelism);
    timer.lap("zkey read");
    if (witness.size() != key.nVars()) {
      throw new FormatException(wtns, "holds " + witness.size() + " values, but the proving key " + zkey
          + " is for a circuit of " + key.nVars() + " signals: the witness and the key are of different circuits");
    }
    terminal.info("Proving (" + key.nVars() + " signals, domain 2^" + key.log2DomainSize() + ", "
        + parallelism.threads() + " threads)");
    ProverOutput output = Groth16.prove(key, witness.toArray(), new SecureRandom(), parallelism);
    timer.lap("prove");
    ProofJson.write(output.proof(), proofFile);
    PublicSignalsJson.write(output.publicSignals(), publicFile);
    timer.lap("json write");
    terminal.info("Wrote " + proofFile + " and " + publicFile + " (" + output.publicSignals().size()
        + " public signals)");
    return ExitCode.OK;
  }
}
