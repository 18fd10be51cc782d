package org.zkml4j.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The files the tests read: the bundled MNIST models and digits of {@code models/mnist} (found
 * above the working directory), and the tiny 7x7 MNIST model of the test resources
 * ({@code tiny-mnist/make_tiny_mnist.py} made it).
 */
final class Fixtures {
  private Fixtures() {}

  /** {@code models/mnist} of this checkout. */
  static Path mnist() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("models/mnist/lenet.onnx"))) {
        return d.resolve("models/mnist");
      }
    }
    return Assumptions.abort("skipped: no models/mnist/lenet.onnx in this checkout");
  }

  /** A file of the tiny model's folder, {@code tiny-mnist/<name>}. */
  static Path tiny(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/tiny-mnist/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tiny model compiled with its calibration data. */
  static ZkModel tinyModel(org.zkml4j.model.compile.Visibility visibility) throws Exception {
    return ZkModel.load(tiny("tiny.onnx")).calibrate(tiny("calibration.json")).compile(visibility);
  }

  /** The pixel bytes of the digits of test-subset.json (image i has label i % 10), read by hand. */
  static List<int[]> testSubsetImages() {
    try {
      String json = Files.readString(mnist().resolve("test-subset.json"), StandardCharsets.UTF_8);
      List<int[]> images = new ArrayList<>();
      int at = json.indexOf('[', json.indexOf("\"images\"")) + 1;
      while (true) {
        int open = json.indexOf('[', at);
        int close = json.indexOf(']', at);
        if (open < 0 || close < open) {
          return images;
        }
        int end = json.indexOf(']', open);
        images.add(Arrays.stream(json.substring(open + 1, end).split(",")).mapToInt(s -> Integer.parseInt(s.strip()))
            .toArray());
        at = end + 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
