package org.zkml4j.groth16.ceremony;

/**
 * Receives progress reports from long ceremony steps (contributions, phase-2 preparation,
 * verification, circuit setup), for example to print them on a terminal.
 *
 * <p>Stages follow one another; within a stage {@code done} grows from 0 to {@code total}. Calls
 * may come from any thread of the executor doing the work, but never two at once. Implementations
 * should return quickly.
 */
@FunctionalInterface
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (stage, done, total) -> {};

  /**
   * @param stage what is being done, e.g. "tauG1: applying the key"
   * @param done units finished in this stage
   * @param total units in this stage
   */
  void update(String stage, long done, long total);
}
