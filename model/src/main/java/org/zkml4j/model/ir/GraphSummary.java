package org.zkml4j.model.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A textual table of a {@link Graph}, one row per node: its op and settings, the shapes of its
 * runtime inputs and of its output, how many constant elements (weights) it reads, and its
 * multiply-accumulate count. Later stages add their own columns (scales, bit bounds, constraint
 * counts) through {@link Column}.
 */
public final class GraphSummary {
  private GraphSummary() {}

  /** An extra column: a header and the cell text of each node. */
  public record Column(String header, Function<Node, String> cell) {}

  /** The table with the standard columns. */
  public static String render(Graph graph) {
    return render(graph, List.of());
  }

  /** The table with the standard columns followed by {@code extra}. */
  public static String render(Graph graph, List<Column> extra) {
    List<String> headers = new ArrayList<>(List.of("#", "node", "op", "inputs", "output", "params", "MACs"));
    extra.forEach(c -> headers.add(c.header()));
    List<List<String>> rows = new ArrayList<>();
    int index = 0;
    for (Node node : graph.nodes()) {
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(index++));
      row.add(node.name());
      row.add(describe(node.op()));
      row.add(node.inputs().stream().filter(v -> graph.constant(v).isEmpty())
          .map(v -> graph.infoOf(v).shape().toString()).collect(Collectors.joining(" ")));
      row.add(graph.infoOf(node.output()).shape().toString());
      row.add(grouped(parameters(graph, node)));
      long macs = multiplyAccumulates(graph, node);
      row.add(macs == 0 ? "" : grouped(macs));
      extra.forEach(c -> row.add(c.cell().apply(node)));
      rows.add(row);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("graph '").append(graph.name()).append("': ").append(graph.nodes().size()).append(" nodes, ")
        .append(grouped(graph.parameterCount())).append(" parameters, ")
        .append(grouped(graph.nodes().stream().mapToLong(n -> multiplyAccumulates(graph, n)).sum()))
        .append(" MACs\n");
    sb.append("inputs:  ").append(graph.inputs().stream().map(ValueInfo::toString)
        .collect(Collectors.joining(", "))).append('\n');
    table(sb, headers, rows);
    sb.append("outputs: ").append(graph.outputs().stream().map(ValueInfo::toString)
        .collect(Collectors.joining(", "))).append('\n');
    return sb.toString();
  }

  /** The number of constant elements a node reads (weights, biases, slopes). */
  public static long parameters(Graph graph, Node node) {
    return node.inputs().stream().distinct().mapToLong(v -> graph.constant(v).map(Tensor::size).orElse(0)).sum();
  }

  /** The multiply-accumulates of a Conv, Gemm or MatMul node; 0 for other ops. */
  public static long multiplyAccumulates(Graph graph, Node node) {
    Shape out = graph.infoOf(node.output()).shape();
    Shape w = node.inputs().size() > 1 ? graph.infoOf(node.inputs().get(1)).shape() : null;
    return switch (node.op()) {
      case Op.Conv c -> (long) out.size() * w.sizeOf(1, w.rank());
      case Op.Gemm g -> (long) out.size() * (g.transB() ? w.dim(1) : w.dim(0));
      case Op.MatMul m -> {
        Shape a = graph.infoOf(node.inputs().get(0)).shape();
        yield (long) out.size() * a.dim(a.rank() - 1);
      }
      default -> 0;
    };
  }

  /** The op's name with its settings, like {@code Conv 3x3 stride 2 group 32}. */
  public static String describe(Op op) {
    String details = switch (op) {
      case Op.Conv c -> c.window() + (c.group() > 1 ? " group " + c.group() : "");
      case Op.Gemm g -> (g.alpha() != 1 ? "alpha " + g.alpha() + " " : "") + (g.beta() != 1 ? "beta " + g.beta() + " " : "")
          + (g.transA() ? "transA " : "") + (g.transB() ? "transB" : "");
      case Op.LeakyRelu r -> "alpha " + r.alpha();
      case Op.Clip c -> "[" + c.min() + ", " + c.max() + "]";
      case Op.MaxPool p -> p.window().toString();
      case Op.AveragePool p -> p.window() + (p.countIncludePad() ? " count_include_pad" : "");
      case Op.Flatten f -> "axis " + f.axis();
      case Op.Transpose t -> t.perm().toString();
      case Op.Squeeze s -> "axes " + s.axes();
      case Op.Unsqueeze u -> "axes " + u.axes();
      case Op.Concat c -> "axis " + c.axis();
      case Op.Pad p -> p.padsBegin() + "+" + p.padsEnd() + (p.value() != 0 ? " value " + p.value() : "");
      case Op.ChannelAffine a -> "(per-channel affine)";
      case Op.Softmax s -> "axis " + s.axis();
      case Op.LogSoftmax s -> "axis " + s.axis();
      case Op.ArgMax a -> "axis " + a.axis() + (a.keepDims() ? "" : " drop") + (a.selectLastIndex() ? " last" : "");
      case Op.Gather g -> "axis " + g.axis();
      default -> "";
    };
    return (op.onnxName() + " " + details).strip();
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static void table(StringBuilder sb, List<String> headers, List<List<String>> rows) {
    int[] width = new int[headers.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = headers.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    line(sb, headers, width);
    for (List<String> row : rows) {
      line(sb, row, width);
    }
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      boolean number = c == 0 || c == 5 || c == 6;
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      l.append(number ? pad + cell : cell + pad).append("  ");
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
