package org.zkml4j.circuit.witness;

import java.util.Objects;

/**
 * Witness generation failed. The message names the signal, hint or constraint, and the scope it
 * was built in; {@link #reason()} says which kind of failure it was.
 */
public final class WitnessException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The assignment does not fit the circuit: a missing, extra or wrongly sized input, or a missing hint. */
    INPUT,
    /** A hint failed or returned a non-canonical value. */
    HINT,
    /**
     * An assertion does not hold for these inputs (checked generation only): typically a value
     * outside the range the circuit was compiled for.
     */
    CONSTRAINT
  }

  private final Reason reason;

  public WitnessException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason);
  }

  public WitnessException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason);
  }

  public Reason reason() {
    return reason;
  }
}
