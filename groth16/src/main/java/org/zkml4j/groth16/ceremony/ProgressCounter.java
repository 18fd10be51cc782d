package org.zkml4j.groth16.ceremony;

/**
 * Counts finished units of one stage across worker threads and forwards the count to a
 * {@link Progress}, one call at a time, at most about a hundred times per stage.
 */
final class ProgressCounter {
  private final Progress progress;
  private final String stage;
  private final long total;
  private final long step;
  private long done;
  private long reported;

  ProgressCounter(Progress progress, String stage, long total) {
    this.progress = progress;
    this.stage = stage;
    this.total = total;
    this.step = Math.max(1, total / 100);
    progress.update(stage, 0, total);
  }

  synchronized void add(long units) {
    done += units;
    if (done - reported >= step || done == total) {
      reported = done;
      progress.update(stage, done, total);
    }
  }
}
