package org.zkml4j.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.model.onnx.Differential.check;
import static org.zkml4j.model.onnx.Differential.longs;
import static org.zkml4j.model.onnx.Differential.positive;
import static org.zkml4j.model.onnx.Differential.random;
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
 * Whole models against ONNX Runtime: BatchNormalization folded into Conv and Gemm or kept as a
 * per-channel affine, and a small MNIST-shaped CNN with a symbolic batch dimension.
 */
class ModelOrtTest {
  private final Random r = new Random(30);

  private ModelWriter batchNorm(ModelWriter m, String in, String out, int channels) {
    return m.initializer(out + "_s", random(r, channels)).initializer(out + "_b", random(r, channels))
        .initializer(out + "_m", random(r, channels)).initializer(out + "_v", positive(r, channels))
        .node("BatchNormalization", List.of(in, out + "_s", out + "_b", out + "_m", out + "_v"), List.of(out),
            Attr.f("epsilon", 1e-3f));
  }

  @Test
  void batchNormalization_afterConv_foldsIntoIt() throws Exception {
    for (boolean bias : new boolean[] {false, true}) {
      ModelWriter m = new ModelWriter(15).input("x", FLOAT, 1, 3, 6, 6).output("y", FLOAT)
          .initializer("w", random(r, 4, 3, 3, 3));
      if (bias) {
        m.initializer("cb", random(r, 4)).node("Conv", List.of("x", "w", "cb"), List.of("c"));
      } else {
        m.node("Conv", List.of("x", "w"), List.of("c"));
      }
      Graph g = check(batchNorm(m, "c", "y", 4), List.of(random(r, 1, 3, 6, 6)), "Conv+BN bias " + bias);
      assertEquals(1, g.nodes().size(), g.toString());
      assertTrue(g.nodes().get(0).op() instanceof Op.Conv, g.toString());
      assertEquals(3, g.nodes().get(0).inputs().size());
      assertEquals("y", g.nodes().get(0).output());
    }
  }

  @Test
  void batchNormalization_afterGemm_foldsIntoIt() throws Exception {
    for (int[] c : new int[][] {null, {5}, {3, 5}, {3, 1}}) {
      for (boolean transB : new boolean[] {false, true}) {
        ModelWriter m = new ModelWriter(13).input("x", FLOAT, 3, 4).output("y", FLOAT)
            .initializer("w", random(r, transB ? new int[] {5, 4} : new int[] {4, 5}));
        List<String> in = c == null ? List.of("x", "w") : List.of("x", "w", "c");
        if (c != null) {
          m.initializer("c", random(r, c));
        }
        m.node("Gemm", in, List.of("g"), Attr.f("beta", 0.7f), Attr.f("alpha", 1.3f), Attr.i("transB", transB ? 1 : 0));
        Graph g = check(batchNorm(m, "g", "y", 5), List.of(random(r, 3, 4)), "Gemm+BN");
        assertEquals(1, g.nodes().size(), g.toString());
        assertTrue(g.nodes().get(0).op() instanceof Op.Gemm, g.toString());
      }
    }
  }

  @Test
  void batchNormalization_withoutFoldableProducer_staysAnAffineOp() throws Exception {
    ModelWriter alone = batchNorm(new ModelWriter(9).input("x", FLOAT, 2, 4, 3, 3).output("y", FLOAT), "x", "y", 4);
    Graph g = check(alone, List.of(random(r, 2, 4, 3, 3)), "BN on an input");
    assertTrue(g.nodes().get(0).op() instanceof Op.ChannelAffine, g.toString());

    ModelWriter shared = new ModelWriter(13).input("x", FLOAT, 1, 2, 5, 5).output("y", FLOAT).output("c", FLOAT)
        .initializer("w", random(r, 3, 2, 1, 1)).node("Conv", List.of("x", "w"), List.of("c"));
    Graph kept = check(batchNorm(shared, "c", "y", 3), List.of(random(r, 1, 2, 5, 5)), "BN after a Conv output");
    assertEquals(2, kept.nodes().size(), kept.toString());
    assertTrue(kept.nodes().get(1).op() instanceof Op.ChannelAffine);
  }

  /**
   * An MNIST-shaped CNN as PyTorch exports it: symbolic batch, Conv-BN-Relu-MaxPool twice, a
   * flatten through Reshape with a constant shape, Gemm-Relu-Dropout-Gemm, LogSoftmax.
   */
  @Test
  void mnistShapedCnn_matchesOnnxRuntime() throws Exception {
    ModelWriter m = new ModelWriter(17).input("image", FLOAT, "N", 1, 28, 28).output("logits", FLOAT)
        .initializer("w1", scaled(random(r, 8, 1, 3, 3), 0.3f)).initializer("b1", random(r, 8))
        .node("Conv", List.of("image", "w1", "b1"), List.of("c1"), Attr.ints("pads", 1, 1, 1, 1));
    batchNorm(m, "c1", "n1", 8)
        .node("Relu", List.of("n1"), List.of("r1"))
        .node("MaxPool", List.of("r1"), List.of("p1"), Attr.ints("kernel_shape", 2, 2), Attr.ints("strides", 2, 2))
        .initializer("w2", scaled(random(r, 16, 8, 3, 3), 0.1f))
        .node("Conv", List.of("p1", "w2"), List.of("c2"));
    batchNorm(m, "c2", "n2", 16)
        .node("Relu", List.of("n2"), List.of("r2"))
        .node("MaxPool", List.of("r2"), List.of("p2"), Attr.ints("kernel_shape", 2, 2), Attr.ints("strides", 2, 2))
        .initializer("flat", longs(-1, 576)).node("Reshape", List.of("p2", "flat"), List.of("f"))
        .initializer("w3", scaled(random(r, 32, 576), 0.05f)).initializer("b3", random(r, 32))
        .node("Gemm", List.of("f", "w3", "b3"), List.of("g1"), Attr.i("transB", 1))
        .node("Relu", List.of("g1"), List.of("r3"))
        .node("Dropout", List.of("r3"), List.of("d3"))
        .initializer("w4", scaled(random(r, 10, 32), 0.2f)).initializer("b4", random(r, 10))
        .node("Gemm", List.of("d3", "w4", "b4"), List.of("g2"), Attr.i("transB", 1))
        .node("LogSoftmax", List.of("g2"), List.of("logits"), Attr.i("axis", 1));
    Graph g = check(m, List.of(random(r, 1, 1, 28, 28)), "MNIST-shaped CNN");
    assertEquals(Shape.of(1, 1, 28, 28), g.inputs().get(0).shape());
    assertEquals(List.of("Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Reshape", "Gemm", "Relu", "Gemm",
        "LogSoftmax"), g.nodes().stream().map(n -> n.op().onnxName()).toList());
    String summary = g.toString();
    assertTrue(summary.contains("Conv 3x3 pads [1, 1]+[1, 1]"), summary);
    assertTrue(summary.contains("[1, 16, 6, 6]"), summary);
    assertFalse(summary.contains("BatchNormalization"), summary);
  }

  private static Tensor scaled(Tensor t, float s) {
    float[] f = t.toFloatArray();
    for (int i = 0; i < f.length; i++) {
      f[i] *= s;
    }
    return Tensor.ofFloats(t.shape(), f);
  }
}
