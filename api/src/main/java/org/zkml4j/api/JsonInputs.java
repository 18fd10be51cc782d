package org.zkml4j.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.zkml4j.circuit.format.FormatException;

/**
 * Model inputs from JSON files, in the forms users bring:
 *
 * <ul>
 *   <li>ezkl's {@code {"input_data": [[...], ...]}}: one array per graph input;
 *   <li>a bare (nested) array of numbers, for a model with one input; with several inputs, an
 *       array holding one (nested) array per input;
 *   <li>for calibration, also {@code models/mnist}'s {@code {"images": [[pixels 0-255], ...]}},
 *       each image one sample, read as pixel / 255.
 * </ul>
 *
 * Nesting is flattened in row-major order, so {@code [[[[...]]]]} shaped 1x1x28x28 and a flat
 * list of 784 numbers are the same input. For calibration, an input's array may hold several
 * samples one after another (ezkl's convention): its length must be a multiple of the input's size.
 *
 * <p>Numbers are parsed from their decimal text straight to the nearest float, so that reading
 * is exact and deterministic (a compiled model directory recompiles from its samples bit for bit).
 */
final class JsonInputs {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonInputs() {}

  /** One input: each graph input's array must have exactly the input's size. */
  static ModelInput read(Path file, List<InputSpec> inputs) throws IOException, FormatException {
    List<JsonNode> arrays = perInput(file, parse(file), inputs.size());
    List<float[]> values = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      float[] v = flatten(file, arrays.get(i), false);
      if (v.length != inputs.get(i).size()) {
        throw new FormatException(file, sizeMessage(inputs, i, v.length));
      }
      values.add(v);
    }
    return ModelInput.of(values);
  }

  /** Calibration samples, in any of the forms above. */
  static List<ModelInput> readSamples(Path file, List<InputSpec> inputs) throws IOException, FormatException {
    JsonNode root = parse(file);
    if (root.isObject() && root.has("images")) {
      return images(file, root.get("images"), inputs);
    }
    List<JsonNode> arrays = perInput(file, root, inputs.size());
    List<float[]> flat = new ArrayList<>();
    int samples = -1;
    for (int i = 0; i < inputs.size(); i++) {
      float[] v = flatten(file, arrays.get(i), false);
      int size = inputs.get(i).size();
      if (v.length == 0 || v.length % size != 0) {
        throw new FormatException(file, sizeMessage(inputs, i, v.length) + " (or a multiple of it, for several"
            + " samples)");
      }
      if (samples >= 0 && v.length / size != samples) {
        throw new FormatException(file, "holds " + samples + " samples of the first input but " + v.length / size
            + " of input '" + inputs.get(i).name() + "'");
      }
      samples = v.length / size;
      flat.add(v);
    }
    List<ModelInput> out = new ArrayList<>();
    for (int s = 0; s < samples; s++) {
      List<float[]> sample = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        int size = inputs.get(i).size();
        sample.add(Arrays.copyOfRange(flat.get(i), s * size, (s + 1) * size));
      }
      out.add(ModelInput.of(sample));
    }
    return out;
  }

  private static List<ModelInput> images(Path file, JsonNode images, List<InputSpec> inputs) throws FormatException {
    if (inputs.size() != 1) {
      throw new FormatException(file, "\"images\" calibration data is for a model with one input; this model has "
          + inputs.size() + "; use {\"input_data\": [...]} with one array per input");
    }
    if (!images.isArray() || images.isEmpty()) {
      throw new FormatException(file, "\"images\" must be a non-empty array of images");
    }
    List<ModelInput> out = new ArrayList<>();
    for (int s = 0; s < images.size(); s++) {
      float[] v = flatten(file, images.get(s), true);
      if (v.length != inputs.get(0).size()) {
        throw new FormatException(file, "image " + s + ": " + sizeMessage(inputs, 0, v.length));
      }
      out.add(ModelInput.of(v));
    }
    return out;
  }

  private static JsonNode parse(Path file) throws IOException, FormatException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw new FormatException(file, "is empty; expected a JSON input such as {\"input_data\": [[...]]}");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new FormatException(file, "is not valid JSON: " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
    }
  }

  /** The node holding each graph input's numbers. */
  private static List<JsonNode> perInput(Path file, JsonNode root, int inputs) throws FormatException {
    JsonNode data = root;
    if (root.isObject()) {
      data = root.get("input_data");
      if (data == null) {
        throw new FormatException(file, "has no \"input_data\"; expected {\"input_data\": [[...]]} (ezkl's form) or"
            + " a (nested) array of numbers");
      }
    }
    if (!data.isArray()) {
      throw new FormatException(file, "expected an array of numbers, found " + kind(data));
    }
    if (inputs == 1) {
      return List.of(data);
    }
    if (data.size() != inputs) {
      throw new FormatException(file, "the model has " + inputs + " inputs, so the file must hold " + inputs
          + " arrays, one per input; it holds " + data.size());
    }
    List<JsonNode> out = new ArrayList<>();
    data.forEach(out::add);
    return out;
  }

  /** Every number under a node, depth first, as floats (pixels: divided by 255). */
  private static float[] flatten(Path file, JsonNode node, boolean pixels) throws FormatException {
    float[] out = new float[64];
    int n = 0;
    Deque<Iterator<JsonNode>> stack = new ArrayDeque<>();
    stack.push(List.of(node).iterator());
    while (!stack.isEmpty()) {
      if (!stack.peek().hasNext()) {
        stack.pop();
        continue;
      }
      JsonNode v = stack.peek().next();
      if (v.isArray()) {
        stack.push(v.elements());
        continue;
      }
      if (!v.isNumber()) {
        throw new FormatException(file, "value " + n + " is " + kind(v) + "; expected numbers only");
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, 2 * n);
      }
      float x = pixels ? (float) (v.doubleValue() / 255.0) : Float.parseFloat(v.asText());
      if (!Float.isFinite(x)) {
        throw new FormatException(file, "value " + n + " = " + v.asText() + " does not fit a float");
      }
      out[n++] = x;
    }
    return Arrays.copyOf(out, n);
  }

  private static String sizeMessage(List<InputSpec> inputs, int i, int got) {
    String who = inputs.size() == 1 ? "the model" : "input '" + inputs.get(i).name() + "'";
    return who + " takes " + inputs.get(i).describe() + ", the file has " + got;
  }

  private static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "the string \"" + v.asText() + "\"";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
