package org.zkml4j.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;

/**
 * A proof of one inference: the model's outputs as real numbers, the Groth16 proof, and the
 * public signals it proves (outputs or their digests first, then digests of hashed inputs and
 * weights, then public inputs; decimal strings below r in {@code public.json}).
 *
 * <p>On disk ({@link #save}, {@link #read}) a bundle is a directory of three files: snarkjs's
 * {@code proof.json} and {@code public.json}, which {@code snarkjs groth16 verify} takes as they
 * are, and {@code output.json}, ezkl's {@code {"output_data": [[...], ...]}} with one flat array
 * per output. With public outputs the proof binds them, and {@link ZkModel#check} rejects an
 * {@code output.json} that differs from the proven values; with private or hashed outputs they are
 * the prover's claim. A bundle without outputs (no {@code output.json}) claims nothing beyond its
 * public signals.
 *
 * <p>Immutable; accessors copy.
 */
public final class ProofBundle {
  /** The file names inside a proof directory. */
  public static final String PROOF = "proof.json", PUBLIC = "public.json", OUTPUT = "output.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final List<float[]> outputs;
  private final Proof proof;
  private final List<BigInteger> publicSignals;

  /**
   * @param outputs each output's values, flat and row-major; may be empty (no claim)
   */
  public ProofBundle(List<float[]> outputs, Proof proof, List<BigInteger> publicSignals) {
    this.outputs = ModelWitness.copy(outputs);
    this.proof = Objects.requireNonNull(proof, "proof");
    this.publicSignals = List.copyOf(publicSignals);
  }

  /** Each output's values as real numbers, in order; empty if the bundle makes no claim. */
  public List<float[]> outputs() {
    return ModelWitness.copy(outputs);
  }

  public Proof proof() {
    return proof;
  }

  public List<BigInteger> publicSignals() {
    return publicSignals;
  }

  /** The same proof with other claimed outputs (to test that a verifier rejects a false claim). */
  public ProofBundle withOutputs(List<float[]> claimed) {
    return new ProofBundle(claimed, proof, publicSignals);
  }

  /** Writes {@code proof.json}, {@code public.json} and (with outputs) {@code output.json}, creating the directory. */
  public void save(Path directory) throws IOException {
    Files.createDirectories(directory);
    ProofJson.write(proof, directory.resolve(PROOF));
    PublicSignalsJson.write(publicSignals, directory.resolve(PUBLIC));
    Path output = directory.resolve(OUTPUT);
    if (outputs.isEmpty()) {
      Files.deleteIfExists(output);
      return;
    }
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode data = root.putArray("output_data");
    for (float[] o : outputs) {
      ArrayNode values = data.addArray();
      for (float v : o) {
        values.add(v);
      }
    }
    Files.writeString(output, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Reads a proof directory; {@code output.json} is optional.
   *
   * @throws FormatException naming the file that is malformed (a point off its curve, a signal
   *     not below r, an output that is not a number...)
   */
  public static ProofBundle read(Path directory) throws IOException, FormatException {
    Proof proof = ProofJson.read(directory.resolve(PROOF));
    List<BigInteger> signals = PublicSignalsJson.read(directory.resolve(PUBLIC));
    Path output = directory.resolve(OUTPUT);
    return new ProofBundle(Files.exists(output) ? readOutputs(output) : List.of(), proof, signals);
  }

  private static List<float[]> readOutputs(Path file) throws IOException, FormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new FormatException(file, "is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode data = root == null ? null : root.get("output_data");
    if (data == null || !data.isArray()) {
      throw new FormatException(file, "expected {\"output_data\": [[...], ...]}, one array per output");
    }
    List<float[]> outputs = new ArrayList<>();
    for (int o = 0; o < data.size(); o++) {
      JsonNode values = data.get(o);
      if (!values.isArray()) {
        throw new FormatException(file, "output " + o + " is not an array of numbers");
      }
      float[] v = new float[values.size()];
      for (int i = 0; i < v.length; i++) {
        if (!values.get(i).isNumber()) {
          throw new FormatException(file, "output " + o + " value " + i + " is not a number");
        }
        v[i] = Float.parseFloat(values.get(i).asText());
      }
      outputs.add(v);
    }
    return outputs;
  }
}
