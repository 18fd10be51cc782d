package org.zkml4j.model.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A per-channel affine that follows something other than a Conv or Gemm stays a node of its own. */
class AffineFoldingTest {
  @Test
  void affineAfterRelu_isKept() throws GraphException {
    Shape x = Shape.of(1, 2, 2);
    Graph g = new GraphBuilder("g").input("x", ElementType.FLOAT, x)
        .constant("s", Tensor.ofFloats(Shape.of(2), 2, 3)).constant("t", Tensor.ofFloats(Shape.of(2), 1, -1))
        .node("relu", new Op.Relu(), List.of("x"), "r")
        .node("bn", new Op.ChannelAffine(), List.of("r", "s", "t"), "y").output("y").build();
    assertEquals(2, g.nodes().size());
    assertEquals(List.of(Tensor.ofFloats(x, 1, 5, -1, -1)),
        new ReferenceEvaluator(g).run(Tensor.ofFloats(x, -1, 2, 0, 0)));
  }
}
