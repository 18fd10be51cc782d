package org.zkml4j.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.onnx.OnnxException;
import org.zkml4j.model.onnx.OnnxImporter;
import org.zkml4j.model.quant.QuantizationException;
import org.zkml4j.model.quant.QuantizationOptions;

/**
 * An imported model waiting to be compiled: made by {@link ZkModel#load}, given calibration
 * samples and quantization settings, then {@link #compile}d for a {@link Visibility}.
 *
 * <pre>{@code
 * ZkModel model = ZkModel.load(Path.of("models/mnist/lenet.onnx"))
 *     .calibrate(Path.of("models/mnist/calibration.json"))
 *     .compile(Visibility.defaults());
 * }</pre>
 *
 * Not thread-safe (a builder); the {@link ZkModel} it makes is immutable.
 */
public final class ZkModelBuilder {
  private final byte[] onnx;
  private final String fileName;
  private final Graph graph;
  private List<ModelInput> samples;
  private String samplesSource;
  private QuantizationOptions quantization = QuantizationOptions.accuracy();

  ZkModelBuilder(byte[] onnx, String fileName) throws OnnxException {
    this.onnx = onnx;
    this.fileName = fileName;
    this.graph = OnnxImporter.read(onnx, fileName);
  }

  /** The imported float graph (its {@code toString()} is a per-node summary table). */
  public Graph graph() {
    return graph;
  }

  /**
   * Sets the sample inputs whose value ranges choose the fixed-point scales: a few dozen typical
   * inputs (for MNIST, ten digits of each class) are enough. Replaces earlier samples.
   *
   * @throws IllegalArgumentException if there is no sample, or one does not fit the model's inputs
   */
  public ZkModelBuilder calibrate(List<ModelInput> samples) {
    return calibrate(samples, "(" + samples.size() + " samples given through the API)");
  }

  /**
   * Reads the calibration samples from a JSON file: {@code {"images": [[pixels 0-255], ...]}} (as
   * in {@code models/mnist/calibration.json}, read as pixel / 255), ezkl's
   * {@code {"input_data": [[sample 1, sample 2, ...]]}}, or a (nested) array of samples.
   *
   * @throws FormatException naming the file, if it is malformed or its sizes do not fit the model
   */
  public ZkModelBuilder calibrate(Path dataFile) throws IOException, FormatException {
    List<ModelInput> read = JsonInputs.readSamples(dataFile, ModelSource.inputSpecs(graph));
    return calibrate(read, String.valueOf(dataFile.getFileName()));
  }

  private ZkModelBuilder calibrate(List<ModelInput> samples, String source) {
    List<InputSpec> specs = ModelSource.inputSpecs(graph);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one sample input");
    }
    for (int i = 0; i < samples.size(); i++) {
      ModelSource.tensors(specs, samples.get(i), "calibration sample " + i);
    }
    this.samples = List.copyOf(samples);
    this.samplesSource = source;
    return this;
  }

  /** The quantization settings; {@link QuantizationOptions#accuracy()} unless set. */
  public ZkModelBuilder quantization(QuantizationOptions options) {
    this.quantization = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * Quantizes the model on the calibration samples and compiles it to a circuit.
   *
   * @param visibility what the proofs reveal: input, weights, output
   * @throws IllegalStateException if no calibration samples were given
   * @throws QuantizationException naming the node, for an operator or a bound the circuit cannot
   *     take
   */
  public ZkModel compile(Visibility visibility) throws QuantizationException {
    if (samples == null) {
      throw new IllegalStateException("the model needs calibration samples before it compiles: call calibrate(...)"
          + " with a few typical inputs");
    }
    ModelSource source = new ModelSource(onnx, fileName, samples, samplesSource, quantization,
        Objects.requireNonNull(visibility, "visibility"), CompileOptions.defaults());
    return new ZkModel(source, graph, source.compile(graph));
  }
}
