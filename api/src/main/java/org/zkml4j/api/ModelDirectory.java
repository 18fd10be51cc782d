package org.zkml4j.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.model.compile.CompiledModel;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.onnx.OnnxException;
import org.zkml4j.model.onnx.OnnxImporter;
import org.zkml4j.model.quant.QuantizationException;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * A compiled model on disk: the directory {@code zkml4j compile} writes and the other verbs read.
 *
 * <pre>
 * model.json             format version, provenance, settings, signal layout (this class)
 * model.onnx             the ONNX model, byte for byte
 * calibration.bin        the calibration samples: float32 little-endian, sample after sample,
 *                        each graph input's values row-major
 * circuit.r1cs           the circuit, in circom's format
 * circuit.zkey           after setup: the proving key (snarkjs's format)
 * verification_key.json  after setup: the verifying key (snarkjs's format)
 * </pre>
 *
 * Compilation is deterministic, so the directory stores what the model is made from rather than
 * the witness generator: {@link #open} recompiles from {@code model.onnx}, the samples and the
 * settings, and requires the result to equal {@code circuit.r1cs}, so proofs made from a reopened
 * model always fit the keys made for the saved one. The SHA-256 of each file is recorded.
 */
final class ModelDirectory {
  static final String MANIFEST = "model.json";
  static final String ONNX = "model.onnx";
  static final String CALIBRATION = "calibration.bin";
  static final String CIRCUIT = "circuit.r1cs";
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelDirectory() {}

  static void save(ZkModel model, Path dir) throws IOException {
    Files.createDirectories(dir);
    ModelSource src = model.source();
    CompiledModel compiled = model.compiled();
    Path circuit = dir.resolve(CIRCUIT);
    String oldCircuit = Files.isRegularFile(circuit) ? sha256Hex(Files.readAllBytes(circuit)) : null;
    R1csFile.write(compiled.circuit().r1cs(), circuit);
    String circuitHash = sha256Hex(Files.readAllBytes(circuit));
    if (!circuitHash.equals(oldCircuit)) {
      Files.deleteIfExists(dir.resolve(Keys.ZKEY));
      Files.deleteIfExists(dir.resolve(Keys.VERIFICATION_KEY));
    }
    Files.write(dir.resolve(ONNX), src.onnx());
    byte[] samples = encodeSamples(src.calibration());
    Files.write(dir.resolve(CALIBRATION), samples);

    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "zkml4j compiled model");
    root.put("formatVersion", FORMAT_VERSION);
    ObjectNode provenance = root.putObject("provenance");
    provenance.put("zkml4j", version());
    provenance.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    ObjectNode onnx = root.putObject("model");
    onnx.put("file", ONNX);
    onnx.put("source", src.fileName());
    onnx.put("sha256", sha256Hex(src.onnx()));
    ObjectNode cal = root.putObject("calibration");
    cal.put("file", CALIBRATION);
    cal.put("source", src.calibrationSource());
    cal.put("samples", src.calibration().size());
    cal.put("sha256", sha256Hex(samples));
    QuantizationOptions q = src.quantization();
    ObjectNode quant = root.putObject("quantization");
    quant.put("optimize", q.optimize().name());
    quant.put("inputBits", q.inputBits());
    quant.put("weightBits", q.weightBits());
    quant.put("activationBits", q.activationBits());
    quant.put("maxFractionalBits", q.maxFractionalBits());
    quant.put("headroom", q.headroom());
    quant.put("inputHeadroom", q.inputHeadroom());
    root.putObject("compile").put("maxLinearTerms", src.compileOptions().maxLinearTerms());
    ObjectNode vis = root.putObject("visibility");
    vis.put("input", src.visibility().input().name());
    vis.put("weights", src.visibility().weights().name());
    vis.put("output", src.visibility().output().name());
    R1cs r1cs = compiled.circuit().r1cs();
    ObjectNode c = root.putObject("circuit");
    c.put("file", CIRCUIT);
    c.put("sha256", circuitHash);
    c.put("constraints", r1cs.numConstraints());
    c.put("wires", r1cs.numWires());
    c.put("publicSignals", r1cs.numPublic());
    c.put("ptauPower", model.ptauPower());
    tensors(root.putArray("inputs"), compiled.graph().inputs());
    tensors(root.putArray("outputs"), compiled.graph().outputs());
    ArrayNode names = root.putArray("publicSignals");
    compiled.publicSignalNames().forEach(names::add);
    Files.writeString(dir.resolve(MANIFEST), MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  private static void tensors(ArrayNode out, List<QuantizedTensor> tensors) {
    for (QuantizedTensor t : tensors) {
      ObjectNode n = out.addObject();
      n.put("name", t.name());
      ArrayNode shape = n.putArray("shape");
      for (int d : t.shape().toArray()) {
        shape.add(d);
      }
      n.put("scale", t.scale());
      n.put("min", t.lower());
      n.put("max", t.upper());
    }
  }

  static ZkModel open(Path dir) throws IOException, FormatException {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new FormatException(dir, "is not a compiled model directory (no " + MANIFEST + "); make one with"
          + " zkml4j compile <model.onnx> -o " + dir);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new FormatException(manifest, "is not valid JSON: " + e.getOriginalMessage(), e);
    }
    Manifest m = new Manifest(manifest, root);
    int version = m.integer(root, "formatVersion");
    if (version != FORMAT_VERSION) {
      throw new FormatException(manifest, "has format version " + version + "; this zkml4j reads version "
          + FORMAT_VERSION + (version > FORMAT_VERSION ? " (it was written by a newer zkml4j)" : ""));
    }
    JsonNode model = m.object(root, "model");
    Path onnxFile = dir.resolve(m.text(model, "file"));
    byte[] onnx = Files.readAllBytes(onnxFile);
    m.checkHash(onnxFile, onnx, m.text(model, "sha256"));
    Graph graph;
    try {
      graph = OnnxImporter.read(onnx, m.text(model, "source"));
    } catch (OnnxException e) {
      throw new FormatException(onnxFile, e.getMessage(), e);
    }
    JsonNode cal = m.object(root, "calibration");
    Path calFile = dir.resolve(m.text(cal, "file"));
    byte[] samples = Files.readAllBytes(calFile);
    m.checkHash(calFile, samples, m.text(cal, "sha256"));
    List<ModelInput> calibration = decodeSamples(calFile, samples, m.integer(cal, "samples"),
        ModelSource.inputSpecs(graph));
    JsonNode q = m.object(root, "quantization");
    JsonNode v = m.object(root, "visibility");
    ModelSource source;
    try {
      source = new ModelSource(onnx, m.text(model, "source"), calibration, m.text(cal, "source"),
          new QuantizationOptions(QuantizationOptions.Optimize.valueOf(m.text(q, "optimize")), m.integer(q, "inputBits"),
              m.integer(q, "weightBits"), m.integer(q, "activationBits"), m.integer(q, "maxFractionalBits"),
              m.number(q, "headroom"), m.number(q, "inputHeadroom")),
          new Visibility(Visibility.Exposure.valueOf(m.text(v, "input")), Visibility.Weights.valueOf(m.text(v, "weights")),
              Visibility.Exposure.valueOf(m.text(v, "output"))),
          new CompileOptions(m.integer(m.object(root, "compile"), "maxLinearTerms")));
    } catch (IllegalArgumentException e) {
      throw new FormatException(manifest, "holds an invalid setting: " + e.getMessage(), e);
    }
    CompiledModel compiled;
    try {
      compiled = source.compile(graph);
    } catch (QuantizationException e) {
      throw new FormatException(onnxFile, "no longer quantizes: " + e.getMessage(), e);
    }
    Path circuitFile = dir.resolve(m.text(m.object(root, "circuit"), "file"));
    R1cs saved = R1csFile.read(circuitFile);
    if (!saved.equals(compiled.circuit().r1cs())) {
      throw new FormatException(circuitFile, "is not the circuit this zkml4j compiles from " + ONNX + " and the"
          + " settings in " + MANIFEST + " (it was compiled by zkml4j " + m.text(m.object(root, "provenance"), "zkml4j")
          + ", or a file changed); compile the model again with zkml4j compile, and run setup again");
    }
    return new ZkModel(source, graph, compiled);
  }

  private static byte[] encodeSamples(List<ModelInput> samples) {
    int floats = 0;
    for (ModelInput s : samples) {
      for (float[] a : s.arrays()) {
        floats += a.length;
      }
    }
    ByteBuffer b = ByteBuffer.allocate(4 * floats).order(ByteOrder.LITTLE_ENDIAN);
    for (ModelInput s : samples) {
      for (float[] a : s.arrays()) {
        b.asFloatBuffer().put(a);
        b.position(b.position() + 4 * a.length);
      }
    }
    return b.array();
  }

  private static List<ModelInput> decodeSamples(Path file, byte[] bytes, int count, List<InputSpec> specs)
      throws FormatException {
    int perSample = specs.stream().mapToInt(InputSpec::size).sum();
    if (count < 1 || bytes.length != 4L * perSample * count) {
      throw new FormatException(file, "has " + bytes.length + " bytes; " + count + " samples of " + perSample
          + " float32 values take " + 4L * perSample * count);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<ModelInput> out = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      List<float[]> sample = new ArrayList<>();
      for (InputSpec spec : specs) {
        float[] a = new float[spec.size()];
        b.asFloatBuffer().get(a);
        b.position(b.position() + 4 * a.length);
        sample.add(a);
      }
      out.add(ModelInput.of(sample));
    }
    return out;
  }

  /** The SHA-256 of the circuit in circom's .r1cs format, in hex: what keys are cached under. */
  static String sha256Hex(R1cs r1cs) throws IOException {
    Path tmp = Files.createTempFile("zkml4j-", ".r1cs");
    try {
      R1csFile.write(r1cs, tmp);
      return sha256Hex(Files.readAllBytes(tmp));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  static String version() {
    String v = ModelDirectory.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /** Typed access to the manifest's fields, failing with the file and field named. */
  private record Manifest(Path file, JsonNode root) {
    JsonNode object(JsonNode parent, String field) throws FormatException {
      JsonNode n = parent.get(field);
      if (n == null || !n.isObject()) {
        throw new FormatException(file, "lacks the object \"" + field + "\"");
      }
      return n;
    }

    String text(JsonNode parent, String field) throws FormatException {
      JsonNode n = parent.get(field);
      if (n == null || !n.isTextual()) {
        throw new FormatException(file, "lacks the text field \"" + field + "\"");
      }
      return n.asText();
    }

    int integer(JsonNode parent, String field) throws FormatException {
      JsonNode n = parent.get(field);
      if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
        throw new FormatException(file, "lacks the whole number \"" + field + "\"");
      }
      return n.asInt();
    }

    double number(JsonNode parent, String field) throws FormatException {
      JsonNode n = parent.get(field);
      if (n == null || !n.isNumber()) {
        throw new FormatException(file, "lacks the number \"" + field + "\"");
      }
      return n.asDouble();
    }

    void checkHash(Path data, byte[] bytes, String expected) throws FormatException {
      if (!sha256Hex(bytes).equals(expected)) {
        throw new FormatException(data, "changed since the model was compiled (its SHA-256 is not the one in "
            + MANIFEST + "); compile the model again");
      }
    }
  }
}
