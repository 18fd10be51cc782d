package org.zkml4j.model.onnx;

import java.util.List;
import java.util.Random;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.ReferenceEvaluator;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/**
 * The differential check every ONNX Runtime test goes through: write a model, import it, run it in
 * the {@link ReferenceEvaluator} and in ONNX Runtime on the same inputs, and compare each output
 * (int64 exactly, floats within {@code |ours - ort| <= atol + rtol * |ort|}).
 */
final class Differential {
  /** Tolerances for float outputs; the kernels sum in a different order than ONNX Runtime's. */
  static final double RTOL = 1e-4;
  static final double ATOL = 1e-5;

  private Differential() {}

  /** Checks the model against ONNX Runtime and returns the imported graph. */
  static Graph check(ModelWriter model, List<Tensor> inputs, String what) throws Exception {
    byte[] bytes = model.toBytes();
    Graph graph = OnnxImporter.read(bytes, what);
    List<Tensor> ours = new ReferenceEvaluator(graph).run(inputs);
    List<Tensor> ort = OrtReference.run(bytes, model.inputNames(), inputs);
    if (ours.size() != ort.size()) {
      throw new AssertionError(what + ": " + ours.size() + " outputs, ONNX Runtime gives " + ort.size());
    }
    for (int i = 0; i < ort.size(); i++) {
      TensorAssert.assertClose(ort.get(i), ours.get(i), RTOL, ATOL, what + " output " + i + "\n" + graph);
    }
    return graph;
  }

  /** A float tensor of normally distributed elements. */
  static Tensor random(Random r, int... dims) {
    Shape s = Shape.of(dims);
    float[] f = new float[s.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) r.nextGaussian();
    }
    return Tensor.ofFloats(s, f);
  }

  /** A float tensor of positive elements in [0.5, 1.5). */
  static Tensor positive(Random r, int... dims) {
    Shape s = Shape.of(dims);
    float[] f = new float[s.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = 0.5f + r.nextFloat();
    }
    return Tensor.ofFloats(s, f);
  }

  static Tensor longs(long... values) {
    return Tensor.ofLongs(Shape.of(values.length), values);
  }

  static Tensor scalar(float v) {
    return Tensor.ofFloats(Shape.scalar(), v);
  }
}
