package org.zkml4j.api;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A value worked out on first use and kept: what lets a model opened from its directory skip
 * the recompilation a verb does not need ({@code setup} needs the circuit, not the witness
 * generator). Thread-safe. A failure is rethrown unchecked, naming {@code what}; the work runs
 * again on the next call.
 */
final class Deferred<T> {
  /** The work, which may throw what reading and compiling throw. */
  interface Work<T> {
    T run() throws Exception;
  }

  private final String what;
  private Work<T> work;
  private T value;

  private Deferred(String what, Work<T> work, T value) {
    this.what = what;
    this.work = work;
    this.value = value;
  }

  static <T> Deferred<T> of(T value) {
    return new Deferred<>("", null, value);
  }

  /** @param what the value in words, for the message of a failure ("compiling lenet.onnx") */
  static <T> Deferred<T> of(String what, Work<T> work) {
    return new Deferred<>(what, work, null);
  }

  synchronized T get() {
    if (work != null) {
      try {
        value = work.run();
      } catch (RuntimeException e) {
        throw e;
      } catch (IOException e) {
        throw new UncheckedIOException(what + ": " + e.getMessage(), e);
      } catch (Exception e) {
        throw new IllegalStateException(what + ": " + e.getMessage(), e);
      }
      work = null;
    }
    return value;
  }

  /** Whether {@link #get} would return at once. */
  synchronized boolean isDone() {
    return work == null;
  }
}
