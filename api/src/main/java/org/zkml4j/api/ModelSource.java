package org.zkml4j.api;

import java.util.ArrayList;
import java.util.List;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.model.compile.CompiledModel;
import org.zkml4j.model.compile.ModelCompiler;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.ValueInfo;
import org.zkml4j.model.onnx.OnnxException;
import org.zkml4j.model.onnx.OnnxImporter;
import org.zkml4j.model.quant.QuantizationException;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.Quantizer;

/**
 * Everything a compiled model is made from, and nothing else: the ONNX bytes, the calibration
 * samples and the settings. Import, calibration, quantization and compilation are deterministic,
 * so {@link #compile} gives the same circuit every time, which is how a saved model directory
 * rebuilds its witness generator ({@link ModelDirectory}).
 *
 * @param onnx the serialized ONNX model (not copied; never changed)
 * @param fileName the model's file name, for messages and provenance
 * @param calibration the calibration samples, at least one
 * @param calibrationSource where the samples came from, for provenance
 */
record ModelSource(byte[] onnx, String fileName, List<ModelInput> calibration, String calibrationSource,
    QuantizationOptions quantization, Visibility visibility, CompileOptions compileOptions) {

  ModelSource {
    calibration = List.copyOf(calibration);
    if (calibration.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one sample input");
    }
  }

  /** The graph's inputs as input files see them. */
  static List<InputSpec> inputSpecs(Graph graph) {
    List<InputSpec> specs = new ArrayList<>();
    for (ValueInfo in : graph.inputs()) {
      specs.add(new InputSpec(in.name(), in.shape()));
    }
    return specs;
  }

  /** Imports, calibrates, quantizes and compiles. */
  CompiledModel compile() throws OnnxException, QuantizationException {
    return compile(OnnxImporter.read(onnx, fileName));
  }

  /** Calibrates, quantizes and compiles the graph imported from {@link #onnx}. */
  CompiledModel compile(Graph graph) throws QuantizationException {
    List<InputSpec> specs = inputSpecs(graph);
    List<List<Tensor>> samples = new ArrayList<>();
    for (int s = 0; s < calibration.size(); s++) {
      samples.add(tensors(specs, calibration.get(s), "calibration sample " + s));
    }
    return ModelCompiler.compile(Quantizer.quantize(graph, samples, quantization), visibility, compileOptions);
  }

  /**
   * An input as the graph's float tensors.
   *
   * @throws IllegalArgumentException saying which input has the wrong number of values
   */
  static List<Tensor> tensors(List<InputSpec> specs, ModelInput input, String what) {
    if (input.count() != specs.size()) {
      throw new IllegalArgumentException(what + " holds " + input.count() + " tensors; the model takes "
          + specs.size() + " inputs");
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      InputSpec spec = specs.get(i);
      float[] v = input.arrays().get(i);
      if (v.length != spec.size()) {
        String who = specs.size() == 1 ? "the model" : "input '" + spec.name() + "'";
        throw new IllegalArgumentException(what + ": " + who + " takes " + spec.describe() + ", got " + v.length);
      }
      out.add(Tensor.ofFloats(spec.shape(), v));
    }
    return out;
  }
}
