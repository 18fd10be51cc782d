package org.zkml4j.circuit.api;

/**
 * A named region of a circuit under construction, opened by {@link Api#scope(String)} and closed
 * by {@link #close()} (use try-with-resources). Constraints and wires made while it is open are
 * counted under its path in the {@link ConstraintReport}, and witness errors name it.
 */
public interface Scope extends AutoCloseable {
  /** The slash-separated path of this scope, such as {@code "dense1/relu"}. */
  String path();

  /**
   * Closes the scope.
   *
   * @throws IllegalStateException if an inner scope is still open or this one is already closed
   */
  @Override
  void close();
}
