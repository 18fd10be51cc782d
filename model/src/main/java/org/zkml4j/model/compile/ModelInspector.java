package org.zkml4j.model.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.zkml4j.circuit.api.ConstraintReport;
import org.zkml4j.model.ir.GraphSummary;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.Parameter;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedLayer;
import org.zkml4j.model.quant.QuantizedTensor;

/**
 * The inspect report of a compiled model: per layer its operator, the shapes and scales of its
 * runtime inputs and of its output, the output's proven interval in bits, and the constraints it
 * costs; then the range checks of supplied values, the commitments and the total. What the
 * {@code inspect} command prints.
 */
public final class ModelInspector {
  private ModelInspector() {}

  /**
   * One layer of the report.
   *
   * @param layer the layer's name
   * @param op the operator and its settings, like {@code Conv 3x3 stride 2}
   * @param inputShapes the runtime inputs' shapes (parameters left out)
   * @param inputScales their scales
   * @param outputShape the output's shape
   * @param outputScale its scale
   * @param bits the signed bits of its proven interval
   * @param parameters the parameter elements the layer reads
   * @param constraints the constraints counted in its scope
   */
  public record Row(String layer, String op, List<Shape> inputShapes, List<Integer> inputScales, Shape outputShape,
      int outputScale, int bits, long parameters, long constraints) {
    public Row {
      inputShapes = List.copyOf(inputShapes);
      inputScales = List.copyOf(inputScales);
    }
  }

  /** The rows, one per layer, in order. */
  public static List<Row> rows(CompiledModel model) {
    QuantizedGraph g = model.graph();
    List<Row> rows = new ArrayList<>();
    for (QuantizedLayer l : g.layers()) {
      List<Shape> shapes = new ArrayList<>();
      List<Integer> scales = new ArrayList<>();
      long params = 0;
      for (String in : l.inputs()) {
        if (g.parameter(in).isPresent()) {
          params += g.parameter(in).map(Parameter::size).orElse(0);
        } else {
          shapes.add(g.tensor(in).shape());
          scales.add(g.tensor(in).scale());
        }
      }
      QuantizedTensor out = g.tensor(l.output());
      rows.add(new Row(l.name(), GraphSummary.describe(l.source()), shapes, scales, out.shape(), out.scale(),
          out.bits(), params, model.constraints(l.name())));
    }
    return rows;
  }

  /** The report as a text table. */
  public static String render(CompiledModel model) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(List.of("layer", "op", "inputs", "in scale", "output", "out scale", "bits", "params", "constraints"));
    for (Row r : rows(model)) {
      cells.add(List.of(r.layer(), r.op(), r.inputShapes().stream().map(Shape::toString).collect(Collectors.joining(" ")),
          r.inputScales().stream().map(String::valueOf).collect(Collectors.joining(" ")), r.outputShape().toString(),
          String.valueOf(r.outputScale()), String.valueOf(r.bits()), grouped(r.parameters()), grouped(r.constraints())));
    }
    ConstraintReport report = model.circuit().report();
    for (String scope : List.of(ModelCircuit.INPUTS_SCOPE, ModelCircuit.WEIGHTS_SCOPE, ModelCircuit.COMMITMENTS_SCOPE,
        ModelCircuit.PROBES_SCOPE)) {
      long n = report.constraints(scope);
      if (n > 0) {
        cells.add(List.of("(" + scope + ")", "", "", "", "", "", "", "", grouped(n)));
      }
    }
    cells.add(List.of("total", "", "", "", "", "", "", grouped(model.graph().parameters().stream()
        .mapToLong(Parameter::size).sum()), grouped(report.totalConstraints())));
    StringBuilder s = new StringBuilder();
    s.append("model '").append(model.graph().name()).append("' (").append(model.visibility()).append(", ")
        .append(model.graph().options().optimize()).append(")\n");
    model.graph().inputs().forEach(i -> s.append("input  ").append(i).append('\n'));
    table(s, cells);
    model.graph().outputs().forEach(o -> s.append("output ").append(o).append('\n'));
    s.append("public signals: ").append(String.join(", ", model.publicSignalNames())).append('\n');
    return s.toString();
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static void table(StringBuilder s, List<List<String>> rows) {
    int[] width = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < width.length; c++) {
        String cell = row.get(c);
        boolean number = c >= 5;
        String pad = " ".repeat(width[c] - cell.length());
        line.append(number ? pad + cell : cell + pad).append("  ");
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
