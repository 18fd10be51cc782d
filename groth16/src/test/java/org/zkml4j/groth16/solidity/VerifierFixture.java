package org.zkml4j.groth16.solidity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.zkml4j.math.field.Bn254;
import org.zkml4j.testkit.Peers;

/**
 * A tiny circuit's Groth16 key and proofs made by snarkjs (verifier-fixture.mjs: hand-written
 * R1CS with 3 public signals, power-4 ceremony, one phase-2 contribution, 3 proofs), read back
 * here with plain BigInteger parsing into the project's point layout (affine, Montgomery form).
 *
 * @param dir the folder holding snarkjs's files (verification_key.json, snarkjs_verifier.sol...)
 * @param vk the verifying key's points: alpha1 (8 longs), beta2, gamma2, delta2 (16), IC (8 each)
 * @param proofs the proofs with their public signals, and snarkjs's calldata text for each
 */
record VerifierFixture(Path dir, Key vk, List<Case> proofs) {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  record Key(long[] alpha1, long[] beta2, long[] gamma2, long[] delta2, long[] ic) {}

  /**
   * One proof.
   *
   * @param signals public signals as plain integers (public.json)
   * @param snarkjsCalldata the stdout of {@code snarkjs zkey export soliditycalldata}
   */
  record Case(long[] a, long[] b, long[] c, List<BigInteger> signals, String snarkjsCalldata) {}

  private static VerifierFixture shared;

  /** The fixture, made once per test run under target/solidity-evm. */
  static synchronized VerifierFixture shared() {
    if (shared == null) {
      shared = create(Path.of("target", "solidity-evm"));
    }
    return shared;
  }

  /** Runs snarkjs into a fresh {@code dir} (about 5 s) and reads what it wrote. */
  static VerifierFixture create(Path dir) {
    Peers.requirePackage("snarkjs");
    deleteRecursively(dir);
    Path script = Peers.resource(VerifierFixture.class, "verifier-fixture.mjs");
    String count = Peers.nodeOk(List.of(script.toString(), dir.toAbsolutePath().toString()), null, TIMEOUT).stdout()
        .trim();
    try {
      ObjectMapper json = new ObjectMapper();
      JsonNode vk = json.readTree(dir.resolve("verification_key.json").toFile());
      JsonNode icJson = vk.get("IC");
      long[] ic = new long[8 * icJson.size()];
      for (int i = 0; i < icJson.size(); i++) {
        g1(icJson.get(i), ic, 8 * i);
      }
      Key key = new Key(g1(vk.get("vk_alpha_1")), g2(vk.get("vk_beta_2")), g2(vk.get("vk_gamma_2")),
          g2(vk.get("vk_delta_2")), ic);
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < Integer.parseInt(count); i++) {
        JsonNode proof = json.readTree(dir.resolve("proof_" + i + ".json").toFile());
        List<BigInteger> signals = new ArrayList<>();
        json.readTree(dir.resolve("public_" + i + ".json").toFile()).forEach(s -> signals.add(new BigInteger(s.asText())));
        cases.add(new Case(g1(proof.get("pi_a")), g2(proof.get("pi_b")), g1(proof.get("pi_c")), List.copyOf(signals),
            Files.readString(dir.resolve("calldata_" + i + ".txt"))));
      }
      return new VerifierFixture(dir, key, List.copyOf(cases));
    } catch (IOException e) {
      throw new UncheckedIOException("reading snarkjs's fixture files in " + dir, e);
    }
  }

  private static long[] g1(JsonNode p) {
    long[] out = new long[8];
    g1(p, out, 0);
    return out;
  }

  private static void g1(JsonNode p, long[] out, int offset) {
    fq(p.get(0), out, offset);
    fq(p.get(1), out, offset + 4);
  }

  /** [[x.c0, x.c1], [y.c0, y.c1], [1, 0]] to x.c0, x.c1, y.c0, y.c1. */
  private static long[] g2(JsonNode p) {
    long[] out = new long[16];
    for (int i = 0; i < 4; i++) {
      fq(p.get(i / 2).get(i % 2), out, 4 * i);
    }
    return out;
  }

  private static void fq(JsonNode decimal, long[] out, int offset) {
    BigInteger v = new BigInteger(decimal.asText());
    if (v.signum() < 0 || v.compareTo(Bn254.Q_MODULUS) >= 0) {
      throw new IllegalStateException("snarkjs wrote a coordinate outside [0, q): " + v);
    }
    Bn254.FQ.fromBigInteger(out, offset, v);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
