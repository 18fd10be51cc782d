package org.zkml4j.api;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.zkml4j.model.ir.Shape;

/**
 * A graph input as input files see it: its name and shape, and how to say its size in an error
 * message ("784 values (1x1x28x28)").
 */
record InputSpec(String name, Shape shape) {
  int size() {
    return shape.size();
  }

  /** Like {@code 784 values (1x1x28x28)}. */
  String describe() {
    String dims = Arrays.stream(shape.toArray()).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    return size() + " values (" + dims + ")";
  }
}
