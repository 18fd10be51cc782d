package org.zkml4j.model.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/**
 * The piecewise-linear sigmoid and tanh stay within their stated maximum errors of the exact
 * functions over the whole line (checked on [-16, 16], beyond which both curves are flat at their
 * limits), plus the output's rounding.
 */
class SigmoidCurveTest {
  private static final int N = 4097;

  @Test
  void sigmoidAndTanh_stayWithinTheirStatedErrors() throws Exception {
    check(new Op.Sigmoid(), QuantizedOp.Sigmoid.MAX_SIGMOID_ERROR, x -> 1 / (1 + Math.exp(-x)));
    check(new Op.Tanh(), QuantizedOp.Sigmoid.MAX_TANH_ERROR, Math::tanh);
  }

  private static void check(Op op, double stated, DoubleUnaryOperator exact) throws Exception {
    Shape shape = Shape.of(1, N);
    Graph g = new GraphBuilder("curve").input("x", ElementType.FLOAT, shape)
        .node("f", op, List.of("x"), "y").output("y").build();
    float[] x = new float[N];
    for (int i = 0; i < N; i++) {
      x[i] = -16f + 32f * i / (N - 1);
    }
    Tensor in = Tensor.ofFloats(shape, x);
    QuantizationOptions options = new QuantizationOptions(QuantizationOptions.Optimize.ACCURACY, 16, 8, 16, 16, 1, 1);
    QuantizedGraph q = Quantizer.quantize(g, List.of(List.of(in)), options);
    Tensor y = q.dequantize(0, q.evaluate(q.quantize(List.of(in))).get(0));
    double rounding = Math.scalb(1.0, -q.outputs().get(0).scale() - 1) + Math.scalb(1.0, -q.inputs().get(0).scale());
    double worst = 0;
    for (int i = 0; i < N; i++) {
      worst = Math.max(worst, Math.abs(y.getFloat(i) - exact.applyAsDouble(x[i])));
    }
    assertTrue(worst <= stated + rounding, op + ": worst error " + worst + " > " + stated + " + " + rounding);
    assertTrue(worst >= stated - 0.002, op + ": the stated bound " + stated + " is loose; worst seen " + worst);
  }
}
