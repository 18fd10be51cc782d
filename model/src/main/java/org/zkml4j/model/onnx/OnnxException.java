package org.zkml4j.model.onnx;

/**
 * An ONNX file that cannot be imported. The message names the file, the node or tensor, and what
 * was expected, so that it can be shown to a user as it is; {@link #kind()} says whose problem it
 * is.
 */
public final class OnnxException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a file was not imported. */
  public enum Kind {
    /** Not a well-formed ONNX protobuf: truncated, wrong wire types, invalid lengths. */
    MALFORMED,
    /** Well-formed, but the model is inconsistent: shapes that do not fit, undefined values. */
    INVALID,
    /** A valid model using something zkml4j does not import: an operator, attribute, type or external data. */
    UNSUPPORTED
  }

  private final Kind kind;
  private final String source;

  /**
   * @param source the file (or other source) at fault, prefixed to the message
   * @param message what is wrong and what was expected
   */
  public OnnxException(Kind kind, String source, String message) {
    super(source + ": " + message);
    this.kind = kind;
    this.source = source;
  }

  public Kind kind() {
    return kind;
  }

  /** The file or other source at fault, as it was named when read. */
  public String source() {
    return source;
  }
}
