package org.zkml4j.model.onnx;

import static org.zkml4j.model.onnx.ConvPoolOrtTest.boxed;
import static org.zkml4j.model.onnx.Differential.check;
import static org.zkml4j.model.onnx.Differential.positive;
import static org.zkml4j.model.onnx.Differential.random;
import static org.zkml4j.model.onnx.Differential.scalar;
import static org.zkml4j.model.onnx.ModelWriter.FLOAT;
import static org.zkml4j.model.onnx.ModelWriter.INT64;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.onnx.ModelWriter.Attr;

/**
 * Gemm, MatMul, the broadcasting element-wise ops, the activations, Softmax, LogSoftmax and ArgMax
 * against ONNX Runtime on random inputs, across the opsets where their definitions changed.
 */
class ArithmeticOrtTest {
  @Test
  void gemm_allAttributesAndBiasShapes_matchOnnxRuntime() throws Exception {
    Random r = new Random(10);
    int[][] biasShapes = {null, {}, {1}, {5}, {1, 5}, {3, 1}, {3, 5}};
    for (int trial = 0; trial < 28; trial++) {
      int m = 3;
      int k = 4;
      int n = 5;
      boolean ta = trial % 2 == 1;
      boolean tb = trial / 2 % 2 == 1;
      int[] bias = biasShapes[trial % biasShapes.length];
      ModelWriter model = new ModelWriter(trial % 3 == 0 && bias != null ? 9 : 13)
          .input("a", FLOAT, boxed(ta ? new int[] {k, m} : new int[] {m, k}))
          .initializer("b", random(r, tb ? n : k, tb ? k : n)).output("y", FLOAT);
      List<String> in = new ArrayList<>(List.of("a", "b"));
      if (bias != null) {
        model.initializer("c", random(r, bias));
        in.add("c");
      }
      model.node("Gemm", in, List.of("y"), Attr.f("alpha", 0.5f + r.nextFloat()), Attr.f("beta", r.nextFloat()),
          Attr.i("transA", ta ? 1 : 0), Attr.i("transB", tb ? 1 : 0));
      check(model, List.of(random(r, ta ? new int[] {k, m} : new int[] {m, k})), "gemm trial " + trial);
    }
  }

  @Test
  void matMul_promotionAndBatchBroadcasting_matchOnnxRuntime() throws Exception {
    Random r = new Random(11);
    int[][][] cases = {{{4}, {4, 3}}, {{2, 4}, {4}}, {{2, 4}, {4, 3}}, {{5, 2, 4}, {4, 3}}, {{2, 4}, {5, 4, 3}},
        {{2, 1, 3, 4}, {5, 4, 2}}, {{4}, {2, 4, 3}}, {{1, 3, 4}, {2, 1, 4, 6}}};
    for (int[][] c : cases) {
      ModelWriter model = new ModelWriter(13).input("a", FLOAT, boxed(c[0])).input("b", FLOAT, boxed(c[1]))
          .output("y", FLOAT).node("MatMul", List.of("a", "b"), List.of("y"));
      check(model, List.of(random(r, c[0]), random(r, c[1])), "matmul " + java.util.Arrays.deepToString(c));
    }
  }

  @Test
  void binaryOps_withBroadcasting_matchOnnxRuntime() throws Exception {
    Random r = new Random(12);
    int[][][] shapes = {{{2, 3}, {2, 3}}, {{2, 3, 4}, {4}}, {{2, 1, 4}, {3, 1}}, {{1}, {2, 2}}, {{}, {3}},
        {{2, 3, 4, 5}, {3, 1, 1}}, {{4, 1}, {1, 5}}};
    for (String op : List.of("Add", "Sub", "Mul")) {
      for (int[][] s : shapes) {
        ModelWriter model = new ModelWriter(op.equals("Mul") ? 7 : 14).input("a", FLOAT, boxed(s[0]))
            .input("b", FLOAT, boxed(s[1])).output("y", FLOAT).node(op, List.of("a", "b"), List.of("y"));
        check(model, List.of(random(r, s[0]), random(r, s[1])), op + " " + java.util.Arrays.deepToString(s));
      }
    }
    for (int[][] s : shapes) {
      ModelWriter model = new ModelWriter(13).input("a", FLOAT, boxed(s[0])).initializer("d", positive(r, s[1]))
          .output("y", FLOAT).node("Div", List.of("a", "d"), List.of("y"));
      check(model, List.of(random(r, s[0])), "Div by a constant " + java.util.Arrays.deepToString(s));
    }
  }

  @Test
  void activations_matchOnnxRuntime() throws Exception {
    Random r = new Random(13);
    Tensor x = random(r, 2, 3, 4, 5);
    for (String op : List.of("Relu", "Sigmoid", "Tanh")) {
      check(unary(op, 13).node(op, List.of("x"), List.of("y")), List.of(x), op);
    }
    check(unary("LeakyRelu", 7).node("LeakyRelu", List.of("x"), List.of("y")), List.of(x), "LeakyRelu default");
    check(unary("LeakyRelu", 16).node("LeakyRelu", List.of("x"), List.of("y"), Attr.f("alpha", 0.2f)), List.of(x),
        "LeakyRelu 0.2");
    for (int[] slope : new int[][] {{1}, {3, 1, 1}, {5}, {2, 3, 4, 5}}) {
      check(unary("PRelu", 9).initializer("s", random(r, slope)).node("PRelu", List.of("x", "s"), List.of("y")),
          List.of(x), "PRelu slope " + java.util.Arrays.toString(slope));
    }
  }

  @Test
  void clip_asAttributesAndAsInputs_matchOnnxRuntime() throws Exception {
    Tensor x = random(new Random(14), 3, 7);
    check(unary("Clip", 7).node("Clip", List.of("x"), List.of("y"), Attr.f("min", -0.5f), Attr.f("max", 0.6f)),
        List.of(x), "Clip-6 attributes");
    check(unary("Clip", 7).node("Clip", List.of("x"), List.of("y"), Attr.f("max", 0.3f)), List.of(x),
        "Clip-6 max only");
    check(unary("Clip", 11).initializer("lo", scalar(-0.2f)).initializer("hi", scalar(0.9f))
        .node("Clip", List.of("x", "lo", "hi"), List.of("y")), List.of(x), "Clip-11 inputs");
    check(unary("Clip", 13).initializer("hi", scalar(0f)).node("Clip", List.of("x", "", "hi"), List.of("y")),
        List.of(x), "Clip-13 max only");
    check(unary("Clip", 13).node("Clip", List.of("x"), List.of("y")), List.of(x), "Clip-13 unbounded");
  }

  @Test
  void softmaxAndLogSoftmax_beforeAndFromOpset13_matchOnnxRuntime() throws Exception {
    Random r = new Random(15);
    Tensor x = random(r, 2, 3, 4);
    for (String op : List.of("Softmax", "LogSoftmax")) {
      for (int opset : new int[] {11, 13}) {
        check(unary(op, opset).node(op, List.of("x"), List.of("y")), List.of(x), op + "-" + opset + " default axis");
        for (int axis = -3; axis < 3; axis++) {
          check(unary(op, opset).node(op, List.of("x"), List.of("y"), Attr.i("axis", axis)), List.of(x),
              op + "-" + opset + " axis " + axis);
        }
      }
    }
  }

  @Test
  void argMax_axesKeepdimsAndTies_matchOnnxRuntime() throws Exception {
    Random r = new Random(16);
    float[] ties = new float[3 * 4 * 5];
    for (int i = 0; i < ties.length; i++) {
      ties[i] = r.nextInt(3);
    }
    Tensor x = Tensor.ofFloats(org.zkml4j.model.ir.Shape.of(3, 4, 5), ties);
    for (int axis = -3; axis < 3; axis++) {
      for (int keep = 0; keep < 2; keep++) {
        for (int last = 0; last < 2; last++) {
          ModelWriter model = new ModelWriter(13).input("x", FLOAT, 3, 4, 5).output("y", INT64)
              .node("ArgMax", List.of("x"), List.of("y"), Attr.i("axis", axis), Attr.i("keepdims", keep),
                  Attr.i("select_last_index", last));
          check(model, List.of(x), "ArgMax axis " + axis + " keepdims " + keep + " last " + last);
        }
      }
    }
  }

  private static ModelWriter unary(String op, int opset) {
    return new ModelWriter(opset).input("x", FLOAT, op.equals("Clip") ? new Object[] {3, 7}
        : op.endsWith("Softmax") ? new Object[] {2, 3, 4} : new Object[] {2, 3, 4, 5}).output("y", FLOAT);
  }
}
