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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.groth16.PhaseTimer;
import org.zkml4j.model.compile.CompiledModel;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Shape;
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
 * the witness generator, and the SHA-256 of each file. {@link #open} checks every file against its
 * hash and then that the circuit is the one this zkml4j compiles from the others: by recompiling
 * (so proofs made from a reopened model always fit the keys made for the saved one), or, when this
 * very build already did that for these very bytes, by finding its record ({@link VerifiedModels}),
 * which lets {@code setup} skip compiling altogether and {@code prove} skip reading the circuit.
 */
final class ModelDirectory {
  static final String MANIFEST = "model.json";
  static final String ONNX = "model.onnx";
  static final String CALIBRATION = "calibration.bin";
  static final String CIRCUIT = "circuit.r1cs";
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelDirectory() {}

  /**
   * Writes the directory, and records it in {@code verified} when the files read back (as
   * {@link #open} reads them) to exactly the inputs the model was compiled from, so that the next
   * open need not recompile to check them.
   */
  static void save(ZkModel model, Path dir, Optional<VerifiedModels> verified) throws IOException {
    Files.createDirectories(dir);
    ModelSource src = model.source();
    CompiledModel compiled = model.compiled();
    Path circuit = dir.resolve(CIRCUIT);
    String oldCircuit = Files.isRegularFile(circuit) ? sha256Hex(Files.readAllBytes(circuit)) : null;
    byte[] r1csBytes = r1csBytes(compiled.circuit().r1cs());
    Files.write(circuit, r1csBytes);
    String circuitHash = sha256Hex(r1csBytes);
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
    byte[] manifest = (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve(MANIFEST), manifest);
    Optional<String> digest = VerifiedModels.digest(List.of(sha256Hex(manifest), sha256Hex(src.onnx()),
        sha256Hex(samples), circuitHash));
    if (verified.isPresent() && digest.isPresent() && readsBackAs(src, model.graph(), dir, manifest, samples)) {
      verified.get().add(digest.get(), dir);
    }
  }

  /** Whether a manifest and samples, read as {@link #open} reads them, give exactly {@code src}'s compile inputs. */
  private static boolean readsBackAs(ModelSource src, Graph graph, Path dir, byte[] manifest, byte[] samples) {
    try {
      Manifest m = new Manifest(dir.resolve(MANIFEST), MAPPER.readTree(manifest));
      Settings read = m.settings(m.root());
      Settings written = new Settings(src.fileName(), src.calibrationSource(), src.quantization(), src.visibility(),
          src.compileOptions());
      List<ModelInput> decoded = decodeSamples(dir.resolve(CALIBRATION), samples,
          m.integer(m.object(m.root(), "calibration"), "samples"), ModelSource.inputSpecs(graph));
      return read.equals(written) && sameBits(decoded, src.calibration());
    } catch (IOException | FormatException e) {
      return false;
    }
  }

  private static boolean sameBits(List<ModelInput> a, List<ModelInput> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int s = 0; s < a.size(); s++) {
      List<float[]> x = a.get(s).arrays(), y = b.get(s).arrays();
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (x.get(i).length != y.get(i).length) {
          return false;
        }
        for (int j = 0; j < x.get(i).length; j++) {
          if (Float.floatToRawIntBits(x.get(i)[j]) != Float.floatToRawIntBits(y.get(i)[j])) {
            return false;
          }
        }
      }
    }
    return true;
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

  /**
   * Opens a model directory, checking that its files fit together: each file's SHA-256 against the
   * manifest, then either an entry of {@code verified} for exactly these bytes and this compiler
   * ({@link VerifiedModels} says why that suffices), or a recompilation whose circuit must equal
   * {@code circuit.r1cs} byte for byte (recorded in {@code verified} when it does). With an entry,
   * the model is compiled again only when something needs the witness generator or the quantized
   * graph ({@link ZkModel#compiled}); {@code setup} needs neither.
   */
  static ZkModel open(Path dir, Optional<VerifiedModels> verified) throws IOException, FormatException {
    PhaseTimer timer = PhaseTimer.start("open model");
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new FormatException(dir, "is not a compiled model directory (" + (Files.isDirectory(dir) ? "no " + MANIFEST
          : "it does not exist") + "); make one with zkml4j compile <model.onnx> -o " + dir);
    }
    byte[] manifestBytes = Files.readAllBytes(manifest);
    JsonNode root;
    try {
      root = MAPPER.readTree(manifestBytes);
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
    byte[] onnx = m.readChecked(onnxFile, model);
    JsonNode cal = m.object(root, "calibration");
    Path calFile = dir.resolve(m.text(cal, "file"));
    byte[] samples = m.readChecked(calFile, cal);
    int count = m.integer(cal, "samples");
    JsonNode circuit = m.object(root, "circuit");
    Path circuitFile = dir.resolve(m.text(circuit, "file"));
    byte[] r1cs = m.readChecked(circuitFile, circuit);
    Settings settings = m.settings(root);
    timer.lap("read and hash the files");

    Optional<String> digest = VerifiedModels.digest(List.of(sha256Hex(manifestBytes), m.text(model, "sha256"),
        m.text(cal, "sha256"), m.text(circuit, "sha256")));
    if (digest.isPresent() && verified.isPresent() && verified.get().contains(digest.get())) {
      String name = m.text(model, "source");
      Deferred<ZkModel.Parts> parts = Deferred.of("compiling " + onnxFile,
          () -> compile(onnxFile, onnx, calFile, samples, count, settings));
      Deferred<R1cs> parsed = Deferred.of("reading " + circuitFile, () -> parseR1cs(circuitFile, r1cs));
      ZkModel opened = new ZkModel(name, settings.visibility(), m.inputs(root), m.integer(circuit, "publicSignals"),
          parts, parsed, m.text(circuit, "sha256"));
      timer.lap("checked before by this build");
      return opened;
    }
    ZkModel.Parts parts = compile(onnxFile, onnx, calFile, samples, count, settings);
    timer.lap("recompile");
    if (!Arrays.equals(r1csBytes(parts.compiled().circuit().r1cs()), r1cs)) {
      throw new FormatException(circuitFile, "is not the circuit this zkml4j compiles from " + ONNX + " and the"
          + " settings in " + MANIFEST + " (it was compiled by zkml4j " + m.text(m.object(root, "provenance"), "zkml4j")
          + ", or a file changed); compile the model again with zkml4j compile, and run setup again");
    }
    if (!m.inputs(root).equals(ZkModel.inputsOf(parts.compiled()))
        || m.integer(circuit, "publicSignals") != parts.compiled().circuit().r1cs().numPublic()) {
      // what a later open takes from the manifest instead of compiling must be checked before it is trusted
      throw new FormatException(manifest, "does not describe the circuit its files compile to (the inputs or the"
          + " number of public signals differ); compile the model again with zkml4j compile");
    }
    timer.lap("compare with " + CIRCUIT);
    if (digest.isPresent() && verified.isPresent()) {
      verified.get().add(digest.get(), dir);
    }
    return new ZkModel(parts, m.text(circuit, "sha256"));
  }

  /** Imports, calibrates and compiles what a directory's files hold. */
  private static ZkModel.Parts compile(Path onnxFile, byte[] onnx, Path calFile, byte[] samples, int count,
      Settings settings) throws FormatException {
    Graph graph;
    try {
      graph = OnnxImporter.read(onnx, settings.name());
    } catch (OnnxException e) {
      throw new FormatException(onnxFile, e.getMessage(), e);
    }
    List<ModelInput> calibration = decodeSamples(calFile, samples, count, ModelSource.inputSpecs(graph));
    ModelSource source = settings.source(onnx, calibration);
    try {
      return new ZkModel.Parts(source, graph, source.compile(graph));
    } catch (QuantizationException e) {
      throw new FormatException(onnxFile, "no longer quantizes: " + e.getMessage(), e);
    }
  }

  /** The settings of a manifest: everything besides the ONNX bytes and the samples that compiling takes. */
  private record Settings(String name, String calibrationSource, QuantizationOptions quantization,
      Visibility visibility, CompileOptions compileOptions) {
    ModelSource source(byte[] onnx, List<ModelInput> calibration) {
      return new ModelSource(onnx, name, calibration, calibrationSource, quantization, visibility, compileOptions);
    }
  }

  /** Parses a circuit from bytes already read and checked, so that it is exactly those bytes. */
  private static R1cs parseR1cs(Path file, byte[] bytes) throws IOException, FormatException {
    Path tmp = Files.createTempFile("zkml4j-", ".r1cs");
    try {
      Files.write(tmp, bytes);
      return R1csFile.read(tmp);
    } catch (FormatException e) {
      throw new FormatException(file, e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A circuit in circom's .r1cs format, as {@link R1csFile#write} writes it. */
  static byte[] r1csBytes(R1cs r1cs) throws IOException {
    Path tmp = Files.createTempFile("zkml4j-", ".r1cs");
    try {
      R1csFile.write(r1cs, tmp);
      return Files.readAllBytes(tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
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
    return sha256Hex(r1csBytes(r1cs));
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** A length as 8 bytes, big-endian: what separates the parts of a digest. */
  static byte[] lengthPrefix(long length) {
    return ByteBuffer.allocate(8).putLong(length).array();
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

    /** A file the manifest lists, read whole and checked against the SHA-256 recorded in {@code entry}. */
    byte[] readChecked(Path data, JsonNode entry) throws IOException, FormatException {
      String expected = text(entry, "sha256");
      if (!Files.isRegularFile(data)) {
        throw new FormatException(data, "is missing from the model directory; compile the model again with zkml4j"
            + " compile");
      }
      byte[] bytes = Files.readAllBytes(data);
      if (!sha256Hex(bytes).equals(expected)) {
        throw new FormatException(data, "changed since the model was compiled (its SHA-256 is not the one in "
            + MANIFEST + "); compile the model again with zkml4j compile");
      }
      return bytes;
    }

    Settings settings(JsonNode root) throws FormatException {
      JsonNode q = object(root, "quantization");
      JsonNode v = object(root, "visibility");
      try {
        return new Settings(text(object(root, "model"), "source"), text(object(root, "calibration"), "source"),
            new QuantizationOptions(QuantizationOptions.Optimize.valueOf(text(q, "optimize")), integer(q, "inputBits"),
                integer(q, "weightBits"), integer(q, "activationBits"), integer(q, "maxFractionalBits"),
                number(q, "headroom"), number(q, "inputHeadroom")),
            new Visibility(Visibility.Exposure.valueOf(text(v, "input")), Visibility.Weights.valueOf(text(v, "weights")),
                Visibility.Exposure.valueOf(text(v, "output"))),
            new CompileOptions(integer(object(root, "compile"), "maxLinearTerms")));
      } catch (IllegalArgumentException e) {
        throw new FormatException(file, "holds an invalid setting: " + e.getMessage(), e);
      }
    }

    /** The graph inputs' names and shapes, as {@link #save} recorded them. */
    List<InputSpec> inputs(JsonNode root) throws FormatException {
      JsonNode list = root.get("inputs");
      if (list == null || !list.isArray() || list.isEmpty()) {
        throw new FormatException(file, "lacks the array \"inputs\"");
      }
      List<InputSpec> out = new ArrayList<>();
      for (JsonNode n : list) {
        JsonNode shape = n.get("shape");
        if (shape == null || !shape.isArray()) {
          throw new FormatException(file, "lacks the array \"shape\" of an input");
        }
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) {
          dims[i] = shape.get(i).asInt();
        }
        out.add(new InputSpec(text(n, "name"), Shape.of(dims)));
      }
      return out;
    }
  }
}
