package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.api.CompileOptions;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.quant.OpCases;
import org.zkml4j.model.quant.QuantizationException;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.Quantizer;
import org.zkml4j.model.quant.TestGraphs;

/**
 * The circuit computes {@code QuantizedGraph.evaluate()} exactly: for every operator case, weight
 * visibility and a few random inputs, each layer's values in the witness (read through probes)
 * equal the evaluated integers, the witness satisfies the R1CS, and the public outputs are the
 * evaluated outputs.
 */
class LayerWitnessTest {
  private static final int INPUTS = 3;

  @TestFactory
  Stream<DynamicTest> everyLayerOfTheWitnessEqualsEvaluate() throws GraphException {
    List<DynamicTest> tests = new ArrayList<>();
    for (OpCases.OpCase c : OpCases.all(23)) {
      for (Visibility.Weights w : List.of(Visibility.Weights.FIXED, Visibility.Weights.PRIVATE)) {
        tests.add(DynamicTest.dynamicTest(c.name() + " (weights " + w + ")", () -> check(c, w)));
      }
    }
    return tests.stream();
  }

  private static void check(OpCases.OpCase c, Visibility.Weights weights) throws Exception {
    Random rnd = new Random(c.name().hashCode() * 31L + weights.ordinal());
    QuantizedGraph q = quantize(c, rnd);
    Visibility v = new Visibility(Visibility.Exposure.PRIVATE, weights, Visibility.Exposure.PUBLIC);
    CompiledModel model = ModelCompiler.compile(q, v, CompileOptions.defaults(), true);
    for (List<Tensor> input : TestGraphs.samples(rnd, c.graph(), INPUTS, -1, 1)) {
      List<long[]> ints = q.quantize(input);
      Map<String, BigInteger[]> expected = q.evaluateAll(ints);
      LayerProbe probe = LayerProbe.run(model, model.assignment(ints));
      assertEquals(q.layers().size(), probe.layers());
      for (int i = 0; i < q.layers().size(); i++) {
        QuantizedLayer layer = q.layers().get(i);
        assertArrayEquals(LayerProbe.field(expected.get(layer.output())),
            probe.layer(i), c.name() + ": layer " + layer.name());
      }
      assertTrue(R1csChecker.isSatisfied(model.circuit().r1cs(), probe.witness()));
      for (int o = 0; o < q.outputs().size(); o++) {
        assertArrayEquals(q.evaluate(ints).get(o), model.outputValues(probe.witness(), o));
      }
    }
  }

  static QuantizedGraph quantize(OpCases.OpCase c, Random rnd) throws QuantizationException {
    return Quantizer.quantize(c.graph(), TestGraphs.calibration(rnd, c.graph(), 8, -1, 1),
        QuantizationOptions.accuracy());
  }
}
