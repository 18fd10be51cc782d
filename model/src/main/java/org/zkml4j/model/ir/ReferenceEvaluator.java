package org.zkml4j.model.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Graph} in float32 (int64 for index values), node by node, in plain Java: the
 * executable statement of each op's meaning, which quantized evaluation and circuits are measured
 * against. Written to be clearly right first; the convolution and matrix kernels still keep their
 * inner loops on contiguous rows, so a small CNN takes milliseconds.
 *
 * <p>Reusable and thread-safe: it holds only the immutable graph.
 */
public final class ReferenceEvaluator {
  private final Graph graph;

  public ReferenceEvaluator(Graph graph) {
    this.graph = graph;
  }

  /**
   * Evaluates the graph.
   *
   * @param inputs one tensor per {@link Graph#inputs()}, in order, of the declared type and shape
   * @return one tensor per {@link Graph#outputs()}, in order
   * @throws IllegalArgumentException naming the input, if the inputs do not match the declaration
   */
  public List<Tensor> run(List<Tensor> inputs) {
    Map<String, Tensor> all = runAll(inputs);
    List<Tensor> out = new ArrayList<>();
    for (ValueInfo o : graph.outputs()) {
      out.add(all.containsKey(o.name()) ? all.get(o.name()) : graph.constants().get(o.name()));
    }
    return out;
  }

  /** Like {@link #run(List)} for inputs given one by one. */
  public List<Tensor> run(Tensor... inputs) {
    return run(List.of(inputs));
  }

  /**
   * Evaluates the graph and returns every runtime value: the inputs and each node's output, in
   * graph order (constants are in {@link Graph#constants()}). Calibration reads value ranges here.
   */
  public Map<String, Tensor> runAll(List<Tensor> inputs) {
    List<ValueInfo> declared = graph.inputs();
    if (inputs.size() != declared.size()) {
      throw new IllegalArgumentException("graph '" + graph.name() + "' takes " + declared.size() + " inputs "
          + declared + ", got " + inputs.size());
    }
    Map<String, Tensor> env = new HashMap<>(graph.constants());
    Map<String, Tensor> result = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      ValueInfo info = declared.get(i);
      Tensor t = inputs.get(i);
      if (t.type() != info.type() || !t.shape().equals(info.shape())) {
        throw new IllegalArgumentException("input '" + info.name() + "' must be " + info.type() + info.shape()
            + ", got " + t.type() + t.shape());
      }
      env.put(info.name(), t);
      result.put(info.name(), t);
    }
    List<Tensor> args = new ArrayList<>();
    for (Node node : graph.nodes()) {
      args.clear();
      for (String in : node.inputs()) {
        args.add(env.get(in));
      }
      Tensor value;
      try {
        value = Kernels.apply(node.op(), args, graph.infoOf(node.output()).shape());
      } catch (ArithmeticException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException("node '" + node.name() + "' (" + node.op().onnxName() + "): "
            + e.getMessage(), e);
      }
      env.put(node.output(), value);
      result.put(node.output(), value);
    }
    return result;
  }
}
