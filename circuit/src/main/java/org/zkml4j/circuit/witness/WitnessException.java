package org.zkml4j.circuit.witness;

/**
 * Witness generation failed: an input is missing or malformed, a hint failed, or (for the checked
 * generator) a constraint does not hold for the given inputs, for instance because a value is
 * outside the range the circuit was compiled for. The message names the signal, hint or
 * constraint, and the scope it was built in.
 */
public final class WitnessException extends Exception {
  private static final long serialVersionUID = 1L;

  public WitnessException(String message) {
    super(message);
  }

  public WitnessException(String message, Throwable cause) {
    super(message, cause);
  }
}
