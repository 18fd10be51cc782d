package org.zkml4j.server;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The proof requests: a bounded queue in front of one worker thread, and a table of jobs by id.
 *
 * <p>One proof at a time, because one proof already keeps every core busy: a second in parallel
 * would only make both slower and double the memory. A full queue refuses new requests (the
 * client is told when to retry) rather than letting work pile up without bound, and finished jobs
 * are dropped after {@code retention} or when more than {@code keepFinished} have piled up, so
 * memory stays bounded however long the server runs. A job that throws, even an
 * {@link OutOfMemoryError}, fails alone: the worker carries on with the next.
 */
final class ProofQueue implements AutoCloseable {
  private final int capacity;
  private final long retentionNanos;
  private final int keepFinished;
  private final Consumer<ProofJob> prover;
  private final ArrayDeque<ProofJob> waiting = new ArrayDeque<>();
  private final Map<String, ProofJob> jobs = new LinkedHashMap<>();
  private final Thread worker;
  private boolean closed;
  /** The last proof's duration, for the Retry-After estimate. */
  private volatile long lastJobNanos = TimeUnit.SECONDS.toNanos(5);

  /**
   * @param capacity how many requests may wait (the one being proven not counted)
   * @param prover runs one job to its end (succeed or fail); any exception it lets out fails the job
   */
  ProofQueue(int capacity, long retentionNanos, int keepFinished, Consumer<ProofJob> prover) {
    this.capacity = capacity;
    this.retentionNanos = retentionNanos;
    this.keepFinished = keepFinished;
    this.prover = prover;
    this.worker = Thread.ofPlatform().name("zkml4j-prover").daemon().start(this::work);
  }

  /**
   * Queues a request.
   *
   * @throws HttpError 429, with a Retry-After estimate, when {@code capacity} requests wait already
   */
  synchronized ProofJob submit(boolean commit, float[] pixels) throws HttpError {
    expire();
    if (closed) {
      throw new HttpError(503, "the server is shutting down");
    }
    if (waiting.size() >= capacity) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(lastJobNanos * (waiting.size() + 1)) + 1);
      throw new HttpError(429, "the proof queue is full (" + capacity + " waiting); retry in about " + seconds
          + " s", String.valueOf(seconds));
    }
    ProofJob job = new ProofJob(commit, pixels, waiting.size() + 1);
    waiting.addLast(job);
    jobs.put(job.id(), job);
    notifyAll();
    return job;
  }

  synchronized Optional<ProofJob> get(String id) {
    expire();
    return Optional.ofNullable(jobs.get(id));
  }

  /** How many requests wait (not counting the one being proven). */
  synchronized int waiting() {
    return waiting.size();
  }

  int capacity() {
    return capacity;
  }

  private void work() {
    while (true) {
      ProofJob job;
      synchronized (this) {
        while (waiting.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        job = waiting.removeFirst();
        int p = 1;
        for (ProofJob w : waiting) {
          w.queuedAt(p++);
        }
      }
      long start = System.nanoTime();
      try {
        job.progress("starting", 1);
        prover.accept(job);
      } catch (Throwable t) {
        job.fail("the proof failed inside the server: " + t);
      }
      if (job.state() != ProofJob.State.DONE && job.state() != ProofJob.State.FAILED) {
        job.fail("the proof ended without a result");
      }
      lastJobNanos = System.nanoTime() - start;
    }
  }

  /** Drops finished jobs older than the retention, then the oldest finished beyond keepFinished. */
  private void expire() {
    long now = System.nanoTime();
    int finished = 0;
    for (ProofJob j : jobs.values()) {
      finished += j.finishedNanos() != 0 ? 1 : 0;
    }
    for (Iterator<ProofJob> it = jobs.values().iterator(); it.hasNext(); ) {
      ProofJob j = it.next();
      long done = j.finishedNanos();
      if (done != 0 && (now - done > retentionNanos || finished > keepFinished)) {
        it.remove();
        finished--;
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (ProofJob j : waiting) {
      j.fail("the server shut down before this proof started");
    }
    waiting.clear();
    notifyAll();
    worker.interrupt();
  }
}
