package org.zkml4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.zkml4j.api.ModelInput;
import org.zkml4j.api.ModelWitness;
import org.zkml4j.api.ProofBundle;
import org.zkml4j.api.Verdict;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.model.compile.TensorCommitment;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.quant.QuantizedGraph;

/**
 * Proves one job: witness, Groth16 proof, and the server's own verification, reporting each stage
 * to the job. The percentage while proving is an estimate from the previous proof's duration (the
 * prover reports no progress of its own); it never reaches 100 before the proof exists.
 */
final class ProofRunner implements Consumer<ProofJob>, AutoCloseable {
  private final ProofModels models;
  private final Consumer<String> log;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "zkml4j-progress");
    t.setDaemon(true);
    return t;
  });
  private volatile long lastProveNanos = TimeUnit.SECONDS.toNanos(3);

  /** @param log one line per finished proof, for the operator's terminal */
  ProofRunner(ProofModels models, Consumer<String> log) {
    this.models = models;
    this.log = log;
  }

  @Override
  public void accept(ProofJob job) {
    ProofModels.Variant v = models.get(job.commit());
    long start = System.nanoTime();
    long queued = start - job.submittedNanos();
    job.progress("computing the witness", 5);
    ModelWitness witness;
    try {
      witness = v.model().witness(ModelInput.of(job.pixels()));
    } catch (WitnessException e) {
      job.fail("the image does not fit the circuit: " + e.getMessage());
      return;
    }
    long witnessDone = System.nanoTime();
    job.progress("proving", 15);
    long estimate = lastProveNanos;
    ScheduledFuture<?> tick = ticker.scheduleAtFixedRate(() -> job.progress("proving",
        15 + (int) (80 * Math.min(1.0, (System.nanoTime() - witnessDone) / (double) estimate))),
        200, 200, TimeUnit.MILLISECONDS);
    ProofBundle proof;
    try {
      proof = v.model().prove(v.keys(), witness, Parallelism.shared());
    } finally {
      tick.cancel(false);
    }
    long proveDone = System.nanoTime();
    lastProveNanos = proveDone - witnessDone;
    job.progress("verifying", 97);
    Verdict verdict = v.model().check(v.keys().verifyingKey(), proof, Parallelism.shared());
    long verifyDone = System.nanoTime();

    ObjectNode r = Json.object();
    float[] scores = proof.outputs().get(0);
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      best = scores[i] > scores[best] ? i : best;
    }
    r.put("prediction", best);
    ArrayNode s = r.putArray("scores");
    for (float f : scores) {
      s.add(f);
    }
    r.put("commit", job.commit());
    r.set("proof", parse(ProofJson.toJson(proof.proof())));
    ArrayNode signals = r.putArray("publicSignals");
    proof.publicSignals().forEach(x -> signals.add(x.toString()));
    ObjectNode image = r.putObject("image").put("width", DigitImage.SIDE).put("height", DigitImage.SIDE);
    ArrayNode pixels = image.putArray("pixels");
    for (float p : job.pixels()) {
      pixels.add(Math.round(p * 255));
    }
    if (job.commit()) {
      QuantizedGraph graph = v.model().compiled().graph();
      long[] q = graph.quantize(0, Tensor.ofFloats(v.model().inputShapes().get(0), job.pixels()));
      BigInteger digest = TensorCommitment.of(q);
      BigInteger published = proof.publicSignals().get(v.publicSignals() - 1);
      if (!digest.equals(published)) {
        job.fail("internal error: the commitment of the quantized image is " + digest + " but the proof publishes "
            + published);
        return;
      }
      ObjectNode c = r.putObject("commitment");
      c.put("digest", digest.toString());
      c.put("publicSignal", v.publicSignals() - 1);
      c.put("scale", graph.inputs().get(0).scale());
      ArrayNode values = c.putArray("values");
      for (long x : q) {
        values.add(x);
      }
    }
    r.putObject("circuit").put("constraints", v.constraints()).put("publicSignals", v.publicSignals())
        .put("verificationKey", "/api/verification_key.json?commit=" + job.commit());
    r.putObject("java").put("valid", verdict.valid()).put("reason", verdict.reason())
        .put("ms", millis(verifyDone - proveDone));
    r.putObject("timings").put("queueMs", millis(queued)).put("witnessMs", millis(witnessDone - start))
        .put("proveMs", millis(proveDone - witnessDone)).put("verifyMs", millis(verifyDone - proveDone));
    job.succeed(r);
    log.accept(String.format(Locale.ROOT, "proof %s: predicted %d%s; witness %.2f s, proof %.2f s, Java check %s",
        job.id(), best, job.commit() ? ", image commitment published" : "", (witnessDone - start) / 1e9,
        (proveDone - witnessDone) / 1e9, verdict.valid() ? "valid" : "INVALID: " + verdict.reason()));
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e5) / 10.0;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
