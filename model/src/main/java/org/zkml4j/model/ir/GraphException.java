package org.zkml4j.model.ir;

/**
 * A graph that cannot be built or evaluated: a shape mismatch, a value used before it is defined,
 * or a valid construct that zkml4j does not support ({@link #unsupported()}). The message names the
 * node or value and what was expected, so that it can be shown to a user as it is.
 */
public final class GraphException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean unsupported;

  private GraphException(String message, boolean unsupported) {
    super(message);
    this.unsupported = unsupported;
  }

  /** The graph is wrong: shapes or types do not fit, a name is undefined or defined twice. */
  public static GraphException invalid(String message) {
    return new GraphException(message, false);
  }

  /** The graph is valid, but uses something zkml4j does not support (yet). */
  public static GraphException unsupported(String message) {
    return new GraphException(message, true);
  }

  /** True when the graph is valid but uses something zkml4j does not support. */
  public boolean unsupported() {
    return unsupported;
  }
}
