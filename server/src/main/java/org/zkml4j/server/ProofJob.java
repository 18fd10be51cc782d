package org.zkml4j.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One proof request and what became of it. Its status ({@link #snapshot}) is what {@code GET
 * /api/proofs/{id}} answers and what each server-sent event carries: the state, the position in
 * the queue, the stage and an estimated percentage, then the result or the error.
 *
 * <p>Thread-safe: the worker updates it, request threads read it and subscribe to its changes.
 */
final class ProofJob {
  enum State { QUEUED, RUNNING, DONE, FAILED }

  private static final SecureRandom IDS = new SecureRandom();

  private final String id;
  private final boolean commit;
  private final float[] pixels;
  private final long submittedNanos = System.nanoTime();
  private final List<BlockingQueue<ObjectNode>> subscribers = new ArrayList<>();
  private State state = State.QUEUED;
  private int position;
  private String stage = "queued";
  private int percent;
  private ObjectNode result;
  private String error;
  private long finishedNanos;

  ProofJob(boolean commit, float[] pixels, int position) {
    byte[] b = new byte[12];
    IDS.nextBytes(b);
    this.id = HexFormat.of().formatHex(b);
    this.commit = commit;
    this.pixels = pixels;
    this.position = position;
  }

  String id() {
    return id;
  }

  boolean commit() {
    return commit;
  }

  float[] pixels() {
    return pixels;
  }

  long submittedNanos() {
    return submittedNanos;
  }

  synchronized State state() {
    return state;
  }

  synchronized int position() {
    return position;
  }

  /** When the job finished (System.nanoTime), or 0 while it has not. */
  synchronized long finishedNanos() {
    return finishedNanos;
  }

  synchronized void queuedAt(int newPosition) {
    if (state == State.QUEUED && newPosition != position) {
      position = newPosition;
      publish();
    }
  }

  synchronized void progress(String newStage, int newPercent) {
    if (state == State.QUEUED || state == State.RUNNING) {
      state = State.RUNNING;
      position = 0;
      stage = newStage;
      percent = Math.max(percent, Math.min(99, newPercent));
      publish();
    }
  }

  synchronized void succeed(ObjectNode proofResult) {
    state = State.DONE;
    stage = "done";
    percent = 100;
    result = proofResult;
    finishedNanos = System.nanoTime();
    publish();
  }

  synchronized void fail(String message) {
    state = State.FAILED;
    stage = "failed";
    error = message;
    finishedNanos = System.nanoTime();
    publish();
  }

  /** The status as JSON: {@code {id, status, position, stage, percent, commit, result | error}}. */
  synchronized ObjectNode snapshot() {
    ObjectNode s = Json.object();
    s.put("id", id);
    s.put("status", state.name().toLowerCase(Locale.ROOT));
    s.put("position", position);
    s.put("stage", stage);
    s.put("percent", percent);
    s.put("commit", commit);
    if (result != null) {
      s.set("result", result);
    }
    if (error != null) {
      s.put("error", error);
    }
    return s;
  }

  /** A queue that receives the current status now and after every change; the last one is final. */
  synchronized BlockingQueue<ObjectNode> subscribe() {
    BlockingQueue<ObjectNode> q = new LinkedBlockingQueue<>();
    q.add(snapshot());
    if (state == State.QUEUED || state == State.RUNNING) {
      subscribers.add(q);
    }
    return q;
  }

  synchronized void unsubscribe(BlockingQueue<ObjectNode> q) {
    subscribers.remove(q);
  }

  static boolean isFinal(ObjectNode status) {
    String s = status.path("status").asText();
    return s.equals("done") || s.equals("failed");
  }

  private void publish() {
    ObjectNode s = snapshot();
    subscribers.forEach(q -> q.add(s));
    if (state == State.DONE || state == State.FAILED) {
      subscribers.clear();
    }
  }
}
