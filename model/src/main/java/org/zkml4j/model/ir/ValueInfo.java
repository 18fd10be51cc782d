package org.zkml4j.model.ir;

import java.util.Objects;

/** The name, element type and shape of a value of a {@link Graph}: an input, constant or node output. */
public record ValueInfo(String name, ElementType type, Shape shape) {
  public ValueInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(shape, "shape");
  }

  /** Reads like {@code x FLOAT[1, 3, 28, 28]}. */
  @Override
  public String toString() {
    return name + " " + type + shape;
  }
}
