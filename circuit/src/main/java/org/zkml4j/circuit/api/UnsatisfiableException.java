package org.zkml4j.circuit.api;

/**
 * A constraint between constants that can never hold, found while the circuit is built (such as
 * {@code assertEqual(constant(2), constant(3))}, or a range check of a constant that is out of
 * range). Raised at once instead of compiling a circuit no witness satisfies.
 */
public final class UnsatisfiableException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnsatisfiableException(String message) {
    super(message);
  }
}
