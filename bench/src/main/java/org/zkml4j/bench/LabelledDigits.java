package org.zkml4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled digits of {@code models/mnist/test-subset.json} (and {@code calibration.json}):
 * {@code {"images": [[784 pixel bytes], ...], "labels": [...]}}, model input = pixel / 255.
 *
 * @param images one row-major 28x28 float array per digit, pixel / 255
 * @param labels the digit each image shows
 */
record LabelledDigits(List<float[]> images, int[] labels) {
  static LabelledDigits read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    JsonNode images = root.path("images");
    JsonNode labels = root.path("labels");
    if (!images.isArray() || !labels.isArray() || images.size() != labels.size()) {
      throw new IOException(file + ": expected \"images\" and \"labels\" arrays of equal length");
    }
    List<float[]> pixels = new ArrayList<>(images.size());
    int[] y = new int[labels.size()];
    for (int i = 0; i < images.size(); i++) {
      JsonNode row = images.get(i);
      if (row.size() != 784) {
        throw new IOException(file + ": image " + i + " has " + row.size() + " values, not 784");
      }
      float[] x = new float[784];
      for (int j = 0; j < 784; j++) {
        x[j] = row.get(j).intValue() / 255f;
      }
      pixels.add(x);
      y[i] = labels.get(i).intValue();
    }
    return new LabelledDigits(List.copyOf(pixels), y);
  }

  int size() {
    return labels.length;
  }
}
