package org.zkml4j.groth16.format;

import java.nio.file.Path;

/**
 * A file that does not follow its format: wrong magic or version, a missing, duplicated or
 * mis-sized section, a value out of range, a point off its curve, malformed JSON. The message
 * names the file, the section or field, and what was expected, so it can be shown to a user as
 * it is.
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
    this.file = String.valueOf(file);
  }

  /** The file at fault, as it was named when opened. */
  public String file() {
    return file;
  }
}
