package org.zkml4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The accuracy part of {@code scripts/bench-mnist} against references it did not compute: the
 * digit files Python wrote from the same bytes, and the float accuracy ONNX Runtime and the numpy
 * evaluator measured for {@code lenet.onnx} (978 of 1,000, {@code models/mnist/README.md}).
 */
class MnistRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void labelledDigits_readTheTestSubsetAsPythonWroteIt() throws Exception {
    Path dir = modelsFolder();
    LabelledDigits digits = LabelledDigits.read(dir.resolve("test-subset.json"));
    assertEquals(1000, digits.size());
    for (int i = 0; i < digits.size(); i++) {
      assertEquals(i % 10, digits.labels()[i], "image " + i + " has label i % 10");
    }
    for (int label : new int[] {0, 7}) {
      JsonNode expected = JSON.readTree(dir.resolve("digit-" + label + ".json").toFile()).path("input_data").get(0);
      float[] actual = digits.images().get(label);
      assertEquals(expected.size(), actual.length);
      for (int j = 0; j < actual.length; j++) {
        assertEquals(expected.get(j).doubleValue(), actual[j], 1e-6, "digit-" + label + " pixel " + j);
      }
    }
  }

  @Test
  void accuracy_floatCountIsOnnxRuntimes_andTheQuantizedCountsAreConsistent() throws Exception {
    Path dir = modelsFolder();
    JsonNode r = JSON.readTree(MnistRun.accuracy(dir.resolve("lenet.onnx"), dir.resolve("calibration.json"),
        dir.resolve("test-subset.json")));
    assertEquals(1000, r.path("digits").intValue());
    assertEquals(978, r.path("floatCorrect").intValue(), "ONNX Runtime and numpy: 978 of 1000");
    assertEquals(2, r.path("presets").size());
    for (JsonNode p : r.path("presets")) {
      int quantized = p.path("quantizedCorrect").intValue();
      int agree = p.path("agree").intValue();
      // a digit both models classify correctly is one where they agree, so agreement bounds accuracy
      assertTrue(agree >= 978 + quantized - 1000 && agree <= 1000 - Math.abs(978 - quantized), p.toString());
      assertTrue(p.path("constraints").intValue() > 0, p.toString());
    }
  }

  private static Path modelsFolder() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("models/mnist");
      if (Files.isRegularFile(candidate.resolve("lenet.onnx"))) {
        return candidate;
      }
    }
    return Assumptions.abort("skipped: no models/mnist/lenet.onnx in this checkout");
  }
}
