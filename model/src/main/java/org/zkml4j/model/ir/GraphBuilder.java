package org.zkml4j.model.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Graph} one definition at a time, in topological order, checking each node and
 * inferring its output's type and shape as it is added.
 *
 * <p>A node whose inputs are all constants is evaluated on the spot and its output becomes a
 * constant, so shape computations ({@code Shape -> Gather -> Concat -> Reshape}) vanish. An
 * {@link #alias} makes a name stand for an existing value (how {@code Identity} and
 * {@code Dropout} disappear). {@link #build()} then folds each {@link Op.ChannelAffine} into the
 * Conv or Gemm before it when that node's result has no other reader, and drops nodes and constants
 * that no output depends on.
 *
 * <p>Not thread-safe; {@link #build()} leaves the builder usable.
 */
public final class GraphBuilder {
  private final String name;
  private final List<ValueInfo> inputs = new ArrayList<>();
  private final Map<String, Tensor> constants = new LinkedHashMap<>();
  private final Map<String, ValueInfo> values = new LinkedHashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final List<String> outputs = new ArrayList<>();

  public GraphBuilder(String name) {
    this.name = name;
  }

  /** Declares a runtime input. */
  public GraphBuilder input(String value, ElementType type, Shape shape) throws GraphException {
    ValueInfo info = new ValueInfo(value, type, shape);
    define(info);
    inputs.add(info);
    return this;
  }

  /** Declares a constant (a weight, or any value known before run time). */
  public GraphBuilder constant(String value, Tensor tensor) throws GraphException {
    define(new ValueInfo(value, tensor.type(), tensor.shape()));
    constants.put(value, tensor);
    return this;
  }

  /** Makes {@code alias} another name for the already defined {@code value}. */
  public GraphBuilder alias(String alias, String value) throws GraphException {
    String target = resolve(value);
    if (!values.containsKey(target)) {
      throw GraphException.invalid("'" + alias + "' is defined as a copy of the undefined value '" + value + "'");
    }
    requireFresh(alias);
    aliases.put(alias, target);
    return this;
  }

  /**
   * Adds a node after checking its inputs and inferring its output, or, when every input is a
   * constant, evaluates it and defines its output as a constant.
   *
   * @throws GraphException naming the node, when an input is undefined, the output is already
   *     defined, or the inputs do not fit the op
   */
  public GraphBuilder node(String nodeName, Op op, List<String> nodeInputs, String output) throws GraphException {
    List<String> resolved = new ArrayList<>();
    List<ValueInfo> infos = new ArrayList<>();
    List<Tensor> known = new ArrayList<>();
    boolean allConstant = !nodeInputs.isEmpty();
    for (String in : nodeInputs) {
      String v = resolve(in);
      ValueInfo info = values.get(v);
      if (info == null) {
        throw GraphException.invalid("node '" + nodeName + "' (" + op.onnxName() + ") reads '" + in
            + "', which is not defined before it");
      }
      resolved.add(v);
      infos.add(info);
      known.add(constants.get(v));
      allConstant &= constants.containsKey(v);
    }
    if (values.containsKey(output) || aliases.containsKey(output)) {
      throw GraphException.invalid("node '" + nodeName + "' (" + op.onnxName() + ") defines '" + output
          + "', which is already defined");
    }
    ValueInfo info;
    try {
      info = ShapeInference.infer(nodeName, op, infos, known, output);
    } catch (IllegalArgumentException e) {
      throw GraphException.invalid("node '" + nodeName + "' (" + op.onnxName() + "): " + e.getMessage());
    }
    if (allConstant) {
      Tensor value;
      try {
        value = Kernels.apply(op, known, info.shape());
      } catch (RuntimeException e) {
        throw GraphException.invalid("node '" + nodeName + "' (" + op.onnxName() + ") has constant inputs that "
            + "cannot be evaluated: " + e.getMessage());
      }
      constants.put(output, value);
    } else {
      nodes.add(new Node(nodeName, op, resolved, output));
    }
    values.put(output, info);
    return this;
  }

  /** Declares a graph output, in order. */
  public GraphBuilder output(String value) throws GraphException {
    if (!values.containsKey(resolve(value))) {
      throw GraphException.invalid("graph output '" + value + "' is not defined by any input, constant or node");
    }
    outputs.add(value);
    return this;
  }

  /** The type and shape of a value defined so far (through an alias, the aliased value's info). */
  public Optional<ValueInfo> info(String value) {
    return Optional.ofNullable(values.get(resolve(value)));
  }

  /** The value of a constant defined so far (or folded from constant inputs). */
  public Optional<Tensor> constantValue(String value) {
    return Optional.ofNullable(constants.get(resolve(value)));
  }

  /** {@code base}, or {@code base_1}, {@code base_2}... whichever is not yet a name. */
  public String freshName(String base) {
    String candidate = base;
    for (int i = 1; values.containsKey(candidate) || aliases.containsKey(candidate); i++) {
      candidate = base + "_" + i;
    }
    return candidate;
  }

  /**
   * The graph: aliased outputs get their declared names where possible (a value that is also a
   * graph input keeps its own name), affine ops are folded and unused definitions dropped.
   *
   * @throws GraphException if no output was declared
   */
  public Graph build() throws GraphException {
    if (outputs.isEmpty()) {
      throw GraphException.invalid("graph '" + name + "' declares no output");
    }
    List<Node> ns = new ArrayList<>(nodes);
    Map<String, Tensor> cs = new LinkedHashMap<>(constants);
    Map<String, ValueInfo> vs = new LinkedHashMap<>(values);
    Set<String> inputNames = new HashSet<>();
    inputs.forEach(i -> inputNames.add(i.name()));
    Map<String, String> renamed = new HashMap<>();
    List<String> outNames = new ArrayList<>();
    for (String declared : outputs) {
      String v = resolve(declared);
      v = renamed.getOrDefault(v, v);
      if (!v.equals(declared) && !inputNames.contains(v) && !outputs.contains(v) && !outNames.contains(v)) {
        rename(v, declared, ns, cs, vs);
        renamed.put(v, declared);
        v = declared;
      }
      outNames.add(v);
    }
    AffineFolding.fold(ns, cs, vs, new HashSet<>(outNames));
    Set<String> live = new HashSet<>(outNames);
    List<Node> kept = new ArrayList<>();
    for (int i = ns.size() - 1; i >= 0; i--) {
      Node n = ns.get(i);
      if (live.contains(n.output())) {
        kept.add(0, n);
        live.addAll(n.inputs());
      }
    }
    cs.keySet().retainAll(live);
    vs.keySet().removeIf(v -> !live.contains(v) && !inputNames.contains(v));
    List<ValueInfo> outInfos = new ArrayList<>();
    for (String o : outNames) {
      outInfos.add(vs.get(o));
    }
    return new Graph(name, inputs, cs, kept, outInfos, vs);
  }

  private static void rename(String from, String to, List<Node> ns, Map<String, Tensor> cs,
      Map<String, ValueInfo> vs) {
    ns.replaceAll(n -> new Node(n.name(), n.op(),
        n.inputs().stream().map(i -> i.equals(from) ? to : i).toList(), n.output().equals(from) ? to : n.output()));
    if (cs.containsKey(from)) {
      cs.put(to, cs.remove(from));
    }
    ValueInfo info = vs.remove(from);
    vs.put(to, new ValueInfo(to, info.type(), info.shape()));
  }

  private String resolve(String value) {
    return aliases.getOrDefault(value, value);
  }

  private void define(ValueInfo info) throws GraphException {
    requireFresh(info.name());
    values.put(info.name(), info);
  }

  private void requireFresh(String value) throws GraphException {
    if (value.isEmpty()) {
      throw GraphException.invalid("a value of graph '" + name + "' has an empty name");
    }
    if (values.containsKey(value) || aliases.containsKey(value)) {
      throw GraphException.invalid("value '" + value + "' is defined twice");
    }
  }
}
