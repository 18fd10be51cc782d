package org.zkml4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;

/**
 * A proof sent for verification, {@code {"proof": <snarkjs proof.json>, "publicSignals":
 * <snarkjs public.json>}}, checked as strictly as the files are: points on their curves and in
 * their groups, signals decimal and below r. The groth16 module's readers do the checking, so the
 * two parts go through temporary files.
 *
 * @param proof the proof
 * @param publicSignals the signals
 * @param variant the circuit the signals are for: the one named by {@code "commit"} if given, else
 *     the one with that many public signals
 */
record SubmittedProof(Proof proof, List<BigInteger> publicSignals, ProofModels.Variant variant) {
  static SubmittedProof parse(byte[] body, ProofModels models) throws HttpError, IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new HttpError(400, "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject() || !root.has("proof") || !root.has("publicSignals")) {
      throw new HttpError(400, "expected {\"proof\": {...snarkjs proof.json...}, \"publicSignals\": [\"...\", ...]}");
    }
    Path dir = Files.createTempDirectory("zkml4j-verify");
    try {
      Path proofFile = dir.resolve("proof.json");
      Path signalsFile = dir.resolve("public.json");
      Files.write(proofFile, Json.MAPPER.writeValueAsBytes(root.get("proof")));
      Files.write(signalsFile, Json.MAPPER.writeValueAsBytes(root.get("publicSignals")));
      Proof proof = read(() -> ProofJson.read(proofFile), proofFile, "proof");
      List<BigInteger> signals = read(() -> PublicSignalsJson.read(signalsFile), signalsFile, "publicSignals");
      ProofModels.Variant variant;
      JsonNode commit = root.get("commit");
      if (commit != null && !commit.isNull()) {
        if (!commit.isBoolean()) {
          throw new HttpError(400, "\"commit\" must be true or false");
        }
        variant = models.get(commit.booleanValue());
      } else {
        variant = models.byPublicSignals(signals.size());
        if (variant == null) {
          throw new HttpError(400, "publicSignals has " + signals.size() + " values; this server's circuits take "
              + models.get(false).publicSignals() + " (the scores) or " + models.get(true).publicSignals()
              + " (the scores and the image commitment)");
        }
      }
      return new SubmittedProof(proof, signals, variant);
    } finally {
      Files.deleteIfExists(dir.resolve("proof.json"));
      Files.deleteIfExists(dir.resolve("public.json"));
      Files.deleteIfExists(dir);
    }
  }

  private interface Reader<T> {
    T read() throws IOException, FormatException;
  }

  /** Runs a reader, turning its complaint about the temporary file into one about the JSON field. */
  private static <T> T read(Reader<T> reader, Path file, String field) throws HttpError, IOException {
    try {
      return reader.read();
    } catch (FormatException e) {
      String m = e.getMessage().replace(file.toString(), field).replace(file.getFileName().toString(), field);
      throw new HttpError(400, m.startsWith(field) ? m : field + ": " + m);
    }
  }
}
