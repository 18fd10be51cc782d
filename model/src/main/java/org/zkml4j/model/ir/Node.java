package org.zkml4j.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * One operation of a {@link Graph}: an {@link Op} applied to named values, producing one named value.
 *
 * @param name a label for messages (the ONNX node name, or one made from the op and position)
 * @param op what the node computes
 * @param inputs the names of the values it reads, in the order the op defines
 * @param output the name of the value it defines
 */
public record Node(String name, Op op, List<String> inputs, String output) {
  public Node {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(op, "op");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
  }

  /** Reads like {@code conv1: Conv(x, w, b) -> y}. */
  @Override
  public String toString() {
    return name + ": " + op.onnxName() + "(" + String.join(", ", inputs) + ") -> " + output;
  }
}
