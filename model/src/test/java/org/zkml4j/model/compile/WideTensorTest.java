package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.model.compile.Visibility.Exposure;
import org.zkml4j.model.compile.Visibility.Weights;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.onnx.OnnxImporter;
import org.zkml4j.model.quant.FidelityReport;
import org.zkml4j.model.quant.IntegerBounds;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.QuantizedTensor;
import org.zkml4j.model.quant.Quantizer;
import org.zkml4j.model.quant.TestGraphs;

/**
 * Deferred rescales (wide tensors): circomlib-ml's x^2 convnet compiles to about one constraint per
 * square plus the input checks, its quantized outputs follow the float model (the float reference
 * evaluator, an independent implementation), the witness satisfies the R1CS and reproduces every
 * layer of {@code evaluateAll()} including the wide ones, a cheating witness of a wide-to-narrow
 * rescale is rejected, and a bound that would pass {@link IntegerBounds#WIDE_BITS} forces a rescale.
 */
class WideTensorTest {
  private static final int DIGITS = 20;

  @Test
  void polyConvnet_compilesToFewConstraints_matchesTheFloatModel_andItsWitnessIsExact() throws Exception {
    Path dir = TrainedMnistTest.modelsFolder();
    Graph graph = OnnxImporter.read(dir.resolve("convnet-poly.onnx"));
    List<List<Tensor>> calibration = TrainedMnistTest.Digits.read(dir.resolve("calibration.json")).inputs();
    List<List<Tensor>> test = TrainedMnistTest.Digits.read(dir.resolve("test-subset.json")).inputs().subList(0, DIGITS);
    QuantizedGraph q = Quantizer.quantize(graph, calibration, QuantizationOptions.accuracy());
    assertTrue(q.layers().stream().anyMatch(l -> q.tensor(l.output()).wide()), "some tensor stays wide\n" + q);

    CompiledModel fixed = ModelCompiler.compile(q, Visibility.defaults());
    long n = fixed.circuit().r1cs().numConstraints();
    // 784 8-bit pixels (6,272), two constraints per square (2,704 + 968: its factor becomes a wire, then the
    // product); the logits are public unrescaled. Before deferred rescales this model cost 177,132.
    assertTrue(n < 15_000, n + " constraints\n" + ModelInspector.render(fixed));
    assertTrue(q.outputs().get(0).wide(), q.toString());

    // against the float model: logits within 2% of their range, and the same class on every digit
    FidelityReport fidelity = FidelityReport.measure(graph, q, test);
    FidelityReport.Output logits = fidelity.outputs().get(0);
    double range = 0;
    for (List<Tensor> digit : test) {
      float[] y = q.dequantize(0, q.evaluateExact(q.quantize(digit)).get(0)).toFloatArray();
      for (float v : y) {
        range = Math.max(range, Math.abs(v));
      }
    }
    assertTrue(logits.maxAbsError() <= 0.02 * range, fidelity.format() + " range " + range);
    assertEquals(1.0, logits.argmaxAgreement(), fidelity.format());

    List<long[]> x = q.quantize(test.get(0));
    checkWitness(fixed, q, x);
    CompiledModel secret = ModelCompiler.compile(q, new Visibility(Exposure.PRIVATE, Weights.PRIVATE, Exposure.PUBLIC));
    checkWitness(secret, q, x);
  }

  private static void checkWitness(CompiledModel model, QuantizedGraph q, List<long[]> x) throws Exception {
    Map<String, BigInteger[]> expected = q.evaluateAll(x);
    CompiledModel probed = ModelCompiler.compile(q, model.visibility(), CompileOptions.defaults(), true);
    LayerProbe probe = LayerProbe.run(probed, probed.assignment(x));
    for (int i = 0; i < q.layers().size(); i++) {
      QuantizedLayer layer = q.layers().get(i);
      assertArrayEquals(LayerProbe.field(expected.get(layer.output())), probe.layer(i), "layer " + layer.name());
    }
    var w = model.witness(x);
    assertTrue(R1csChecker.isSatisfied(model.circuit().r1cs(), w));
    assertArrayEquals(q.evaluateExact(x).get(0), model.outputIntegers(w, 0));
  }

  /** x -> x^2 -> x^4 -> x^8 -> x^16 (wide) -> x^17 (its accumulator wider still, rescaled to narrow) -> ReLU. */
  private static Graph powers() throws Exception {
    Shape s = Shape.of(1, 3);
    return new GraphBuilder("powers").input("x", ElementType.FLOAT, s)
        .node("m1", new Op.Mul(), List.of("x", "x"), "p1")
        .node("m2", new Op.Mul(), List.of("p1", "p1"), "p2")
        .node("m3", new Op.Mul(), List.of("p2", "p2"), "p3")
        .node("m4", new Op.Mul(), List.of("p3", "p3"), "p4")
        .node("m5", new Op.Mul(), List.of("p4", "x"), "p5")
        .node("relu", new Op.Relu(), List.of("p5"), "y").output("y").build();
  }

  @Test
  void wideToNarrowRescale_rejectsEveryCheatingWitness() throws Exception {
    Graph g = powers();
    Random rnd = new Random(21);
    QuantizedGraph q = Quantizer.quantize(g, TestGraphs.calibration(rnd, g, 8, -1, 1), QuantizationOptions.accuracy());
    assertTrue(q.tensor("p4").wide(), q.toString());
    QuantizedOp.Mul last = (QuantizedOp.Mul) q.layers().get(4).op();
    assertTrue(last.shift() > 62, "the rescale of a wide accumulator shifts by more than a long: " + q);
    assertTrue(!q.tensor("p5").wide());
    CompiledModel model = ModelCompiler.compile(q, Visibility.defaults());
    List<long[]> x = q.quantize(TestGraphs.samples(rnd, g, 1, -1, 1).get(0));
    checkWitness(model, q, x);
    Assignment a = model.assignment(x);
    // every hint output (quotient and remainder bits) and every wire changed, alone or recomputed onwards
    assertTrue(CircuitAssert.assertTamperingDetected(model.circuit(), a) > 0);
    // the wide accumulator's decomposition (the inputs' stay honest) spelling a shifted remainder (+-2: an offset of
    // -1 spells the same high bits when the value is odd, so it is not always a cheat), a shifted quotient (2^40
    // moves the quotient's bits), or the integer x + r: a quotient and remainder of a value that wrapped the field
    var honest = model.circuit().witnessGenerator().withHint(new WideDecomposition(BigInteger.ZERO)).generate(a);
    assertTrue(R1csChecker.isSatisfied(model.circuit().r1cs(), honest), "the hint spells honest bits with add = 0");
    for (BigInteger add : List.of(BigInteger.TWO, BigInteger.TWO.negate(), BigInteger.ONE.shiftLeft(40),
        Bn254.R_MODULUS)) {
      CircuitAssert.assertRejects(model.circuit(), a, new WideDecomposition(add));
    }
  }

  @Test
  void aBoundPastTheWideLimit_forcesAnEarlierRescale() throws Exception {
    GraphBuilder b = new GraphBuilder("tower").input("x", ElementType.FLOAT, Shape.of(1, 2));
    String prev = "x";
    for (int i = 0; i < 6; i++) {
      b.node("m" + i, new Op.Mul(), List.of(prev, prev), "p" + i);
      prev = "p" + i;
    }
    Graph g = b.node("sum", new Op.Add(), List.of(prev, prev), "y").output("y").build();
    Random rnd = new Random(4);
    QuantizedGraph q = Quantizer.quantize(g, TestGraphs.calibration(rnd, g, 8, -1, 1), QuantizationOptions.accuracy());
    int rescaled = 0;
    for (QuantizedLayer l : q.layers()) {
      QuantizedTensor t = q.tensor(l.output());
      assertTrue(t.bits() <= IntegerBounds.WIDE_BITS, t.toString());
      if (l.op() instanceof QuantizedOp.Mul m && m.shift() > 0) {
        rescaled++;
      }
    }
    // unrescaled, x^64 at 8 bits would need over 500 bits: some square must rescale, though all its readers are
    // polynomial; the nearest one to the overflow is chosen, so the squares before it stay unrescaled
    assertTrue(rescaled >= 1, q.toString());
    assertEquals(0, ((QuantizedOp.Mul) q.layers().get(0).op()).shift(), q.toString());
    assertTrue(q.layers().stream().anyMatch(l -> l.op() instanceof QuantizedOp.Mul m && m.shift() > 62), q.toString());
    List<long[]> x = q.quantize(TestGraphs.samples(rnd, g, 1, -1, 1).get(0));
    q.evaluateAll(x);
    checkWitness(ModelCompiler.compile(q, Visibility.defaults()), q, x);
  }

  /**
   * A decomposition hint that spells the integer x + add (not reduced mod r) for decompositions of
   * more than 64 bits, the rescales of wide accumulators, and x itself for the others.
   */
  private record WideDecomposition(BigInteger add) implements Hint {
    @Override
    public String id() {
      return "zkml4j.bits.decompose";
    }

    @Override
    public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
      BigInteger x = Bn254.FR.toBigInteger(inputs, 0);
      if (outputCount >= 64) {
        x = x.add(add);
        x = x.signum() < 0 ? x.add(Bn254.R_MODULUS) : x;
      }
      int first = Bn254.FR.toBigInteger(inputs, 4).intValueExact();
      for (int i = 0; i < outputCount; i++) {
        Bn254.FR.fromBigInteger(outputs, 4 * i, x.testBit(first + i) ? BigInteger.ONE : BigInteger.ZERO);
      }
    }
  }
}
