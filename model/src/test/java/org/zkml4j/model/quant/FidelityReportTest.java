package org.zkml4j.model.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.ReferenceEvaluator;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;

/** What the fidelity report measures, on graphs whose errors are known. */
class FidelityReportTest {
  @Test
  void exactlyRepresentableValues_haveNoError() throws Exception {
    Graph g = new GraphBuilder("relu").input("x", ElementType.FLOAT, Shape.of(2, 3))
        .node("relu", new Op.Relu(), List.of("x"), "y").output("y").build();
    List<List<Tensor>> samples = List.of(List.of(Tensor.ofFloats(Shape.of(2, 3), -1, 0.5f, 0.25f, 1, -0.75f, 0)),
        List.of(Tensor.ofFloats(Shape.of(2, 3), 0.125f, -0.5f, 1, 0.5f, 0.25f, -1)));
    QuantizedGraph q = Quantizer.quantize(g, samples, QuantizationOptions.accuracy());
    FidelityReport r = FidelityReport.measure(g, q, samples);
    assertEquals(new FidelityReport.Output("y", 0, 0, 1), r.outputs().get(0));
    assertEquals(2, r.samples());
  }

  @Test
  void errorsAndArgmaxAgreement_matchADirectComparison() throws Exception {
    Random rnd = new Random(12);
    Graph g = new GraphBuilder("dense").input("x", ElementType.FLOAT, Shape.of(1, 8))
        .constant("w", TestGraphs.random(rnd, Shape.of(3, 8), 1))
        .node("gemm", new Op.Gemm(1, 1, false, true), List.of("x", "w"), "y").output("y").build();
    List<List<Tensor>> samples = TestGraphs.calibration(rnd, g, 40, -1, 1);
    QuantizedGraph q = Quantizer.quantize(g, samples, QuantizationOptions.size());
    FidelityReport r = FidelityReport.measure(g, q, samples);
    double max = 0;
    double sum = 0;
    int agree = 0;
    for (List<Tensor> s : samples) {
      float[] f = new ReferenceEvaluator(g).run(s).get(0).toFloatArray();
      long[] ints = q.evaluate(q.quantize(s)).get(0);
      int bf = 0;
      int bq = 0;
      for (int i = 0; i < 3; i++) {
        double d = Math.abs(f[i] - ints[i] / Math.pow(2, q.outputs().get(0).scale()));
        max = Math.max(max, d);
        sum += d;
        bf = f[i] > f[bf] ? i : bf;
        bq = ints[i] > ints[bq] ? i : bq;
      }
      agree += bf == bq ? 1 : 0;
    }
    FidelityReport.Output o = r.outputs().get(0);
    assertEquals(max, o.maxAbsError(), 1e-6);
    assertEquals(sum / (3 * samples.size()), o.meanAbsError(), 1e-6);
    assertEquals(agree / (double) samples.size(), o.argmaxAgreement(), 1e-12);
    assertTrue(o.maxAbsError() > 0 && o.maxAbsError() <= new ErrorBudget(q).of("y") + 1e-5);
    assertTrue(r.format().startsWith("y: max |error| "), r.format());
  }
}
