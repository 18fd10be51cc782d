package org.zkml4j.model.ir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds a per-channel affine ({@code x * a[c] + b[c]}, an inference BatchNormalization) into the
 * Conv or Gemm that computes {@code x}, so that the layer costs nothing extra: Conv's filter
 * {@code m} is scaled by {@code a[m]} and its bias becomes {@code bias[m] * a[m] + b[m]}; Gemm's
 * output column {@code j} scales {@code B} by {@code a[j]}, and {@code C} becomes
 * {@code beta * C * a[j] + b[j]} with {@code beta = 1}.
 *
 * <p>Only when it is exact to fold: the weights, bias, scale and shift are constants, and {@code x}
 * is read by the affine alone and is not a graph output. The folded values are computed in double
 * and rounded once to float.
 */
final class AffineFolding {
  private AffineFolding() {}

  static void fold(List<Node> nodes, Map<String, Tensor> constants, Map<String, ValueInfo> values,
      Set<String> outputs) {
    Map<String, Integer> uses = new HashMap<>();
    Map<String, Integer> producer = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (String in : nodes.get(i).inputs()) {
        uses.merge(in, 1, Integer::sum);
      }
      producer.put(nodes.get(i).output(), i);
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node affine = nodes.get(i);
      if (affine == null || !(affine.op() instanceof Op.ChannelAffine)) {
        continue;
      }
      String x = affine.inputs().get(0);
      Tensor a = constants.get(affine.inputs().get(1));
      Tensor b = constants.get(affine.inputs().get(2));
      Integer j = producer.get(x);
      if (a == null || b == null || j == null || uses.get(x) != 1 || outputs.contains(x)) {
        continue;
      }
      Node layer = nodes.get(j);
      if (!(layer.op() instanceof Op.Conv || layer.op() instanceof Op.Gemm)) {
        continue; // only a Conv or Gemm has weights to fold into
      }
      List<String> in = layer.inputs();
      Tensor w = constants.get(in.get(1));
      Tensor bias = in.size() > 2 ? constants.get(in.get(2)) : null;
      if (w == null || (in.size() > 2 && bias == null)) {
        continue;
      }
      Node folded = switch (layer.op()) {
        case Op.Conv conv -> foldConv(layer, w, bias, a, b, affine.output(), constants, values);
        case Op.Gemm gemm -> foldGemm(layer, gemm, w, bias, a, b, affine.output(), constants, values);
        default -> null;
      };
      if (folded != null) {
        nodes.set(j, folded);
        nodes.set(i, null);
        values.remove(x);
        producer.put(affine.output(), j);
      }
    }
    nodes.removeIf(Objects::isNull);
  }

  private static Node foldConv(Node conv, Tensor w, Tensor bias, Tensor a, Tensor b, String output,
      Map<String, Tensor> constants, Map<String, ValueInfo> values) {
    int m = w.shape().dim(0);
    int per = w.size() / Math.max(1, m);
    float[] ws = w.floatData();
    float[] scaled = new float[ws.length];
    float[] newBias = new float[m];
    for (int oc = 0; oc < m; oc++) {
      double s = a.floatData()[oc];
      for (int k = oc * per; k < (oc + 1) * per; k++) {
        scaled[k] = (float) (ws[k] * s);
      }
      double old = bias == null ? 0 : bias.floatData()[oc];
      newBias[oc] = (float) (old * s + b.floatData()[oc]);
    }
    String wName = add(conv.inputs().get(1) + "_bn", Tensor.wrap(w.shape(), scaled), constants, values);
    String bName = add(conv.name() + "_bias_bn", Tensor.wrap(Shape.of(m), newBias), constants, values);
    return new Node(conv.name(), conv.op(), List.of(conv.inputs().get(0), wName, bName), output);
  }

  private static Node foldGemm(Node node, Op.Gemm gemm, Tensor w, Tensor c, Tensor a, Tensor b, String output,
      Map<String, Tensor> constants, Map<String, ValueInfo> values) {
    int rows = w.shape().dim(0);
    int cols = w.shape().dim(1);
    int n = gemm.transB() ? rows : cols;
    float[] ws = w.floatData();
    float[] scaled = new float[ws.length];
    for (int r = 0; r < rows; r++) {
      for (int col = 0; col < cols; col++) {
        scaled[r * cols + col] = (float) ((double) ws[r * cols + col] * a.floatData()[gemm.transB() ? r : col]);
      }
    }
    int cRows = c != null && c.shape().rank() == 2 ? c.shape().dim(0) : 1;
    Shape cShape = cRows == 1 ? Shape.of(n) : Shape.of(cRows, n);
    float[] newC = new float[cRows * n];
    for (int i = 0; i < cRows; i++) {
      for (int j = 0; j < n; j++) {
        double old = c == null ? 0 : (double) gemm.beta() * c.floatData()[cIndex(c.shape(), i, j)];
        newC[i * n + j] = (float) (old * a.floatData()[j] + b.floatData()[j]);
      }
    }
    String wName = add(node.inputs().get(1) + "_bn", Tensor.wrap(w.shape(), scaled), constants, values);
    String cName = add(node.name() + "_bias_bn", Tensor.wrap(cShape, newC), constants, values);
    Op.Gemm op = new Op.Gemm(gemm.alpha(), 1f, gemm.transA(), gemm.transB());
    return new Node(node.name(), op, List.of(node.inputs().get(0), wName, cName), output);
  }

  /** Index into Gemm's C (rank 0, 1 or 2, broadcast to [M, N]) for element (i, j). */
  private static int cIndex(Shape c, int i, int j) {
    int col = c.rank() >= 1 && c.dim(c.rank() - 1) != 1 ? j : 0;
    int row = c.rank() == 2 && c.dim(0) != 1 ? i : 0;
    return row * (c.rank() >= 1 ? c.dim(c.rank() - 1) : 1) + col;
  }

  private static String add(String base, Tensor t, Map<String, Tensor> constants, Map<String, ValueInfo> values) {
    String name = base;
    for (int i = 1; values.containsKey(name); i++) {
      name = base + "_" + i;
    }
    constants.put(name, t);
    values.put(name, new ValueInfo(name, t.type(), t.shape()));
    return name;
  }
}
