package org.zkml4j.model.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link GraphBuilder} checks, folds, renames and drops, and what the evaluator accepts. */
class GraphBuilderTest {
  private static final Shape V4 = Shape.of(1, 4);

  private static Tensor floats(Shape s, float... v) {
    return Tensor.ofFloats(s, v);
  }

  @Test
  void nodeWithOnlyConstantInputs_becomesAConstant() throws GraphException {
    Graph g = new GraphBuilder("g").input("x", ElementType.FLOAT, V4)
        .constant("a", floats(V4, 1, 2, 3, 4)).constant("b", floats(Shape.scalar(), 10))
        .node("sum", new Op.Add(), List.of("a", "b"), "c")
        .node("out", new Op.Mul(), List.of("x", "c"), "y").output("y").build();
    assertEquals(1, g.nodes().size());
    assertEquals(floats(V4, 11, 12, 13, 14), g.constants().get("c"));
    assertFalse(g.constants().containsKey("a"), "constants only used for folding are dropped");
    assertEquals(List.of(floats(V4, 11, 24, 39, 56)), new ReferenceEvaluator(g).run(floats(V4, 1, 2, 3, 4)));
  }

  @Test
  void aliasedOutput_getsItsDeclaredName() throws GraphException {
    Graph g = new GraphBuilder("g").input("x", ElementType.FLOAT, V4).node("r", new Op.Relu(), List.of("x"), "r")
        .alias("y", "r").output("y").build();
    assertEquals("y", g.outputs().get(0).name());
    assertEquals("y", g.nodes().get(0).output());
    Graph passThrough = new GraphBuilder("g").input("x", ElementType.FLOAT, V4).alias("y", "x").output("y").build();
    assertEquals("x", passThrough.outputs().get(0).name(), "an input keeps its own name");
  }

  @Test
  void nodesNoOutputNeeds_areDropped() throws GraphException {
    Graph g = new GraphBuilder("g").input("x", ElementType.FLOAT, V4).constant("w", floats(V4, 1, 1, 1, 1))
        .node("dead", new Op.Mul(), List.of("x", "w"), "unused").node("live", new Op.Relu(), List.of("x"), "y")
        .output("y").build();
    assertEquals(List.of("live"), g.nodes().stream().map(Node::name).toList());
    assertTrue(g.constants().isEmpty());
    assertEquals(1, g.inputs().size(), "inputs stay, used or not");
  }

  @Test
  void redefinitionAndUndefinedInputs_areRejected() throws GraphException {
    GraphBuilder b = new GraphBuilder("g").input("x", ElementType.FLOAT, V4);
    GraphException twice = assertThrows(GraphException.class, () -> b.input("x", ElementType.FLOAT, V4));
    assertTrue(twice.getMessage().contains("'x' is defined twice"));
    GraphException undefined = assertThrows(GraphException.class,
        () -> b.node("n", new Op.Relu(), List.of("nope"), "y"));
    assertTrue(undefined.getMessage().contains("node 'n' (Relu) reads 'nope'"), undefined.getMessage());
    assertThrows(GraphException.class, () -> new GraphBuilder("empty").input("x", ElementType.FLOAT, V4).build());
  }

  @Test
  void opOnTheWrongElementType_isUnsupported() throws GraphException {
    GraphBuilder b = new GraphBuilder("g").input("i", ElementType.INT64, V4);
    GraphException e = assertThrows(GraphException.class, () -> b.node("s", new Op.Sigmoid(), List.of("i"), "y"));
    assertTrue(e.unsupported(), e.getMessage());
  }

  /** The same per-channel affine, folded into the Conv and kept apart, computes the same values. */
  @Test
  void channelAffineAfterConv_foldsWithoutChangingResults() throws GraphException {
    java.util.Random r = new java.util.Random(5);
    Tensor w = random(r, 3, 2, 2, 2);
    Tensor bias = random(r, 3);
    Tensor scale = random(r, 3);
    Tensor shift = random(r, 3);
    Window win = new Window(List.of(2, 2), List.of(1, 1), List.of(1, 0), List.of(0, 1), List.of(1, 1), false);
    Shape xs = Shape.of(1, 2, 4, 4);
    Graph folded = conv(xs, w, bias, scale, shift, win, false);
    Graph kept = conv(xs, w, bias, scale, shift, win, true);
    assertEquals(1, folded.nodes().size(), folded.toString());
    assertEquals(2, kept.nodes().size(), kept.toString());
    Tensor x = random(r, 1, 2, 4, 4);
    Tensor a = new ReferenceEvaluator(folded).run(x).get(0);
    Tensor b = new ReferenceEvaluator(kept).run(x).get(1);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(b.getFloat(i), a.getFloat(i), 1e-5);
    }
  }

  private static Graph conv(Shape xs, Tensor w, Tensor bias, Tensor scale, Tensor shift, Window win,
      boolean exposeConv) throws GraphException {
    GraphBuilder b = new GraphBuilder("g").input("x", ElementType.FLOAT, xs).constant("w", w).constant("b", bias)
        .constant("s", scale).constant("t", shift)
        .node("conv", new Op.Conv(win, 1), List.of("x", "w", "b"), "c")
        .node("bn", new Op.ChannelAffine(), List.of("c", "s", "t"), "y");
    if (exposeConv) {
      b.output("c");
    }
    return b.output("y").build();
  }

  @Test
  void evaluator_rejectsInputsOfTheWrongShapeOrCount() throws GraphException {
    Graph g = new GraphBuilder("g").input("x", ElementType.FLOAT, V4).node("r", new Op.Relu(), List.of("x"), "y")
        .output("y").build();
    ReferenceEvaluator e = new ReferenceEvaluator(g);
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> e.run(floats(Shape.of(4), 1, 2, 3, 4)));
    assertTrue(shape.getMessage().contains("input 'x' must be FLOAT[1, 4]"), shape.getMessage());
    assertThrows(IllegalArgumentException.class, () -> e.run(List.of()));
    assertEquals(List.of("x", "y"), List.copyOf(e.runAll(List.of(floats(V4, -1, 2, -3, 4))).keySet()));
  }

  @Test
  void summary_listsEachNodeWithShapesParametersAndMacs() throws GraphException {
    Window win = new Window(List.of(3, 3), List.of(1, 1), List.of(0, 0), List.of(0, 0), List.of(1, 1), false);
    Graph g = new GraphBuilder("tiny").input("x", ElementType.FLOAT, Shape.of(1, 1, 5, 5))
        .constant("w", Tensor.ofFloats(Shape.of(2, 1, 3, 3), new float[18]))
        .constant("b", Tensor.ofFloats(Shape.of(2), new float[2]))
        .node("conv1", new Op.Conv(win, 1), List.of("x", "w", "b"), "c")
        .node("relu1", new Op.Relu(), List.of("c"), "y").output("y").build();
    String expected = """
        graph 'tiny': 2 nodes, 20 parameters, 162 MACs
        inputs:  x FLOAT[1, 1, 5, 5]
        #  node   op        inputs        output        params  MACs  extra
        0  conv1  Conv 3x3  [1, 1, 5, 5]  [1, 2, 3, 3]      20   162  conv1!
        1  relu1  Relu      [1, 2, 3, 3]  [1, 2, 3, 3]       0        relu1!
        outputs: y FLOAT[1, 2, 3, 3]
        """;
    assertEquals(expected, GraphSummary.render(g, List.of(new GraphSummary.Column("extra", n -> n.name() + "!"))));
  }

  private static Tensor random(java.util.Random r, int... dims) {
    Shape s = Shape.of(dims);
    float[] f = new float[s.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) r.nextGaussian();
    }
    return Tensor.ofFloats(s, f);
  }
}
