package org.zkml4j.model.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Node;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.ReferenceEvaluator;
import org.zkml4j.model.ir.Tensor;

/**
 * Every operator's integer semantics against the float reference evaluator: on random inputs, each
 * dequantized output is within the {@link ErrorBudget} the scales allow of the float output, and an
 * ArgMax picks the float model's index whenever the float logits' margin exceeds twice their
 * error bound. Run in both presets.
 */
class OperatorFidelityTest {
  private static final int CALIBRATION = 16;
  private static final int CHECKS = 24;

  @TestFactory
  Stream<DynamicTest> dequantizedOutputsStayWithinTheScalesErrorBudget() throws GraphException {
    List<DynamicTest> tests = new ArrayList<>();
    for (QuantizationOptions options : List.of(QuantizationOptions.accuracy(), QuantizationOptions.size())) {
      for (OpCases.OpCase c : OpCases.all(11)) {
        tests.add(DynamicTest.dynamicTest(c.name() + " (" + options.optimize() + ")", () -> check(c, options)));
      }
    }
    return tests.stream();
  }

  private static void check(OpCases.OpCase c, QuantizationOptions options) throws QuantizationException {
    Random rnd = new Random(c.name().hashCode());
    List<List<Tensor>> calibration = TestGraphs.calibration(rnd, c.graph(), CALIBRATION, -1, 1);
    QuantizedGraph q = Quantizer.quantize(c.graph(), calibration, options);
    ErrorBudget budget = new ErrorBudget(q);
    ReferenceEvaluator reference = new ReferenceEvaluator(c.graph());
    List<List<Tensor>> inputs = new ArrayList<>(calibration);
    inputs.addAll(TestGraphs.samples(rnd, c.graph(), CHECKS - CALIBRATION, -1, 1));
    int decided = 0;
    for (List<Tensor> in : inputs) {
      Map<String, Tensor> floats = reference.runAll(in);
      List<long[]> ints = q.evaluate(q.quantize(in));
      for (int o = 0; o < q.outputs().size(); o++) {
        QuantizedTensor out = q.outputs().get(o);
        Tensor expected = floats.get(out.name());
        Tensor actual = q.dequantize(o, ints.get(o));
        if (expected.type() == ElementType.INT64) {
          decided += checkArgMax(c, q, budget, floats, out, expected, actual);
          continue;
        }
        double bound = budget.of(out.name());
        for (int i = 0; i < expected.size(); i++) {
          double e = expected.getFloat(i);
          double d = Math.abs(e - actual.getFloat(i));
          assertTrue(d <= bound + 1e-5 * (1 + Math.abs(e)), c.name() + ": output " + out.name() + "[" + i + "] is "
              + actual.getFloat(i) + ", float " + e + ", error " + d + " > budget " + bound + "\n" + q);
        }
      }
    }
    if (c.graph().outputs().get(0).type() == ElementType.INT64) {
      assertTrue(decided > 0, c.name() + ": no ArgMax had a clear enough margin to compare");
    }
  }

  /** Compares the indices where the float logits' top two differ by more than twice their error bound. */
  private static int checkArgMax(OpCases.OpCase c, QuantizedGraph q, ErrorBudget budget, Map<String, Tensor> floats,
      QuantizedTensor out, Tensor expected, Tensor actual) {
    Node argmax = c.graph().producer(out.name()).orElseThrow();
    String logitsName = argmax.inputs().get(0);
    Tensor logits = floats.get(logitsName);
    double e = budget.of(logitsName);
    Op.ArgMax op = (Op.ArgMax) argmax.op();
    int n = logits.shape().dim(op.axis());
    int inner = logits.shape().sizeOf(op.axis() + 1, logits.shape().rank());
    int decided = 0;
    for (int k = 0; k < expected.size(); k++) {
      int outer = k / inner;
      int i = k % inner;
      double best = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double v = logits.getFloat(outer * n * inner + j * inner + i);
        if (v > best) {
          second = best;
          best = v;
        } else if (v > second) {
          second = v;
        }
      }
      if (best - second > 2 * e + 1e-6) {
        assertEquals(expected.getLong(k), (long) actual.getFloat(k), c.name() + ": ArgMax " + k + " with margin "
            + (best - second) + " > 2 * " + e);
        decided++;
      }
    }
    return decided;
  }
}
