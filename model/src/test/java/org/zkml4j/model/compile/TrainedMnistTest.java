package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.Witness;
import org.zkml4j.model.compile.Visibility.Exposure;
import org.zkml4j.model.compile.Visibility.Weights;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.onnx.OnnxImporter;
import org.zkml4j.model.quant.FidelityReport;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.Quantizer;

/**
 * The trained circomlib-ml-architecture MNIST model of {@code models/mnist}: calibrated on its 100
 * calibration digits, the quantized model agrees with the float one on the 1,000 held-out digits
 * and keeps its accuracy, and its circuits stay below the same ceilings as the random-weight
 * architecture. Skipped where the model files are not in the checkout.
 */
class TrainedMnistTest {
  @Test
  void quantizedModel_keepsTheFloatModelsAnswers_andCompilesSmall() throws Exception {
    Path dir = modelsFolder();
    Graph graph = OnnxImporter.read(dir.resolve("circomlib-ml-arch.onnx"));
    Digits calibration = Digits.read(dir.resolve("calibration.json"));
    Digits test = Digits.read(dir.resolve("test-subset.json"));
    for (QuantizationOptions options : List.of(QuantizationOptions.accuracy(), QuantizationOptions.size())) {
      QuantizedGraph q = Quantizer.quantize(graph, calibration.inputs(), options);
      FidelityReport fidelity = FidelityReport.measure(graph, q, test.inputs());
      int correct = 0;
      int label = graph.outputs().size() - 1;
      for (int i = 0; i < test.labels.size(); i++) {
        correct += q.evaluate(q.quantize(test.inputs().get(i))).get(label)[0] == test.labels.get(i) ? 1 : 0;
      }
      CompiledModel fixed = ModelCompiler.compile(q, Visibility.defaults());
      CompiledModel secret = ModelCompiler.compile(q, new Visibility(Exposure.PRIVATE, Weights.PRIVATE, Exposure.PUBLIC));
      System.out.printf("circomlib-ml-arch %s: accuracy %d/%d; constraints fixed %,d, private %,d%n%s",
          options.optimize(), correct, test.labels.size(), fixed.circuit().r1cs().numConstraints(),
          secret.circuit().r1cs().numConstraints(), fidelity.format());
      double agreement = fidelity.outputs().get(label).argmaxAgreement();
      assertTrue(agreement >= (options.optimize() == QuantizationOptions.Optimize.ACCURACY ? 0.99 : 0.97),
          fidelity.format());
      assertTrue(correct >= 960, correct + " of 1000 (float: 984)");
      assertTrue(fixed.circuit().r1cs().numConstraints() <= 90_000);
      assertTrue(secret.circuit().r1cs().numConstraints() <= 180_000);
      Witness w = fixed.witness(test.inputs().get(0).get(0));
      assertArrayEquals(q.evaluate(q.quantize(test.inputs().get(0))).get(label), fixed.outputValues(w, label));
    }
  }

  static Path modelsFolder() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("models/mnist");
      if (Files.isRegularFile(candidate.resolve("circomlib-ml-arch.onnx"))) {
        return candidate;
      }
    }
    return Assumptions.abort("skipped: no models/mnist/circomlib-ml-arch.onnx in this checkout");
  }

  /** The digits of a models/mnist JSON file: pixel bytes (input = pixel / 255) and labels. */
  record Digits(List<int[]> images, List<Integer> labels) {
    static Digits read(Path file) throws IOException {
      String json = Files.readString(file);
      List<int[]> images = new ArrayList<>();
      int at = json.indexOf('[', json.indexOf("\"images\"")) + 1;
      while (true) {
        int open = json.indexOf('[', at);
        int close = json.indexOf(']', at);
        if (open < 0 || close < open) {
          break;
        }
        int end = json.indexOf(']', open);
        images.add(ints(json.substring(open + 1, end)));
        at = end + 1;
      }
      int labelsAt = json.indexOf('[', json.indexOf("\"labels\"")) + 1;
      List<Integer> labels = new ArrayList<>();
      for (int v : ints(json.substring(labelsAt, json.indexOf(']', labelsAt)))) {
        labels.add(v);
      }
      return new Digits(images, labels);
    }

    private static int[] ints(String csv) {
      return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .mapToInt(Integer::parseInt).toArray();
    }

    List<List<Tensor>> inputs() {
      List<List<Tensor>> out = new ArrayList<>();
      for (int[] image : images) {
        float[] x = new float[image.length];
        for (int i = 0; i < x.length; i++) {
          x[i] = image[i] / 255f;
        }
        out.add(List.of(Tensor.ofFloats(Shape.of(1, 1, 28, 28), x)));
      }
      return out;
    }
  }
}
