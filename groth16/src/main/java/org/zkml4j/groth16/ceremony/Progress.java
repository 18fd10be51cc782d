package org.zkml4j.groth16.ceremony;

/**
 * Receives progress reports from long ceremony steps (contributions, phase-2 preparation,
 * verification, circuit setup), for example to print them on a terminal.
 *
 * <p>Calls come from the thread that runs the step, one stage after another; {@code done} grows
 * from 0 to {@code total} within a stage. Implementations should return quickly.
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
