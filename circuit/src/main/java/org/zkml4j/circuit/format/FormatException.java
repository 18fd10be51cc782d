package org.zkml4j.circuit.format;

import java.nio.file.Path;

/**
 * A file that does not follow its format: wrong magic or version, a missing, duplicated or
 * mis-sized section, a value out of range. The message names the file, the section and what was
 * expected, so that it can be shown to a user as it is.
 */
public final class FormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;

  /** @param message what is wrong and what was expected; the file name is prefixed to it */
  public FormatException(Path file, String message) {
    this(file, message, null);
  }

  public FormatException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file.toString();
  }

  /** The file at fault, as it was named when opened. */
  public String file() {
    return file;
  }
}
