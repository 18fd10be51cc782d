package org.zkml4j.api.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.testkit.Peers;

/**
 * A tiny circuit's Groth16 key, proofs and verifier contract made by snarkjs: the groth16 module's
 * {@code verifier-fixture.mjs} (a hand-written R1CS with 3 public signals, including the values 0,
 * 1 and 2 and full-size ones; power-4 ceremony; one phase-2 contribution; 3 proofs) run into
 * {@code target/chain-fixture} once per test run.
 *
 * @param dir snarkjs's files: final.zkey, verification_key.json, snarkjs_verifier.sol, witness_i.wtns...
 * @param vk the verifying key, read from verification_key.json
 * @param proofs the proofs with their signals and snarkjs's calldata text
 */
record SnarkjsProofs(Path dir, VerifyingKey vk, List<Case> proofs) {
  private static final String SCRIPT = "groth16/src/test/resources/org/zkml4j/groth16/solidity/verifier-fixture.mjs";

  /**
   * One proof.
   *
   * @param signals public.json
   * @param snarkjsCalldata the stdout of {@code snarkjs zkey export soliditycalldata}
   */
  record Case(Proof proof, List<BigInteger> signals, String snarkjsCalldata) {}

  private static SnarkjsProofs shared;

  static synchronized SnarkjsProofs shared() {
    if (shared == null) {
      shared = create(Path.of("target", "chain-fixture").toAbsolutePath());
    }
    return shared;
  }

  private static SnarkjsProofs create(Path dir) {
    Peers.requirePackage("snarkjs");
    Path script = Peers.root().resolve(SCRIPT);
    try {
      deleteRecursively(dir);
      String count = Peers.nodeOk(List.of(script.toString(), dir.toString()), null, Duration.ofMinutes(3)).stdout().strip();
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < Integer.parseInt(count); i++) {
        cases.add(new Case(ProofJson.read(dir.resolve("proof_" + i + ".json")),
            PublicSignalsJson.read(dir.resolve("public_" + i + ".json")),
            Files.readString(dir.resolve("calldata_" + i + ".txt"))));
      }
      return new SnarkjsProofs(dir, VerificationKeyJson.read(dir.resolve("verification_key.json")), List.copyOf(cases));
    } catch (IOException e) {
      throw new UncheckedIOException("making or reading snarkjs's fixture in " + dir, e);
    } catch (FormatException e) {
      throw new IllegalStateException("zkml4j cannot read snarkjs's fixture in " + dir, e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
