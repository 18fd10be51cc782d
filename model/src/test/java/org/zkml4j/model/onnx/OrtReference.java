package org.zkml4j.model.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/** Runs a serialized ONNX model in ONNX Runtime (the Java API over the native library). */
final class OrtReference {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  private OrtReference() {}

  /** The model's outputs, in order, for inputs given in the order of {@code names}. */
  static List<Tensor> run(byte[] model, List<String> names, List<Tensor> inputs) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = ENV.createSession(model, options)) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
          for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            long[] shape = java.util.Arrays.stream(t.shape().toArray()).asLongStream().toArray();
            feed.put(names.get(i), t.type() == ElementType.FLOAT
                ? OnnxTensor.createTensor(ENV, FloatBuffer.wrap(t.toFloatArray()), shape)
                : OnnxTensor.createTensor(ENV, LongBuffer.wrap(t.toLongArray()), shape));
          }
          try (OrtSession.Result result = session.run(feed)) {
            List<Tensor> out = new ArrayList<>();
            for (Map.Entry<String, OnnxValue> e : result) {
              out.add(toTensor((OnnxTensor) e.getValue()));
            }
            return out;
          }
        } finally {
          feed.values().forEach(OnnxTensor::close);
        }
      }
    }
  }

  private static Tensor toTensor(OnnxTensor t) {
    Shape shape = Shape.of(java.util.Arrays.stream(t.getInfo().getShape()).mapToInt(Math::toIntExact).toArray());
    return switch (t.getInfo().type) {
      case FLOAT -> {
        FloatBuffer b = t.getFloatBuffer();
        float[] f = new float[b.remaining()];
        b.get(f);
        yield Tensor.ofFloats(shape, f);
      }
      case INT64 -> {
        LongBuffer b = t.getLongBuffer();
        long[] v = new long[b.remaining()];
        b.get(v);
        yield Tensor.ofLongs(shape, v);
      }
      default -> throw new AssertionError("unexpected ONNX Runtime output type " + t.getInfo().type);
    };
  }
}
