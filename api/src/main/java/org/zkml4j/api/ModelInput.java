package org.zkml4j.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The real-number values a model is run on: one flat, row-major {@code float[]} per graph input,
 * in the graph's input order (for an MNIST model, 784 pixel intensities in [0, 1]).
 *
 * <p>A {@code ModelInput} does not know the model; {@link ZkModel} checks the sizes when it uses
 * one, and reads files into one with {@link ZkModel#readInput}. Immutable: the factories and the
 * accessor copy.
 */
public final class ModelInput {
  private final List<float[]> values;

  private ModelInput(List<float[]> values) {
    this.values = values;
  }

  /** An input for a model with one graph input. */
  public static ModelInput of(float... values) {
    return new ModelInput(List.of(values.clone()));
  }

  /**
   * An input for a model with several graph inputs.
   *
   * @param values one array per graph input, in the graph's order; at least one
   */
  public static ModelInput of(List<float[]> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a model input holds at least one tensor");
    }
    List<float[]> copy = new ArrayList<>();
    values.forEach(v -> copy.add(v.clone()));
    return new ModelInput(List.copyOf(copy));
  }

  /** The number of graph inputs this holds values for. */
  public int count() {
    return values.size();
  }

  /** The values of graph input {@code i} (a copy). */
  public float[] values(int i) {
    return values.get(i).clone();
  }

  /** The arrays themselves, for this package's readers and the model, which do not change them. */
  List<float[]> arrays() {
    return values;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ModelInput[");
    for (int i = 0; i < values.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(values.get(i).length).append(" values");
    }
    return s.append(']').toString();
  }
}
