package org.zkml4j.api;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.zkml4j.model.ir.Shape;

/** ONNX Runtime's float output for one input: the reference the proven outputs are held to. */
final class OnnxRuntime {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  private OnnxRuntime() {}

  /** The first output of a one-input model, flat. */
  static float[] run(Path model, String input, Shape shape, float[] values) throws Exception {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = ENV.createSession(Files.readAllBytes(model), options);
          OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(values),
              Arrays.stream(shape.toArray()).asLongStream().toArray());
          OrtSession.Result result = session.run(Map.of(input, x))) {
        FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
        float[] y = new float[out.remaining()];
        out.get(y);
        return y;
      }
    } catch (OrtException e) {
      throw new AssertionError("ONNX Runtime failed on " + model, e);
    }
  }
}
