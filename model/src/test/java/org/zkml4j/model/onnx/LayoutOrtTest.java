package org.zkml4j.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.model.onnx.ConvPoolOrtTest.boxed;
import static org.zkml4j.model.onnx.Differential.check;
import static org.zkml4j.model.onnx.Differential.longs;
import static org.zkml4j.model.onnx.Differential.random;
import static org.zkml4j.model.onnx.Differential.scalar;
import static org.zkml4j.model.onnx.ModelWriter.FLOAT;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.onnx.ModelWriter.Attr;

/**
 * The data-movement ops (Flatten, Reshape, Transpose, Squeeze, Unsqueeze, Concat, Pad, Gather) and
 * the ones that fold away at import (Shape, Cast, Constant, Identity, Dropout) against ONNX
 * Runtime, including the attribute-to-input changes of opsets 11, 13 and 18.
 */
class LayoutOrtTest {
  private final Random r = new Random(20);
  private final Tensor x = random(r, 2, 3, 4);

  private static ModelWriter model(int opset) {
    return new ModelWriter(opset).input("x", FLOAT, 2, 3, 4).output("y", FLOAT);
  }

  @Test
  void flattenReshapeTranspose_matchOnnxRuntime() throws Exception {
    for (int axis = -3; axis <= 3; axis++) {
      check(model(13).node("Flatten", List.of("x"), List.of("y"), Attr.i("axis", axis)), List.of(x), "Flatten " + axis);
    }
    check(model(9).node("Flatten", List.of("x"), List.of("y")), List.of(x), "Flatten default");
    for (long[] shape : new long[][] {{24}, {4, -1}, {0, 12}, {0, 0, 2, 2}, {-1, 2, 0}, {2, 3, 4}}) {
      check(model(13).initializer("s", longs(shape)).node("Reshape", List.of("x", "s"), List.of("y")), List.of(x),
          "Reshape " + java.util.Arrays.toString(shape));
    }
    check(model(13).node("Transpose", List.of("x"), List.of("y")), List.of(x), "Transpose default");
    for (long[] perm : new long[][] {{0, 2, 1}, {2, 0, 1}, {1, 0, 2}, {0, 1, 2}}) {
      check(model(13).node("Transpose", List.of("x"), List.of("y"), Attr.ints("perm", perm)), List.of(x),
          "Transpose " + java.util.Arrays.toString(perm));
    }
  }

  @Test
  void squeezeAndUnsqueeze_asAttributesAndAsInputs_matchOnnxRuntime() throws Exception {
    Tensor ones = random(r, 1, 3, 1, 4);
    ModelWriter squeeze11 = new ModelWriter(11).input("x", FLOAT, 1, 3, 1, 4).output("y", FLOAT)
        .node("Squeeze", List.of("x"), List.of("y"), Attr.ints("axes", -2, 0));
    check(squeeze11, List.of(ones), "Squeeze-11 axes");
    ModelWriter squeezeAll = new ModelWriter(13).input("x", FLOAT, 1, 3, 1, 4).output("y", FLOAT)
        .node("Squeeze", List.of("x"), List.of("y"));
    check(squeezeAll, List.of(ones), "Squeeze-13 all");
    ModelWriter squeeze13 = new ModelWriter(13).input("x", FLOAT, 1, 3, 1, 4).initializer("a", longs(2))
        .output("y", FLOAT).node("Squeeze", List.of("x", "a"), List.of("y"));
    check(squeeze13, List.of(ones), "Squeeze-13 input");
    check(model(11).node("Unsqueeze", List.of("x"), List.of("y"), Attr.ints("axes", 0, -1)), List.of(x),
        "Unsqueeze-11");
    check(model(13).initializer("a", longs(4, 1)).node("Unsqueeze", List.of("x", "a"), List.of("y")), List.of(x),
        "Unsqueeze-13");
  }

  @Test
  void concat_alongEachAxis_matchesOnnxRuntime() throws Exception {
    for (int axis = -3; axis < 3; axis++) {
      int[] other = {2, 3, 4};
      other[Math.floorMod(axis, 3)] = 5;
      ModelWriter m = model(13).input("z", FLOAT, boxed(other)).initializer("c", random(r, other))
          .node("Concat", List.of("x", "z", "c"), List.of("y"), Attr.i("axis", axis));
      check(m, List.of(x, random(r, other)), "Concat axis " + axis);
    }
  }

  @Test
  void pad_constantModeAcrossOpsets_matchesOnnxRuntime() throws Exception {
    check(model(7).node("Pad", List.of("x"), List.of("y"), Attr.ints("pads", 0, 1, 2, 1, 0, 1),
        Attr.f("value", 1.5f)), List.of(x), "Pad-2 attributes");
    check(model(11).initializer("p", longs(1, 0, 1, 0, 2, -1)).node("Pad", List.of("x", "p"), List.of("y")),
        List.of(x), "Pad-11 with a negative width");
    check(model(13).initializer("p", longs(0, 0, 2, 0, 0, 3)).initializer("v", scalar(-2f))
        .node("Pad", List.of("x", "p", "v"), List.of("y"), Attr.s("mode", "constant")), List.of(x),
        "Pad-13 with a value");
    check(model(18).initializer("p", longs(1, 2, 3, 4)).initializer("a", longs(-1, 1))
        .node("Pad", List.of("x", "p", "", "a"), List.of("y")), List.of(x), "Pad-18 with axes");
  }

  @Test
  void gather_ofRuntimeData_matchesOnnxRuntime() throws Exception {
    for (int axis = 0; axis < 3; axis++) {
      Tensor indices = Tensor.ofLongs(Shape.of(2, 2), 0, -1, 1, 1);
      check(model(13).initializer("i", indices).node("Gather", List.of("x", "i"), List.of("y"), Attr.i("axis", axis)),
          List.of(x), "Gather axis " + axis);
    }
    check(model(13).initializer("i", Tensor.ofLongs(Shape.scalar(), 2))
        .node("Gather", List.of("x", "i"), List.of("y"), Attr.i("axis", 1)), List.of(x), "Gather scalar index");
  }

  /**
   * PyTorch's export of {@code x.view(x.size(0), -1)}: a shape computed at run time that must fold
   * to one Reshape, at opset 11 (Unsqueeze axes as an attribute) and 13 (as an input).
   */
  @Test
  void shapeComputation_foldsToOneReshape_andMatchesOnnxRuntime() throws Exception {
    for (int opset : new int[] {11, 13}) {
      ModelWriter m = new ModelWriter(opset).input("x", FLOAT, "batch", 3, 4).output("y", FLOAT)
          .node("Shape", List.of("x"), List.of("s"))
          .node("Constant", List.of(), List.of("zero"), Attr.t("value", Tensor.ofLongs(Shape.scalar(), 0)))
          .node("Gather", List.of("s", "zero"), List.of("n"), Attr.i("axis", 0))
          .node("Constant", List.of(), List.of("minus"), Attr.t("value", longs(-1)));
      if (opset < 13) {
        m.node("Unsqueeze", List.of("n"), List.of("n1"), Attr.ints("axes", 0));
      } else {
        m.initializer("axes", longs(0)).node("Unsqueeze", List.of("n", "axes"), List.of("n1"));
      }
      m.node("Concat", List.of("n1", "minus"), List.of("shape"), Attr.i("axis", 0))
          .node("Cast", List.of("shape"), List.of("shape64"), Attr.i("to", 7))
          .node("Identity", List.of("x"), List.of("xi"))
          .node("Dropout", List.of("xi"), List.of("xd"))
          .node("Reshape", List.of("xd", "shape64"), List.of("y"));
      Graph g = check(m, List.of(random(r, 1, 3, 4)), "shape computation, opset " + opset);
      assertEquals(1, g.nodes().size(), g.toString());
      assertTrue(g.nodes().get(0).op() instanceof Op.Reshape, g.toString());
      assertEquals(Shape.of(1, 12), g.outputs().get(0).shape());
    }
  }

  @Test
  void castOfConstants_followsOnnxRuntime() throws Exception {
    Tensor c = Tensor.ofFloats(Shape.of(4), -2.7f, -0.5f, 0.5f, 300.25f);
    for (int to : new int[] {1, 2, 3, 5, 6, 7, 9, 10, 11, 16}) {
      ModelWriter m = new ModelWriter(13).input("x", FLOAT, 4).output("y", FLOAT)
          .node("Constant", List.of(), List.of("c"), Attr.t("value", c))
          .node("Cast", List.of("c"), List.of("k"), Attr.i("to", to))
          .node("Cast", List.of("k"), List.of("f"), Attr.i("to", 1))
          .node("Add", List.of("x", "f"), List.of("y"));
      check(m, List.of(random(r, 4)), "Cast to " + TensorDecoding.typeName(to));
    }
  }
}
