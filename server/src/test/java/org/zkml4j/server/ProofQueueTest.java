package org.zkml4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The queue with a stand-in prover: the bound and the positions, one job at a time, a failing
 * job failing alone, and finished jobs expiring.
 */
class ProofQueueTest {
  private static final float[] IMAGE = new float[784];

  @Test
  void theBound_refusesWith429_positionsMoveUp_andOneJobRunsAtATime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    int[] running = {0, 0};
    try (ProofQueue q = new ProofQueue(2, TimeUnit.MINUTES.toNanos(1), 10, job -> {
      synchronized (running) {
        running[0]++;
        running[1] = Math.max(running[1], running[0]);
      }
      try {
        release.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      synchronized (running) {
        running[0]--;
      }
      job.succeed(Json.object());
    })) {
      ProofJob first = q.submit(false, IMAGE);
      await(() -> first.state() == ProofJob.State.RUNNING);
      ProofJob second = q.submit(false, IMAGE);
      ProofJob third = q.submit(true, IMAGE);
      assertEquals(1, second.position());
      assertEquals(2, third.position());
      HttpError full = assertThrows(HttpError.class, () -> q.submit(false, IMAGE));
      assertEquals(429, full.status());
      assertTrue(Integer.parseInt(full.retryAfterSeconds()) >= 1, full.retryAfterSeconds());
      var events = third.subscribe();
      release.countDown();
      await(() -> third.state() == ProofJob.State.DONE);
      assertEquals(1, running[1], "at most one job at a time");
      boolean sawPositionOne = false;
      for (var s : events) {
        sawPositionOne |= s.get("status").asText().equals("queued") && s.get("position").asInt() == 1;
      }
      assertTrue(sawPositionOne, "the third job was told it moved up: " + events);
      assertEquals("done", q.get(second.id()).orElseThrow().snapshot().get("status").asText());
    }
  }

  @Test
  void aJobThatThrows_failsAlone_andTheNextIsProven() throws Exception {
    try (ProofQueue q = new ProofQueue(4, TimeUnit.MINUTES.toNanos(1), 10, job -> {
      if (job.commit()) {
        throw new OutOfMemoryError("Java heap space");
      }
      job.succeed(Json.object().put("ok", true));
    })) {
      ProofJob bad = q.submit(true, IMAGE);
      ProofJob good = q.submit(false, IMAGE);
      await(() -> good.state() == ProofJob.State.DONE);
      assertEquals(ProofJob.State.FAILED, bad.state());
      assertTrue(bad.snapshot().get("error").asText().contains("Java heap space"), bad.snapshot().toString());
    }
  }

  @Test
  void finishedJobs_expire() throws Exception {
    try (ProofQueue q = new ProofQueue(4, 0, 10, job -> job.succeed(Json.object()))) {
      ProofJob job = q.submit(false, IMAGE);
      await(() -> job.state() == ProofJob.State.DONE);
      Thread.sleep(5);
      assertTrue(q.get(job.id()).isEmpty());
    }
    try (ProofQueue q = new ProofQueue(8, TimeUnit.MINUTES.toNanos(1), 2, job -> job.succeed(Json.object()))) {
      ProofJob[] jobs = new ProofJob[5];
      for (int i = 0; i < jobs.length; i++) {
        jobs[i] = q.submit(false, IMAGE);
      }
      await(() -> jobs[4].state() == ProofJob.State.DONE);
      assertTrue(q.get(jobs[0].id()).isEmpty(), "the oldest finished job is dropped beyond 2 kept");
      assertTrue(q.get(jobs[4].id()).isPresent());
    }
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out");
      Thread.sleep(5);
    }
  }
}
