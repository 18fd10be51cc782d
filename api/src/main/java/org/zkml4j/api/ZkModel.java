package org.zkml4j.api;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.groth16.ceremony.Phase2;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.ProverOutput;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.VerificationResult;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.model.compile.CompiledModel;
import org.zkml4j.model.compile.ModelInspector;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.onnx.OnnxException;
import org.zkml4j.model.quant.FidelityReport;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * A model compiled to a zero-knowledge circuit, and everything done with it: set up keys, prove an
 * inference, verify a proof, save and reopen.
 *
 * <pre>{@code
 * ZkModel model = ZkModel.load(Path.of("models/mnist/lenet.onnx"))
 *     .calibrate(Path.of("models/mnist/calibration.json"))
 *     .compile(Visibility.defaults());          // image private, weights fixed, output public
 * Keys keys = model.setup(SetupOptions.local());  // cached: later runs take seconds
 * ProofBundle proof = model.prove(keys, model.readInput(Path.of("models/mnist/digit-7.png")));
 * boolean ok = model.verify(keys.verifyingKey(), proof);
 * }</pre>
 *
 * <p>Proofs are Groth16 over BN254, interchangeable with snarkjs: {@link ProofBundle#save} writes
 * snarkjs's {@code proof.json} and {@code public.json}, and {@link Keys#save} its
 * {@code verification_key.json}, so {@code snarkjs groth16 verify} and the Solidity verifier
 * accept them. What the proof reveals is the {@link Visibility}: public signals are the outputs
 * (or their Poseidon digests), then digests of hashed inputs and weights, then public inputs.
 *
 * <p>Immutable and thread-safe. Compiling is deterministic: {@link #open} checks that a saved
 * model's circuit is the one its ONNX file, calibration samples and settings compile to, and
 * compiles it again when a proof needs the witness generator.
 */
public final class ZkModel {
  /** What a model is made from and what compiling it gives. */
  record Parts(ModelSource source, Graph graph, CompiledModel compiled) {}

  private final String name;
  private final Visibility visibility;
  private final List<InputSpec> inputs;
  private final int numPublic;
  private final Deferred<Parts> parts;
  private final Deferred<R1cs> r1cs;
  private final Deferred<String> circuitHash;

  ZkModel(ModelSource source, Graph graph, CompiledModel compiled) {
    this(new Parts(source, graph, compiled), null);
  }

  /** A model compiled here; {@code circuitHash} is the SHA-256 of its .r1cs file if known, else null. */
  ZkModel(Parts parts, String circuitHash) {
    this(parts.source().fileName(), parts.compiled().visibility(), inputsOf(parts.compiled()),
        parts.compiled().circuit().r1cs().numPublic(), Deferred.of(parts), Deferred.of(parts.compiled().circuit().r1cs()),
        circuitHash);
  }

  /**
   * A model opened from its directory, whose compilation and circuit are worked out when first
   * needed ({@link ModelDirectory#open} has checked that they are the saved ones).
   */
  ZkModel(String name, Visibility visibility, List<InputSpec> inputs, int numPublic, Deferred<Parts> parts,
      Deferred<R1cs> r1cs, String circuitHash) {
    this.name = name;
    this.visibility = visibility;
    this.inputs = List.copyOf(inputs);
    this.numPublic = numPublic;
    this.parts = parts;
    this.r1cs = Deferred.of("the circuit of " + name, () -> parts.isDone() ? parts.get().compiled().circuit().r1cs()
        : r1cs.get());
    this.circuitHash = circuitHash != null ? Deferred.of(circuitHash)
        : Deferred.of("hashing the circuit of " + name, () -> ModelDirectory.sha256Hex(this.r1cs.get()));
  }

  /** The inputs as input files see them. */
  static List<InputSpec> inputsOf(CompiledModel compiled) {
    List<InputSpec> specs = new ArrayList<>();
    compiled.graph().inputs().forEach(t -> specs.add(new InputSpec(t.name(), t.shape())));
    return specs;
  }

  /**
   * Imports an ONNX model; calibrate and compile it next.
   *
   * @throws OnnxException naming the node and operator the importer does not accept
   */
  public static ZkModelBuilder load(Path onnxFile) throws IOException, OnnxException {
    return new ZkModelBuilder(Files.readAllBytes(onnxFile), String.valueOf(onnxFile.getFileName()));
  }

  /** Imports a serialized ONNX model; {@code name} names it in messages and in saved files. */
  public static ZkModelBuilder load(byte[] onnx, String name) throws OnnxException {
    return new ZkModelBuilder(onnx.clone(), name);
  }

  /**
   * Opens a model directory written by {@link #save}: checks every file against the SHA-256 the
   * manifest records, and that the saved circuit is the one this zkml4j compiles from the ONNX
   * file, calibration samples and settings recorded there, by recompiling, or by finding that this
   * very build already did so for these very files ({@link #open(Path, Path)}, with
   * {@link SetupOptions#defaultCacheDirectory()}).
   *
   * @throws FormatException naming the file, if the directory is incomplete, was written by a
   *     newer format, or holds a circuit this version compiles differently
   */
  public static ZkModel open(Path directory) throws IOException, FormatException {
    return open(directory, SetupOptions.defaultCacheDirectory());
  }

  /**
   * As {@link #open(Path)}, remembering under {@code cacheDirectory} (in {@code verified/}) which
   * model directories this build of zkml4j has already checked: the check of an unchanged
   * directory then costs reading and hashing its files instead of a recompilation, and the model
   * is compiled again only when something needs the witness generator or the quantized graph
   * ({@link #witness}, {@link #compiled}; not {@link #setup}). A tampered or stale directory is
   * refused either way.
   */
  public static ZkModel open(Path directory, Path cacheDirectory) throws IOException, FormatException {
    return ModelDirectory.open(directory, Optional.of(VerifiedModels.in(cacheDirectory)));
  }

  /**
   * Writes the model into a directory (created if needed): {@value ModelDirectory#MANIFEST} (format
   * version, provenance, settings, the signal layout), the ONNX file, the calibration samples and
   * {@value ModelDirectory#CIRCUIT} (circom's format). Keys a directory holds from an earlier
   * compilation are deleted when the circuit changed, since they no longer fit it. Remembers the
   * directory as checked under {@link SetupOptions#defaultCacheDirectory()} ({@link #save(Path, Path)}).
   */
  public void save(Path directory) throws IOException {
    save(directory, SetupOptions.defaultCacheDirectory());
  }

  /** As {@link #save(Path)}, remembering the directory as checked under {@code cacheDirectory} ({@link #open(Path, Path)}). */
  public void save(Path directory, Path cacheDirectory) throws IOException {
    ModelDirectory.save(this, directory, Optional.of(VerifiedModels.in(cacheDirectory)));
  }

  /**
   * The compiled model: the quantized graph, the circuit and its signals. A model opened from its
   * directory compiles on the first call.
   */
  public CompiledModel compiled() {
    return parts.get().compiled();
  }

  /** The circuit; for a model opened from its directory, read from there without compiling the model. */
  public R1cs r1cs() {
    return r1cs.get();
  }

  public Visibility visibility() {
    return visibility;
  }

  /** The graph inputs' shapes, in order. */
  public List<Shape> inputShapes() {
    return inputs.stream().map(InputSpec::shape).toList();
  }

  /** The float graph the model was imported as. */
  public Graph graph() {
    return parts.get().graph();
  }

  /**
   * How closely the circuit's integer arithmetic follows the float model on some inputs: the
   * largest and mean output errors and how often both pick the same class.
   *
   * @throws IllegalArgumentException if a sample does not fit the inputs or their declared range
   */
  public FidelityReport fidelity(List<ModelInput> samples) {
    List<List<Tensor>> tensors = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      tensors.add(ModelSource.tensors(inputs, samples.get(i), "sample " + i));
    }
    return FidelityReport.measure(graph(), compiled().graph(), tensors);
  }

  /** The calibration samples the scales were chosen from. */
  public List<ModelInput> calibrationSamples() {
    return source().calibration();
  }

  /** The per-layer report: operators, shapes, scales, bit widths, constraints. */
  public String inspect() {
    return ModelInspector.render(compiled());
  }

  /** The power of the powers-of-tau ceremony this circuit needs ({@link Phase2#requiredPtauPower}). */
  public int ptauPower() {
    return Phase2.requiredPtauPower(r1cs());
  }

  /**
   * Reads an input file for this model: JSON ({@code {"input_data": [[...]]}} or a nested array)
   * or an image (PNG and the other formats Java reads; grayscale or RGB by the input shape, resized
   * if needed, pixel / 255).
   *
   * @throws FormatException naming the file and what does not fit, e.g. "the model takes 784
   *     values (1x1x28x28), the file has 780", or saying that it does not exist
   */
  public ModelInput readInput(Path file) throws IOException, FormatException {
    if (!Files.isRegularFile(file)) {
      throw new FormatException(file, Files.isDirectory(file) ? "is a directory, not an input file"
          : "does not exist; give the path of a .json or image input");
    }
    if (isJson(file)) {
      return JsonInputs.read(file, inputs);
    }
    if (inputs.size() != 1) {
      throw new FormatException(file, "an image can only feed a model with one input; this one has " + inputs.size());
    }
    return ImageInputs.read(file, inputs.get(0));
  }

  private static boolean isJson(Path file) throws IOException {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return true;
    }
    if (name.matches(".*\\.(png|jpe?g|bmp|gif|wbmp|tiff?)")) {
      return false;
    }
    try (var in = Files.newInputStream(file)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
      return c == '{' || c == '[';
    }
  }

  /**
   * Runs the model in the circuit's exact integer arithmetic and fills every wire.
   *
   * @throws IllegalArgumentException if the input does not have the model's sizes
   * @throws WitnessException if a value lies outside the range the circuit was compiled for (the
   *     message names the input element and the range)
   */
  public ModelWitness witness(ModelInput input) throws WitnessException {
    CompiledModel compiled = compiled();
    QuantizedGraph graph = compiled.graph();
    List<Tensor> tensors = ModelSource.tensors(inputs, input, "the input");
    List<long[]> q;
    try {
      q = graph.quantize(tensors);
    } catch (IllegalArgumentException e) {
      throw new WitnessException(WitnessException.Reason.INPUT, e.getMessage(), e);
    }
    Witness witness = compiled.witness(q);
    List<BigInteger[]> out = graph.evaluateExact(q);
    List<float[]> outputs = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      outputs.add(graph.dequantize(i, out.get(i)).toFloatArray());
    }
    return new ModelWitness(witness, outputs);
  }

  /**
   * Computes the witness and proves it: {@code prove(keys, witness(input))}.
   *
   * @throws WitnessException as {@link #witness}
   */
  public ProofBundle prove(Keys keys, ModelInput input) throws WitnessException {
    return prove(keys, witness(input), Parallelism.shared());
  }

  /**
   * Proves a witness of this model, with fresh randomness, on the given executor.
   *
   * @throws IllegalArgumentException if the keys were made for another circuit
   */
  public ProofBundle prove(Keys keys, ModelWitness witness, Parallelism parallelism) {
    ProvingKey pk = keys.provingKey();
    R1cs r1cs = r1cs();
    if (pk.nVars() != r1cs.numWires() || pk.nPublic() != r1cs.numPublic()) {
      throw new IllegalArgumentException("the proving key is for a circuit of " + pk.nVars() + " wires and "
          + pk.nPublic() + " public signals, but this model's circuit has " + r1cs.numWires() + " and "
          + r1cs.numPublic() + ": run the setup for this model");
    }
    ProverOutput out = Groth16.prove(pk, witness.witness().toArray(), new SecureRandom(), parallelism);
    return new ProofBundle(witness.outputs(), out.proof(), out.publicSignals());
  }

  /** True if the proof is valid for this model and its outputs are the proven ones. */
  public boolean verify(VerifyingKey vk, ProofBundle proof) {
    return check(vk, proof, Parallelism.shared()).valid();
  }

  /**
   * Verifies a proof and says why it is rejected: the number of public signals, the Groth16
   * pairing check against the key, and, for public outputs, that the bundle's outputs are the
   * ones its public signals prove.
   */
  public Verdict check(VerifyingKey vk, ProofBundle proof, Parallelism parallelism) {
    int expected = numPublic;
    if (proof.publicSignals().size() != expected) {
      return Verdict.invalid("the proof has " + proof.publicSignals().size() + " public signals; this model's"
          + " circuit has " + expected);
    }
    if (vk.nPublic() != expected) {
      return Verdict.invalid("the verifying key is for a circuit of " + vk.nPublic() + " public signals; this"
          + " model's has " + expected);
    }
    VerificationResult r = Groth16.verify(vk, proof.publicSignals(), proof.proof(), parallelism);
    if (!r.isValid()) {
      return Verdict.invalid(r.message());
    }
    if (visibility().output() == Visibility.Exposure.PUBLIC) {
      List<float[]> proven = provenOutputs(proof.publicSignals());
      List<float[]> claimed = proof.outputs();
      if (claimed.size() != proven.size()) {
        return Verdict.invalid("the bundle has " + claimed.size() + " outputs; the model has " + proven.size());
      }
      for (int o = 0; o < proven.size(); o++) {
        float[] p = proven.get(o), c = claimed.get(o);
        if (!Arrays.equals(p, c)) {
          int at = mismatch(p, c);
          return Verdict.invalid("output " + o + (at < 0 ? " has " + c.length + " values, the proof " + p.length
              : " value " + at + " is " + c[at] + " in the bundle but " + p[at] + " in the proof"));
        }
      }
    }
    return Verdict.VALID;
  }

  private static int mismatch(float[] a, float[] b) {
    return a.length != b.length ? -1 : Arrays.mismatch(a, b);
  }

  /**
   * The model's outputs as real numbers, read from a proof's public signals.
   *
   * @throws IllegalStateException unless the outputs are {@link Visibility.Exposure#PUBLIC}
   * @throws IllegalArgumentException if the signals are not this circuit's
   */
  public List<float[]> provenOutputs(List<BigInteger> publicSignals) {
    if (visibility().output() != Visibility.Exposure.PUBLIC) {
      throw new IllegalStateException("the outputs are " + visibility().output() + ", not public signals");
    }
    if (publicSignals.size() != numPublic) {
      throw new IllegalArgumentException(publicSignals.size() + " public signals; the circuit has " + numPublic);
    }
    CompiledModel compiled = compiled();
    QuantizedGraph graph = compiled.graph();
    BigInteger half = Bn254.R_MODULUS.shiftRight(1);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < graph.outputs().size(); i++) {
      QuantizedTensor t = graph.outputs().get(i);
      int first = compiled.circuit().signal(t.name()).firstWire() - 1;
      BigInteger[] v = new BigInteger[t.shape().size()];
      for (int j = 0; j < v.length; j++) {
        BigInteger s = publicSignals.get(first + j);
        BigInteger signed = s.compareTo(half) > 0 ? s.subtract(Bn254.R_MODULUS) : s;
        if (signed.compareTo(t.lower()) < 0 || signed.compareTo(t.upper()) > 0) {
          throw new IllegalArgumentException("public signal " + (first + j) + " is not an output value of this model");
        }
        v[j] = signed;
      }
      Tensor real = graph.dequantize(i, v);
      out.add(real.toFloatArray());
    }
    return out;
  }

  /**
   * Sets up proving and verifying keys: a Groth16 setup on a powers-of-tau ceremony, made here or
   * read from a file ({@link SetupOptions}), with one random phase-2 contribution.
   */
  public Keys setup(SetupOptions options) throws IOException, FormatException {
    return LocalSetup.run(this, options);
  }

  /** What this model was compiled from. */
  ModelSource source() {
    return parts.get().source();
  }

  /** The SHA-256 of the circuit in circom's .r1cs format, in hex. */
  String circuitHash() {
    return circuitHash.get();
  }

  /** Whether the model has been compiled yet: a model opened from a checked directory compiles on first use. */
  boolean isCompiled() {
    return parts.isDone();
  }

  /** The graph inputs. */
  List<InputSpec> inputs() {
    return inputs;
  }

  @Override
  public String toString() {
    return "ZkModel(" + name + ", " + visibility + (r1cs.isDone() ? ", " + r1cs.get() : "") + ")";
  }
}
