package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.math.parallel.Parallelism;

/** {@code zkey export verificationkey [circuit_final.zkey] [circuit_vk.json]}. */
final class ZkeyExportVerificationKeyCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("zkey export verificationkey", "zkev");
  }

  @Override
  public String synopsis() {
    return "[circuit_final.zkey] [circuit_vk.json] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Write the verification key of a .zkey as snarkjs's JSON";
  }

  @Override
  public Set<String> options() {
    return Set.of(Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Reads a proving key, checks it, and writes its verification key in snarkjs's
        verification_key.json format (with e(alpha, beta)), which 'groth16 verify' here and in
        snarkjs read.

        Arguments (snarkjs's defaults when left out):
          [circuit_final.zkey]   the proving key
          [circuit_vk.json]      the file to write; snarkjs 0.7.6 writes circuit_vk.json when it
                                 is left out (though its help says verification_key.json), and
                                 zkml4j does the same so scripts find the same file

        Options:
          --threads, -t   worker threads for checking the key's points (default: all processors)

        Example:
          zkml4j zkey export verificationkey circuit_final.zkey verification_key.json""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 2);
    Path zkey = args.path(0, "circuit_final.zkey");
    Path out = args.path(1, "circuit_vk.json");
    Parallelism parallelism = args.parallelism();
    terminal.info("Reading " + zkey);
    VerifyingKey vk = ZkeyReader.read(zkey, parallelism).verifyingKey();
    VerificationKeyJson.write(vk, out);
    terminal.info("Wrote " + out + " (" + vk.nPublic() + " public signals)");
    return ExitCode.OK;
  }
}
