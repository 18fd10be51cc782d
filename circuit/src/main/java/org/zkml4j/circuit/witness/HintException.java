package org.zkml4j.circuit.witness;

/** A {@link Hint} could not compute its outputs from the inputs it was given. */
public final class HintException extends Exception {
  private static final long serialVersionUID = 1L;

  public HintException(String message) {
    super(message);
  }
}
