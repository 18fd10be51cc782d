package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.Witness;
import org.zkml4j.model.compile.Visibility.Exposure;
import org.zkml4j.model.compile.Visibility.Weights;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.Quantizer;
import org.zkml4j.model.quant.TestGraphs;

/**
 * circomlib-ml's ReLU MNIST architecture (Conv4 3x3 - BN - ReLU - AvgPool2 - Conv8 3x3 - BN - ReLU
 * - AvgPool2 - Dense10 - ArgMax on 28x28) with random weights: its constraint counts stay below
 * stated ceilings, far below circom's 2,045,276 for the same architecture. These are design facts
 * (the cost model of the compiler), not timings.
 */
class MnistArchitectureTest {
  /** circomlib-ml's mnist_latest_precision_test circuit: non-linear constraints reported by circom. */
  private static final long CIRCOM = 2_045_276;

  private static Graph graph;
  private static QuantizedGraph accuracy;

  @BeforeAll
  static void quantize() throws Exception {
    Random rnd = new Random(1);
    graph = TestGraphs.mnistArchitecture(rnd);
    accuracy = Quantizer.quantize(graph, TestGraphs.calibration(rnd, graph, 16, 0, 1), QuantizationOptions.accuracy());
  }

  @Test
  void fixedWeights_costAtMost90kConstraints_over20TimesFewerThanCircom() throws Exception {
    CompiledModel model = ModelCompiler.compile(accuracy, Visibility.defaults());
    long n = model.circuit().r1cs().numConstraints();
    assertTrue(n <= 90_000, "fixed weights: " + n + " constraints\n" + ModelInspector.render(model));
    assertTrue(20 * n < CIRCOM, n + " constraints");
    // the per-layer cost model: conv1 rescales 4*26*26 accumulators by k into q bits, the ReLU reuses their sign,
    // the pools fold into scales, the dense layer is a free linear combination (materialized once per neuron).
    QuantizedOp.Conv conv1 = (QuantizedOp.Conv) accuracy.layers().get(0).op();
    assertEquals(2704L * (conv1.shift() + accuracy.tensor("n1").bits()), model.constraints("conv1"));
    assertEquals(2704, model.constraints("relu1"));
    assertEquals(0, model.constraints("pool1"));
    assertEquals(0, model.constraints("pool2"));
    assertTrue(model.constraints("dense") <= 10);
    assertEquals(784L * 8, model.circuit().report().constraints("inputs"), "8-bit pixels");
    checkWitness(model);
  }

  @Test
  void privateWeights_costAtMost180kConstraints_over10TimesFewerThanCircom() throws Exception {
    CompiledModel model = ModelCompiler.compile(accuracy, new Visibility(Exposure.PRIVATE, Weights.PRIVATE,
        Exposure.PUBLIC));
    long n = model.circuit().r1cs().numConstraints();
    assertTrue(n <= 180_000, "private weights: " + n + " constraints\n" + ModelInspector.render(model));
    assertTrue(10 * n < CIRCOM, n + " constraints");
    long macs = 4 * 26 * 26 * 9 + 8 * 11 * 11 * 36 + 10 * 200;
    CompiledModel fixed = ModelCompiler.compile(accuracy, Visibility.defaults());
    long linear = model.constraints("conv1") + model.constraints("conv2") + model.constraints("dense")
        - fixed.constraints("conv1") - fixed.constraints("conv2") - fixed.constraints("dense");
    assertTrue(linear >= macs - 10 && linear <= macs, "one constraint per multiply-accumulate: " + linear);
    checkWitness(model);
  }

  @Test
  void sizePreset_isSmallerStill() throws Exception {
    Random rnd = new Random(2);
    QuantizedGraph size = Quantizer.quantize(graph, TestGraphs.calibration(rnd, graph, 16, 0, 1),
        QuantizationOptions.size());
    long fixed = ModelCompiler.compile(size, Visibility.defaults()).circuit().r1cs().numConstraints();
    long reference = ModelCompiler.compile(accuracy, Visibility.defaults()).circuit().r1cs().numConstraints();
    assertTrue(fixed <= 70_000 && fixed < reference, "SIZE " + fixed + " vs ACCURACY " + reference);
  }

  private static void checkWitness(CompiledModel model) throws Exception {
    Tensor image = TestGraphs.samples(new Random(3), graph, 1, 0, 1).get(0).get(0);
    Witness w = model.witness(image);
    assertArrayEquals(accuracy.evaluate(accuracy.quantize(List.of(image))).get(0), model.outputValues(w, 0));
  }
}
