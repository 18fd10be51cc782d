package org.zkml4j.server;

/**
 * A request the server refuses, with the HTTP status and a message for the client that says what
 * to change. Thrown by request parsing and caught by the router, which answers {@code {"error":
 * message}}.
 */
final class HttpError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String retryAfterSeconds;

  HttpError(int status, String message) {
    this(status, message, null);
  }

  HttpError(int status, String message, String retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  int status() {
    return status;
  }

  /** The Retry-After header's value, or null. */
  String retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
