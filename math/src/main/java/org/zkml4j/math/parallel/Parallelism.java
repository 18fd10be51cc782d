package org.zkml4j.math.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The one executor that bulk arithmetic (MSM, NTT, proving) runs on, sized by a thread count.
 *
 * <p>Pass an instance to the methods that take one; {@link #shared()} is sized to the machine's
 * processors. Tasks are split into at most a few chunks per thread, so the overhead is small next
 * to the field arithmetic inside them.
 */
public final class Parallelism {
  private static final Parallelism SHARED = new Parallelism(Runtime.getRuntime().availableProcessors());

  private final int threads;
  private final ForkJoinPool pool;

  /** An executor with the given number of worker threads (1 runs everything on the caller). */
  public Parallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("thread count must be at least 1, was " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads, pool -> {
      var worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      worker.setDaemon(true);
      worker.setName("zkml4j-" + worker.getPoolIndex());
      return worker;
    }, null, false);
  }

  /** The executor sized to the machine's available processors. */
  public static Parallelism shared() {
    return SHARED;
  }

  public int threads() {
    return threads;
  }

  /** A range [from, to) of a loop. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int from, int to);
  }

  /**
   * Runs {@code task} over [0, n) split into contiguous ranges of at least {@code minChunk}
   * indices, in parallel, and returns when all are done. Exceptions propagate to the caller.
   */
  public void forRange(int n, int minChunk, RangeTask task) {
    int chunks = Math.min(threads * 4, Math.max(1, n / Math.max(1, minChunk)));
    if (pool == null || chunks <= 1) {
      task.run(0, n);
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      tasks.add(pool.submit(() -> task.run(from, to)));
    }
    for (ForkJoinTask<?> t : tasks) {
      t.join();
    }
  }

  /** Runs the given independent tasks in parallel and returns when all are done. */
  public void invokeAll(List<Runnable> work) {
    if (pool == null || work.size() <= 1) {
      work.forEach(Runnable::run);
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>(work.size());
    for (Runnable r : work) {
      tasks.add(pool.submit(r));
    }
    for (ForkJoinTask<?> t : tasks) {
      t.join();
    }
  }
}
