package org.zkml4j.groth16.solidity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.testkit.Peers;

/**
 * {@link SolidityCalldata} against snarkjs: the text must equal what {@code snarkjs zkey export
 * soliditycalldata} printed for real proofs, and what snarkjs's exportSolidityCallData returns for
 * random coordinates and signals (small, zero and full-size values, 1 to 6 signals); the ABI bytes
 * must be the selector and the words of that text. (The api module's chain tests check on anvil
 * that both verifier contracts accept the ABI bytes.)
 */
class SolidityCalldataTest {
  private static final int RANDOM_CASES = 40;

  @Test
  void textEqualsSnarkjsCommandLineOutput() throws Exception {
    VerifierFixture fixture = VerifierFixture.shared();
    for (int i = 0; i < fixture.proofs().size(); i++) {
      VerifierFixture.Case proof = fixture.proofs().get(i);
      String expected = proof.snarkjsCalldata().stripTrailing();
      assertEquals(expected, SolidityCalldata.text(Proof.of(proof.a(), proof.b(), proof.c()), proof.signals()));
      // The same through zkml4j's readers of snarkjs's proof.json and public.json.
      assertEquals(expected, SolidityCalldata.text(ProofJson.read(fixture.dir().resolve("proof_" + i + ".json")),
          PublicSignalsJson.read(fixture.dir().resolve("public_" + i + ".json"))));
    }
  }

  @Test
  void abiEncodingIsSelectorThenTheWordsOfSnarkjsText() {
    for (VerifierFixture.Case proof : VerifierFixture.shared().proofs()) {
      byte[] expected = CallWords.encode(CallWords.parse(proof.snarkjsCalldata()));
      assertArrayEquals(expected, SolidityCalldata.abiEncoded(Proof.of(proof.a(), proof.b(), proof.c()),
          proof.signals()));
    }
  }

  @Test
  void textEqualsSnarkjsForRandomValues() {
    Random rnd = new Random(2024);
    ObjectMapper json = new ObjectMapper();
    StringBuilder input = new StringBuilder();
    List<String> ours = new ArrayList<>();
    for (int k = 0; k < RANDOM_CASES; k++) {
      BigInteger[] coords = new BigInteger[8];
      for (int i = 0; i < 8; i++) {
        coords[i] = sample(rnd, Bn254.Q_MODULUS);
      }
      BigInteger[] signals = new BigInteger[1 + rnd.nextInt(6)];
      for (int i = 0; i < signals.length; i++) {
        signals[i] = sample(rnd, Bn254.R_MODULUS);
      }
      ObjectNode line = json.createObjectNode();
      ObjectNode proof = line.putObject("proof");
      proof.putArray("pi_a").add(coords[0].toString()).add(coords[1].toString()).add("1");
      ArrayNode b = proof.putArray("pi_b");
      b.addArray().add(coords[2].toString()).add(coords[3].toString());
      b.addArray().add(coords[4].toString()).add(coords[5].toString());
      b.addArray().add("1").add("0");
      proof.putArray("pi_c").add(coords[6].toString()).add(coords[7].toString()).add("1");
      proof.put("protocol", "groth16").put("curve", "bn128");
      ArrayNode pub = line.putArray("pub");
      for (BigInteger signal : signals) {
        pub.add(signal.toString());
      }
      input.append(line).append('\n');
      Proof p = Proof.of(fq(coords, 0, 2), fq(coords, 2, 4), fq(coords, 6, 2));
      ours.add(SolidityCalldata.text(p, List.of(signals)));
    }
    Peers.requirePackage("snarkjs");
    Path script = Peers.resource(SolidityCalldataTest.class, "snarkjs-calldata.mjs");
    String out = Peers.nodeOk(List.of(script.toString()), input.toString(), Duration.ofMinutes(2)).stdout();
    assertEquals(ours, out.lines().toList());
  }

  @Test
  void rejectsMalformedSignals() {
    Proof proof = Proof.of(new long[8], new long[16], new long[8]);
    assertThrows(IllegalArgumentException.class, () -> SolidityCalldata.text(proof, List.of()));
    assertThrows(IllegalArgumentException.class, () -> SolidityCalldata.text(proof, List.of(Bn254.R_MODULUS)));
    assertThrows(IllegalArgumentException.class,
        () -> SolidityCalldata.abiEncoded(proof, List.of(BigInteger.ONE, BigInteger.ONE.negate())));
  }

  /** Values that exercise the formatting: zero, one, short ones (leading zero digits) and full size. */
  private static BigInteger sample(Random rnd, BigInteger modulus) {
    return switch (rnd.nextInt(5)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.ONE;
      case 2 -> new BigInteger(1 + rnd.nextInt(200), rnd);
      default -> new BigInteger(256, rnd).mod(modulus);
    };
  }

  private static long[] fq(BigInteger[] values, int from, int count) {
    long[] out = new long[4 * count];
    for (int i = 0; i < count; i++) {
      Bn254.FQ.fromBigInteger(out, 4 * i, values[from + i]);
    }
    return out;
  }
}
