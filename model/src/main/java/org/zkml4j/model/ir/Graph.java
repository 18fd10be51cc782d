package org.zkml4j.model.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable computation graph with static shapes: runtime inputs, constants (weights and other
 * folded values), nodes in topological order, and outputs. Every value has one definition and a
 * known {@link ValueInfo}. Made by {@link GraphBuilder} (directly, or by the ONNX importer), run by
 * {@link ReferenceEvaluator}, and summarized by {@link GraphSummary}.
 *
 * <p>Invariants that {@link GraphBuilder#build()} establishes: no node has only constant inputs
 * (those were evaluated), every node contributes to an output, and every constant is used.
 */
public final class Graph {
  private final String name;
  private final List<ValueInfo> inputs;
  private final Map<String, Tensor> constants;
  private final List<Node> nodes;
  private final List<ValueInfo> outputs;
  private final Map<String, ValueInfo> values;
  private final Map<String, Node> producers;
  private final Map<String, List<Node>> consumers;

  Graph(String name, List<ValueInfo> inputs, Map<String, Tensor> constants, List<Node> nodes,
      List<ValueInfo> outputs, Map<String, ValueInfo> values) {
    this.name = name;
    this.inputs = List.copyOf(inputs);
    this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    this.nodes = List.copyOf(nodes);
    this.outputs = List.copyOf(outputs);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Map<String, Node> producedBy = new HashMap<>();
    Map<String, List<Node>> usedBy = new HashMap<>();
    for (Node node : nodes) {
      producedBy.put(node.output(), node);
      for (String in : node.inputs()) {
        usedBy.computeIfAbsent(in, k -> new ArrayList<>()).add(node);
      }
    }
    this.producers = producedBy;
    usedBy.replaceAll((k, v) -> List.copyOf(v));
    this.consumers = usedBy;
  }

  public String name() {
    return name;
  }

  /** The runtime inputs, in the order a caller passes them. */
  public List<ValueInfo> inputs() {
    return inputs;
  }

  /** The constant values by name (weights, biases, folded values), in definition order. */
  public Map<String, Tensor> constants() {
    return constants;
  }

  /** The nodes in an order where every input is defined before it is used. */
  public List<Node> nodes() {
    return nodes;
  }

  /** The outputs, in the order they are returned. */
  public List<ValueInfo> outputs() {
    return outputs;
  }

  /** The type and shape of a value (input, constant or node output), if the graph defines it. */
  public Optional<ValueInfo> info(String value) {
    return Optional.ofNullable(values.get(value));
  }

  /** Like {@link #info} for a value known to exist. */
  ValueInfo infoOf(String value) {
    ValueInfo info = values.get(value);
    if (info == null) {
      throw new IllegalArgumentException("graph '" + name + "' has no value '" + value + "'");
    }
    return info;
  }

  /** The constant of this name, if the value is one. */
  public Optional<Tensor> constant(String value) {
    return Optional.ofNullable(constants.get(value));
  }

  /** The node that computes a value; empty for inputs and constants. */
  public Optional<Node> producer(String value) {
    return Optional.ofNullable(producers.get(value));
  }

  /** The nodes that read a value, in graph order. */
  public List<Node> consumers(String value) {
    return consumers.getOrDefault(value, List.of());
  }

  /** The total number of constant elements that nodes read: weights, biases and the like. */
  public long parameterCount() {
    long n = 0;
    for (Tensor t : constants.values()) {
      n += t.size();
    }
    return n;
  }

  /** The {@link GraphSummary} table. */
  @Override
  public String toString() {
    return GraphSummary.render(this);
  }
}
