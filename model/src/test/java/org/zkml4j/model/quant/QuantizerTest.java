package org.zkml4j.model.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/** The quantizer's choices (scales, folded divisions, rescale placement, bounds) and its errors. */
class QuantizerTest {
  private static QuantizedGraph quantize(String name) throws Exception {
    OpCases.OpCase c = OpCases.all(3).stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    return Quantizer.quantize(c.graph(), TestGraphs.calibration(new Random(1), c.graph(), 8, -1, 1),
        QuantizationOptions.accuracy());
  }

  @Test
  void averagePool2x2_isAWindowSumAtScalePlus2_otherDivisorsDivide() throws Exception {
    QuantizedGraph folded = quantize("avgpool 2x2 folded");
    QuantizedOp.AveragePool op = (QuantizedOp.AveragePool) folded.layers().get(0).op();
    assertEquals(2, op.foldedBits());
    assertEquals(folded.inputs().get(0).scale() + 2, folded.tensor("y").scale());
    assertEquals(4 * folded.inputs().get(0).min(), folded.tensor("y").min());
    QuantizedGraph divided = quantize("avgpool 3x3 pad 1 divided");
    assertEquals(-1, ((QuantizedOp.AveragePool) divided.layers().get(0).op()).foldedBits());
    assertEquals(divided.inputs().get(0).scale(), divided.tensor("y").scale());
  }

  @Test
  void powerOfTwoFactors_onlyChangeTheScale() throws Exception {
    QuantizedGraph q = quantize("div by 4 and mul by 0.5");
    int s = q.inputs().get(0).scale();
    for (QuantizedLayer l : q.layers()) {
      assertEquals(new QuantizedOp.Mul(0), l.op());
      Parameter factor = q.parameter(l.inputs().stream().filter(i -> q.parameter(i).isPresent()).findFirst()
          .orElseThrow()).orElseThrow();
      assertEquals(1, factor.values()[0], "a power of two becomes the integer 1 at a negative scale");
    }
    assertEquals(s + 2, q.tensor("d").scale(), "x / 4 at scale s + 2 has the integers of x at scale s");
    assertEquals(s + 3, q.tensor("y").scale());
  }

  @Test
  void batchNormalization_isFoldedIntoTheConv_andReluFollowsTheRescale() throws Exception {
    Graph g = TestGraphs.mnistArchitecture(new Random(4));
    QuantizedGraph q = Quantizer.quantize(g, TestGraphs.calibration(new Random(5), g, 4, 0, 1),
        QuantizationOptions.size());
    assertEquals(List.of("conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "dense", "argmax"),
        q.layers().stream().map(QuantizedLayer::name).toList());
    assertTrue(((QuantizedOp.Conv) q.layers().get(0).op()).shift() > 0, "the conv rescales to its activation scale");
    assertEquals(new QuantizedOp.Dense(0), q.layers().get(7).op(), "no rescale when only an ArgMax reads the logits");
    assertEquals(QuantizedTensor.Kind.INDEX, q.outputs().get(0).kind());
    assertEquals(new QuantizedTensor("image", Shape.of(1, 1, 28, 28), 5, 0, 63, QuantizedTensor.Kind.FIXED_POINT),
        q.inputs().get(0), "pixels in [0, 1] at 6 bits: scale 5, [0, 2^6)");
  }

  @Test
  void signedInput_getsASymmetricPowerOfTwoBound() throws Exception {
    QuantizedTensor in = quantize("leaky relu").inputs().get(0);
    assertEquals(6, in.scale(), "[-1, 1] spans 2: 2 * 2^6 <= 255");
    assertEquals(-128, in.min());
    assertEquals(127, in.max());
  }

  @Test
  void unsupportedForms_areNamedWithTheirNodeAndOp() throws Exception {
    Shape v = Shape.of(2, 2);
    Graph product = new GraphBuilder("g").input("a", ElementType.FLOAT, v).input("b", ElementType.FLOAT, v)
        .node("mm", new Op.MatMul(), List.of("a", "b"), "y").output("y").build();
    assertMessage(product, "node 'mm' (MatMul)", "two runtime tensors");
    Graph inner = new GraphBuilder("g").input("x", ElementType.FLOAT, v)
        .node("sm", new Op.Softmax(1), List.of("x"), "s").node("r", new Op.Relu(), List.of("s"), "y").output("y").build();
    assertMessage(inner, "node 'sm' (Softmax)", "only at the output");
    Graph divisor = new GraphBuilder("g").input("a", ElementType.FLOAT, v).input("b", ElementType.FLOAT, v)
        .node("div", new Op.Div(), List.of("a", "b"), "y").output("y").build();
    assertMessage(divisor, "node 'div' (Div)", "runtime value");
  }

  @Test
  void aBoundBeyond60Bits_isAWideOutput_readByEvaluateExact() throws Exception {
    Random r = new Random(6);
    Graph g = new GraphBuilder("wide").input("x", ElementType.FLOAT, Shape.of(1, 512))
        .constant("w", TestGraphs.random(r, Shape.of(512, 512), 1))
        .node("g1", new Op.Gemm(1, 1, false, true), List.of("x", "w"), "h")
        .node("m", new Op.Mul(), List.of("h", "h"), "y").output("y").build();
    QuantizationOptions wide = new QuantizationOptions(QuantizationOptions.Optimize.ACCURACY, 24, 24, 32, 40, 2, 1);
    QuantizedGraph q = Quantizer.quantize(g, TestGraphs.calibration(r, g, 2, -1, 1), wide);
    assertEquals(new QuantizedOp.Dense(0), q.layers().get(0).op(), "deferred: " + q);
    assertEquals(new QuantizedOp.Mul(0), q.layers().get(1).op(), "deferred: " + q);
    QuantizedTensor y = q.tensor("y");
    assertTrue(y.wide() && y.bits() <= IntegerBounds.WIDE_BITS, y.toString());
    long[] x = new long[512];
    Arrays.fill(x, q.inputs().get(0).max());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> q.evaluate(List.of(x)));
    assertTrue(e.getMessage().contains("evaluateExact"), e.getMessage());
    // the exact square of the exact dot product, computed here with BigInteger from the integer weights
    long[] w = q.parameters().get(0).values();
    BigInteger dot = BigInteger.ZERO;
    for (int i = 0; i < 512; i++) {
      dot = dot.add(BigInteger.valueOf(w[i]).multiply(BigInteger.valueOf(x[i])));
    }
    assertEquals(dot.multiply(dot), q.evaluateExact(List.of(x)).get(0)[0]);
  }

  @Test
  void anInputBeyondItsBound_isRejectedWithItsName() throws Exception {
    QuantizedGraph q = quantize("leaky relu");
    float[] x = new float[8];
    x[5] = 3f;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> q.quantize(0, Tensor.ofFloats(Shape.of(1, 8), x)));
    assertTrue(e.getMessage().startsWith("input 'x' element 5 = 3.0"), e.getMessage());
    long[] ints = new long[8];
    ints[2] = -129;
    assertThrows(IllegalArgumentException.class, () -> q.evaluate(List.of(ints)));
  }

  @Test
  void optionsOutOfRange_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> QuantizationOptions.accuracy().withBits(1, 8, 8));
    assertThrows(IllegalArgumentException.class, () -> new QuantizationOptions(QuantizationOptions.Optimize.SIZE,
        8, 8, 8, 16, 0.5, 1));
  }

  private static void assertMessage(Graph g, String... parts) {
    QuantizationException e = assertThrows(QuantizationException.class,
        () -> Quantizer.quantize(g, TestGraphs.calibration(new Random(2), g, 2, -1, 1), QuantizationOptions.size()));
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), e.getMessage());
    }
  }
}
