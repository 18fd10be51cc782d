package org.zkml4j.groth16.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.groth16.testing.TwistPoints;
import org.zkml4j.math.field.Bn254;

/** The JSON files against the ones snarkjs writes, and corrupted copies of them. */
class SnarkjsJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private static final BigInteger R = Bn254.R_MODULUS;

  @TempDir
  Path tmp;

  @Test
  void exportedVerificationKeyEqualsSnarkjsExport() throws Exception {
    for (SnarkjsFixture.Circuit c : List.of(SnarkjsFixture.multiplier(), SnarkjsFixture.poseidonRange())) {
      VerifyingKey vk = ZkeyReader.read(c.zkey()).verifyingKey();
      Path ours = tmp.resolve(c.name() + "-vk.json");
      VerificationKeyJson.write(vk, ours);
      assertEquals(MAPPER.readTree(c.verificationKey().toFile()), MAPPER.readTree(ours.toFile()), c.name());
      assertEquals(vk, VerificationKeyJson.read(c.verificationKey()));
    }
  }

  @Test
  void proofAndPublicSignalsRoundTripAsSnarkjsWritesThem() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.poseidonRange();
    Proof proof = ProofJson.read(c.proof());
    Path ours = tmp.resolve("proof.json");
    ProofJson.write(proof, ours);
    assertEquals(MAPPER.readTree(c.proof().toFile()), MAPPER.readTree(ours.toFile()));
    assertEquals(proof, ProofJson.read(ours));

    List<BigInteger> signals = PublicSignalsJson.read(c.publicSignals());
    assertEquals(List.of(1000000000L), signals.subList(1, 2).stream().map(BigInteger::longValueExact).toList());
    Path oursSignals = tmp.resolve("public.json");
    PublicSignalsJson.write(signals, oursSignals);
    assertEquals(MAPPER.readTree(c.publicSignals().toFile()), MAPPER.readTree(oursSignals.toFile()));
  }

  @Test
  void malformedJsonIsRejectedWithItsLocation() throws Exception {
    Path file = Files.writeString(tmp.resolve("proof.json"), "{\"pi_a\": [\"1\", \"2\", \"1\"],\n  \"pi_b\": ");
    FormatException e = assertThrows(FormatException.class, () -> ProofJson.read(file));
    assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void proofCoordinateNotBelowQ() throws Exception {
    assertProofRejected(p -> ((ArrayNode) p.get("pi_a")).set(0, Q.toString()), "pi_a[0] = " + Q + " is not below q");
  }

  @Test
  void proofNumberNotDecimal() throws Exception {
    assertProofRejected(p -> ((ArrayNode) p.get("pi_c")).set(1, "0x12"), "pi_c[1] is \"0x12\"");
    assertProofRejected(p -> ((ArrayNode) p.get("pi_c")).set(1, 12), "pi_c[1] is 12");
    assertProofRejected(p -> ((ArrayNode) p.get("pi_c")).set(1, "-5"), "pi_c[1]");
  }

  @Test
  void proofPointOffTheCurve() throws Exception {
    assertProofRejected(p -> ((ArrayNode) p.get("pi_a")).set(1, "5"), "pi_a ");
    assertProofRejected(p -> ((ArrayNode) p.get("pi_a")).set(1, "5"), "is not on G1");
    assertProofRejected(p -> ((ArrayNode) p.get("pi_b").get(1)).set(0, "5"), "is not on the twist");
  }

  @Test
  void proofG2PointOutsideTheSubgroup() throws Exception {
    BigInteger[] p = TwistPoints.outsideSubgroup(3);
    assertProofRejected(proof -> {
      ArrayNode b = (ArrayNode) proof.get("pi_b");
      b.set(0, MAPPER.createArrayNode().add(p[0].toString()).add(p[1].toString()));
      b.set(1, MAPPER.createArrayNode().add(p[2].toString()).add(p[3].toString()));
    }, "not in the subgroup G2");
  }

  @Test
  void proofOfAnotherProtocolOrCurve() throws Exception {
    assertProofRejected(p -> p.put("protocol", "plonk"), "\"protocol\" is \"plonk\"; expected \"groth16\"");
    assertProofRejected(p -> p.put("curve", "bls12381"), "\"curve\"");
    assertProofRejected(p -> p.remove("pi_c"), "\"pi_c\" is missing");
  }

  @Test
  void projectiveCoordinatesAreNormalizedAsSnarkjsDoes() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.multiplier();
    Proof proof = ProofJson.read(c.proof());
    ObjectNode json = (ObjectNode) MAPPER.readTree(c.proof().toFile());
    // (x, y, 1) is the Jacobian point (x*z^2, y*z^3, z) for any z != 0.
    ArrayNode a = (ArrayNode) json.get("pi_a");
    BigInteger x = new BigInteger(a.get(0).asText()), y = new BigInteger(a.get(1).asText()), z = BigInteger.TWO;
    a.set(0, x.multiply(z.pow(2)).mod(Q).toString());
    a.set(1, y.multiply(z.pow(3)).mod(Q).toString());
    a.set(2, z.toString());
    Path file = tmp.resolve("jacobian.json");
    MAPPER.writeValue(file.toFile(), json);
    assertEquals(proof, ProofJson.read(file));
  }

  @Test
  void publicSignalsOutOfRange() throws Exception {
    Path file = Files.writeString(tmp.resolve("public.json"), "[\"1\", \"" + R + "\"]");
    FormatException e = assertThrows(FormatException.class, () -> PublicSignalsJson.read(file));
    assertTrue(e.getMessage().contains("signal 1 = " + R + " is not below r"), e.getMessage());
    Path notArray = Files.writeString(tmp.resolve("public2.json"), "{\"a\": \"1\"}");
    assertTrue(assertThrows(FormatException.class, () -> PublicSignalsJson.read(notArray)).getMessage()
        .contains("expected an array"));
  }

  @Test
  void verificationKeyProblems() throws Exception {
    assertVkRejected(v -> v.put("nPublic", 5), "\"IC\" must be an array of nPublic + 1 = 6");
    assertVkRejected(v -> ((ArrayNode) v.get("vk_alpha_1")).set(1, "7"), "vk_alpha_1");
    BigInteger[] p = TwistPoints.outsideSubgroup(5);
    assertVkRejected(v -> {
      ArrayNode g = (ArrayNode) v.get("vk_delta_2");
      g.set(0, MAPPER.createArrayNode().add(p[0].toString()).add(p[1].toString()));
      g.set(1, MAPPER.createArrayNode().add(p[2].toString()).add(p[3].toString()));
    }, "vk_delta_2");
    assertVkRejected(v -> ((ArrayNode) v.get("vk_alphabeta_12").get(0).get(0)).set(0, "1"), "vk_alphabeta_12");
    assertVkRejected(v -> v.put("curve", "bls12381"), "\"curve\"");
  }

  private void assertProofRejected(Consumer<ObjectNode> corruption, String expected) throws Exception {
    assertRejected(SnarkjsFixture.multiplier().proof(), corruption, expected, ProofJson::read);
  }

  private void assertVkRejected(Consumer<ObjectNode> corruption, String expected) throws Exception {
    assertRejected(SnarkjsFixture.multiplier().verificationKey(), corruption, expected, VerificationKeyJson::read);
  }

  private interface Reader {
    Object read(Path file) throws Exception;
  }

  private void assertRejected(Path original, Consumer<ObjectNode> corruption, String expected, Reader reader)
      throws Exception {
    JsonNode json = MAPPER.readTree(original.toFile());
    corruption.accept((ObjectNode) json);
    Path file = tmp.resolve("bad.json");
    MAPPER.writeValue(file.toFile(), json);
    FormatException e = assertThrows(FormatException.class, () -> reader.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
