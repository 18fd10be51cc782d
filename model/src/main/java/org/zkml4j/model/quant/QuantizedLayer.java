package org.zkml4j.model.quant;

import java.util.List;
import java.util.Objects;
import org.zkml4j.model.ir.Op;

/**
 * One layer of a {@link QuantizedGraph}: an integer {@link QuantizedOp} applied to named runtime
 * tensors and {@link Parameter}s, producing one tensor.
 *
 * @param name the float node's name (unique in the graph)
 * @param source the float op it implements, for reports
 * @param op what it computes on integers
 * @param inputs the names of its operands, in the order the op defines (tensors or parameters)
 * @param output the name of the tensor it defines
 */
public record QuantizedLayer(String name, Op source, QuantizedOp op, List<String> inputs, String output) {
  public QuantizedLayer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(op, "op");
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
  }

  /** Reads like {@code conv1: Conv(x, conv1.weight, conv1.bias) -> y}. */
  @Override
  public String toString() {
    return name + ": " + op.getClass().getSimpleName() + "(" + String.join(", ", inputs) + ") -> " + output;
  }
}
