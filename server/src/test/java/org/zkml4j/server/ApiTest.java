package org.zkml4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.api.BundledMnist;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.testkit.Peers;

/**
 * The JSON API over HTTP: a good proof of a bundled digit, judged by snarkjs and by the digit's
 * label; the image commitment, judged by circomlibjs's Poseidon and by the digit's bytes; every bad
 * input answered with its 4xx; and the queue bound.
 */
class ApiTest {
  private static final BundledMnist MNIST = BundledMnist.require();

  @Test
  void aBundledDigit_isProven_andSnarkjsAcceptsTheProof_whosePublicScoresPickTheLabel(@TempDir Path dir)
      throws Exception {
    byte[] png = Files.readAllBytes(MNIST.digit(3));
    HttpResponse<String> r = TestServer.post("/api/proofs", "image/png", png);
    assertEquals(202, r.statusCode(), r.body());
    JsonNode accepted = TestServer.json(r);
    assertTrue(accepted.get("position").asInt() >= 0, r.body());
    JsonNode done = TestServer.awaitFinal(accepted.get("id").asText());
    assertEquals("done", done.get("status").asText(), done.toString());
    JsonNode result = done.get("result");

    Files.writeString(dir.resolve("proof.json"), result.get("proof").toString());
    Files.writeString(dir.resolve("public.json"), result.get("publicSignals").toString());
    Files.writeString(dir.resolve("vkey.json"), TestServer.get("/api/verification_key.json?commit=false").body());
    String ok = Peers.snarkjsOk("groth16", "verify", dir.resolve("vkey.json").toString(),
        dir.resolve("public.json").toString(), dir.resolve("proof.json").toString());
    assertTrue(ok.contains("OK!"), ok);
    List<BigInteger> signals = PublicSignalsJson.read(dir.resolve("public.json"));
    assertTrue(Groth16.verify(VerificationKeyJson.read(dir.resolve("vkey.json")), signals,
        ProofJson.read(dir.resolve("proof.json"))).isValid());

    assertEquals(10, signals.size());
    assertEquals(3, argmaxSigned(signals.subList(0, 10)), "the public scores " + signals);
    assertEquals(3, result.get("prediction").asInt());
    assertTrue(result.get("java").get("valid").asBoolean(), result.toString());

    ObjectNode body = Json.object();
    body.set("proof", result.get("proof"));
    body.set("publicSignals", result.get("publicSignals"));
    JsonNode verified = TestServer.json(TestServer.post("/api/verify", "application/json", bytes(body)));
    assertTrue(verified.get("valid").asBoolean(), verified.toString());
    ((ArrayNode) body.get("publicSignals")).set(3, signals.get(3).add(BigInteger.ONE).toString());
    JsonNode tampered = TestServer.json(TestServer.post("/api/verify", "application/json", bytes(body)));
    assertFalse(tampered.get("valid").asBoolean(), tampered.toString());

    JsonNode status = TestServer.json(TestServer.get("/api/proofs/" + accepted.get("id").asText()));
    assertEquals("done", status.get("status").asText());
  }

  @Test
  void theCommitment_isCircomlibjsPoseidonOfTheDigitsQuantizedBytes() throws Exception {
    byte[] png = Files.readAllBytes(MNIST.digit(5));
    ObjectNode request = Json.object().put("image", "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
        .put("commit", true);
    HttpResponse<String> r = TestServer.post("/api/proofs", "application/json", bytes(request));
    assertEquals(202, r.statusCode(), r.body());
    JsonNode done = TestServer.awaitFinal(TestServer.json(r).get("id").asText());
    assertEquals("done", done.get("status").asText(), done.toString());
    JsonNode result = done.get("result");
    JsonNode c = result.get("commitment");
    assertNotNull(c, result.toString());

    BufferedImage image = ImageIO.read(MNIST.digit(5).toFile());
    int scale = c.get("scale").asInt();
    long[] values = new long[784];
    for (int i = 0; i < 784; i++) {
      values[i] = c.get("values").get(i).asLong();
      int b = image.getRaster().getSample(i % 28, i / 28, 0);
      assertEquals(Math.round(b * Math.pow(2, scale) / 255.0), values[i], "pixel " + i);
    }
    assertEquals(784, c.get("values").size());
    String reference = Peers.runScript(ApiTest.class, "poseidon-opening.mjs", List.of(Arrays.toString(values))).get(0);
    assertEquals(reference, c.get("digest").asText());
    JsonNode signals = result.get("publicSignals");
    assertEquals(11, signals.size());
    assertEquals(reference, signals.get(10).asText(), "the commitment is the last public signal");
    assertEquals(5, argmaxSigned(toBig(signals).subList(0, 10)));

    Path vk = Files.createTempFile("vk", ".json");
    Files.writeString(vk, TestServer.get("/api/verification_key.json?commit=true").body());
    ObjectNode body = Json.object();
    body.set("proof", result.get("proof"));
    body.set("publicSignals", signals);
    assertTrue(TestServer.json(TestServer.post("/api/verify", "application/json", bytes(body))).get("valid")
        .asBoolean());
    assertEquals(11, VerificationKeyJson.read(vk).nPublic());
    Files.delete(vk);
  }

  @Test
  void badRequests_getA4xxWithAMessage() throws Exception {
    byte[] digit = Files.readAllBytes(MNIST.digit(1));
    expect(413, "larger than", TestServer.post("/api/proofs", "image/png", new byte[ServerOptions.MAX_BODY_BYTES + 1]));
    expect(415, "Content-Type", TestServer.post("/api/proofs", "text/plain", "a seven".getBytes(StandardCharsets.UTF_8)));
    expect(415, "Content-Type", TestServer.send(HttpRequest.newBuilder(TestServer.url("/api/proofs"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(digit))));
    expect(400, "not an image", TestServer.post("/api/proofs", "image/png", "hello".getBytes(StandardCharsets.UTF_8)));
    expect(400, "malformed", TestServer.post("/api/proofs", "image/png", Arrays.copyOf(digit, 60)));
    expect(400, "blank", TestServer.post("/api/proofs", "image/png", png(new BufferedImage(100, 100,
        BufferedImage.TYPE_BYTE_GRAY))));
    expect(400, "at most 4096x4096", TestServer.post("/api/proofs", "image/png", png(new BufferedImage(5000, 1,
        BufferedImage.TYPE_BYTE_GRAY))));
    expect(400, "not valid JSON", TestServer.post("/api/proofs", "application/json", "{\"image\": ".getBytes()));
    expect(400, "expected", TestServer.post("/api/proofs", "application/json", "{\"commit\": true}".getBytes()));
    expect(400, "base64", TestServer.post("/api/proofs", "application/json",
        "{\"image\": \"data:image/png;base64,@@@@\"}".getBytes()));
    expect(400, "true or false", TestServer.post("/api/proofs", "application/json",
        ("{\"image\": \"" + Base64.getEncoder().encodeToString(digit) + "\", \"commit\": \"yes\"}").getBytes()));
    expect(400, "true or false", TestServer.post("/api/proofs?commit=maybe", "image/png", digit));

    expect(405, "use POST", TestServer.get("/api/proofs"));
    expect(405, "use GET", TestServer.post("/api/digits", "application/json", "{}".getBytes()));
    expect(405, "use POST", TestServer.send(HttpRequest.newBuilder(TestServer.url("/api/verify")).DELETE()));
    expect(404, "no proof request", TestServer.get("/api/proofs/0123456789abcdef"));
    expect(404, "no proof request", TestServer.get("/api/proofs/0123456789abcdef/events"));
    expect(404, "nothing at", TestServer.get("/no/such/page"));

    expect(400, "expected", TestServer.post("/api/verify", "application/json", "[1, 2]".getBytes()));
    expect(400, "proof", TestServer.post("/api/verify", "application/json",
        "{\"proof\": {\"pi_a\": [\"1\", \"3\", \"1\"]}, \"publicSignals\": [\"1\"]}".getBytes()));
    expect(400, "publicSignals", TestServer.post("/api/verify", "application/json",
        ("{\"proof\": " + validProofJson() + ", \"publicSignals\": [\"1\", \"2\"]}").getBytes()));
    expect(400, "publicSignals", TestServer.post("/api/verify", "application/json",
        ("{\"proof\": " + validProofJson() + ", \"publicSignals\": [\"" + Bn254.R_MODULUS + "\"]}").getBytes()));
  }

  @Test
  void aFullQueue_refusesWith429AndRetryAfter_andTheAcceptedRequestsSeeTheirPositions() throws Exception {
    byte[] digit = Files.readAllBytes(MNIST.digit(7));
    List<String> ids = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    HttpResponse<String> refused = null;
    for (int i = 0; i < TestServer.QUEUE + 3 && refused == null; i++) {
      // With the commitment: the slower circuit, so the first proof cannot end before the queue fills.
      HttpResponse<String> r = TestServer.post("/api/proofs?commit=true", "image/png", digit);
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        assertEquals(202, r.statusCode(), r.body());
        ids.add(TestServer.json(r).get("id").asText());
        positions.add(TestServer.json(r).get("position").asInt());
      }
    }
    assertNotNull(refused, "no 429 after " + ids.size() + " requests into a queue of " + TestServer.QUEUE);
    assertTrue(ids.size() <= TestServer.QUEUE + 1, ids.size() + " accepted");
    assertTrue(refused.body().contains("queue is full"), refused.body());
    int retry = Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("-1"));
    assertTrue(retry >= 1, "Retry-After " + retry);
    assertTrue(positions.get(positions.size() - 1) >= 2, "positions " + positions);
    for (String id : ids) {
      assertEquals("done", TestServer.awaitFinal(id).get("status").asText());
    }
  }

  @Test
  void thePage_itsScriptAndTheDigits_areServed() throws Exception {
    HttpResponse<String> page = TestServer.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<canvas id=\"pad\""), page.body());
    assertEquals(200, TestServer.get("/app.js").statusCode());
    JsonNode digits = TestServer.json(TestServer.get("/api/digits"));
    assertEquals(10, digits.size());
    assertEquals(Base64.getEncoder().encodeToString(Files.readAllBytes(MNIST.digit(4))),
        digits.get(4).get("image").asText().replace("data:image/png;base64,", ""));
    Peers.assumeAvailable("snarkjs");
    HttpResponse<String> bundle = TestServer.get("/snarkjs.min.js");
    assertEquals(200, bundle.statusCode());
    assertTrue(bundle.body().contains("groth16"));
  }

  private static void expect(int status, String inMessage, HttpResponse<String> r) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    String error = TestServer.json(r).get("error").asText();
    assertTrue(error.contains(inMessage), "'" + inMessage + "' in: " + error);
  }

  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String validProofJson() {
    String g1 = "[\"1\", \"2\", \"1\"]";
    String g2 = "[[\"10857046999023057135944570762232829481370756359578518086990519993285655852781\","
        + " \"11559732032986387107991004021392285783925812861821192530917403151452391805634\"],"
        + " [\"8495653923123431417604973247489272438418190587263600148770280649306958101930\","
        + " \"4082367875863433681332203403145435568316851327593401208105741076214120093531\"], [\"1\", \"0\"]]";
    return "{\"pi_a\": " + g1 + ", \"pi_b\": " + g2 + ", \"pi_c\": " + g1 + ", \"protocol\": \"groth16\"}";
  }

  private static byte[] bytes(JsonNode node) throws Exception {
    return Json.MAPPER.writeValueAsBytes(node);
  }

  private static List<BigInteger> toBig(JsonNode signals) {
    List<BigInteger> out = new ArrayList<>();
    signals.forEach(s -> out.add(new BigInteger(s.asText())));
    return out;
  }

  /** The index of the largest signal read as a signed integer (r - v is -v). */
  private static int argmaxSigned(List<BigInteger> signals) {
    BigInteger half = Bn254.R_MODULUS.shiftRight(1);
    int best = 0;
    BigInteger bestValue = null;
    for (int i = 0; i < signals.size(); i++) {
      BigInteger v = signals.get(i).compareTo(half) > 0 ? signals.get(i).subtract(Bn254.R_MODULUS) : signals.get(i);
      if (bestValue == null || v.compareTo(bestValue) > 0) {
        best = i;
        bestValue = v;
      }
    }
    return best;
  }
}
