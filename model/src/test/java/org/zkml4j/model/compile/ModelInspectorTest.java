package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.compile.Visibility.Exposure;
import org.zkml4j.model.compile.Visibility.Weights;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.Quantizer;
import org.zkml4j.model.quant.TestGraphs;

/** The inspect report lists every layer with its shapes, scales, bits and constraints, which add up to the total. */
class ModelInspectorTest {
  @Test
  void rowsDescribeEachLayer_andTheirConstraintsAddUpToTheTotal() throws Exception {
    Random rnd = new Random(8);
    Graph g = TestGraphs.mnistArchitecture(rnd);
    QuantizedGraph q = Quantizer.quantize(g, TestGraphs.calibration(rnd, g, 4, 0, 1), QuantizationOptions.size());
    CompiledModel model = ModelCompiler.compile(q, new Visibility(Exposure.PRIVATE, Weights.PRIVATE, Exposure.PUBLIC));
    List<ModelInspector.Row> rows = ModelInspector.rows(model);
    assertEquals(q.layers().size(), rows.size());
    ModelInspector.Row conv1 = rows.get(0);
    assertEquals("conv1", conv1.layer());
    assertEquals("Conv 3x3", conv1.op());
    assertEquals(List.of(Shape.of(1, 1, 28, 28)), conv1.inputShapes());
    assertEquals(List.of(q.inputs().get(0).scale()), conv1.inputScales());
    assertEquals(Shape.of(1, 4, 26, 26), conv1.outputShape());
    assertEquals(q.tensor("n1").scale(), conv1.outputScale());
    assertEquals(q.tensor("n1").bits(), conv1.bits());
    assertEquals(36 + 4, conv1.parameters());
    assertEquals(0, rows.get(2).constraints(), "the 2x2 average pool is folded into the scale");
    long layers = rows.stream().mapToLong(ModelInspector.Row::constraints).sum();
    var report = model.circuit().report();
    assertEquals(report.totalConstraints(), layers + report.constraints("inputs") + report.constraints("weights"));
    String text = ModelInspector.render(model);
    for (String part : List.of("conv1", "AveragePool 2x2 stride 2", "(weights)", "total", "public signals: digit")) {
      assertTrue(text.contains(part), text);
    }
  }
}
