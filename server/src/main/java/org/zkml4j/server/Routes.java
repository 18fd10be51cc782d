package org.zkml4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zkml4j.api.BundledMnist;
import org.zkml4j.api.tools.NodeTools;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.VerificationResult;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Every path the server answers: the page's files, snarkjs's browser bundle, and the JSON API (see
 * the module's README). Errors a client can cause are answered {@code {"error": "..."}} with a
 * 4xx status; anything else with 500, and the server carries on.
 */
final class Routes implements HttpHandler {
  private static final String SNARKJS_BUNDLE = "snarkjs/build/snarkjs.min.js";
  private static final Pattern PROOF = Pattern.compile("/api/proofs/([0-9a-f]{1,64})(/events)?");
  private static final Pattern STATIC = Pattern.compile("/([a-z0-9-]+\\.(html|css|js|svg))");
  private static final long HEARTBEAT_SECONDS = 15;

  private final BundledMnist mnist;
  private final ProofModels models;
  private final ProofQueue queue;
  private final ChainVerifier chain;
  private final Optional<NodeTools> tools;

  Routes(BundledMnist mnist, ProofModels models, ProofQueue queue, ChainVerifier chain, Optional<NodeTools> tools) {
    this.mnist = mnist;
    this.models = models;
    this.queue = queue;
    this.chain = chain;
    this.tools = tools;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try {
        route(ex, ex.getRequestURI().getPath(), ex.getRequestMethod());
      } catch (HttpError e) {
        if (e.retryAfterSeconds() != null) {
          ex.getResponseHeaders().set("Retry-After", e.retryAfterSeconds());
        }
        Exchanges.json(ex, e.status(), Json.error(e.getMessage()));
      } catch (IOException e) {
        // the client went away; nothing to answer
      } catch (RuntimeException e) {
        Exchanges.json(ex, 500, Json.error("internal error: " + e));
      }
    }
  }

  private void route(HttpExchange ex, String path, String method) throws IOException, HttpError {
    Matcher proof = PROOF.matcher(path);
    switch (path) {
      case "/", "/index.html" -> {
        allow(method, "GET");
        staticFile(ex, "index.html");
      }
      case "/snarkjs.min.js" -> {
        allow(method, "GET");
        snarkjs(ex);
      }
      case "/api/info" -> {
        allow(method, "GET");
        Exchanges.json(ex, 200, info());
      }
      case "/api/digits" -> {
        allow(method, "GET");
        Exchanges.json(ex, 200, digits());
      }
      case "/api/verification_key.json" -> {
        allow(method, "GET");
        boolean commit = Exchanges.flag(Exchanges.query(ex), "commit");
        Exchanges.send(ex, 200, "application/json; charset=utf-8",
            models.get(commit).verificationKeyJson().getBytes(StandardCharsets.UTF_8));
      }
      case "/api/proofs" -> {
        allow(method, "POST");
        submit(ex);
      }
      case "/api/verify" -> {
        allow(method, "POST");
        Exchanges.json(ex, 200, verifyJava(SubmittedProof.parse(Exchanges.body(ex, ServerOptions.MAX_BODY_BYTES),
            models)));
      }
      case "/api/verify/chain" -> {
        allow(method, "POST");
        if (chain == null) {
          throw new HttpError(503, "on-chain verification is off (the server was started with --no-chain)");
        }
        SubmittedProof p = SubmittedProof.parse(Exchanges.body(ex, ServerOptions.MAX_BODY_BYTES), models);
        Exchanges.json(ex, 200, chain.verify(p.variant(), p.proof(), p.publicSignals()));
      }
      default -> {
        if (proof.matches()) {
          allow(method, "GET");
          ProofJob job = queue.get(proof.group(1)).orElseThrow(() -> new HttpError(404, "no proof request "
              + proof.group(1) + " (finished requests are kept for 15 minutes)"));
          if (proof.group(2) == null) {
            Exchanges.json(ex, 200, job.snapshot());
          } else {
            events(ex, job);
          }
        } else if (STATIC.matcher(path).matches() && Routes.class.getResource("web" + path) != null) {
          allow(method, "GET");
          staticFile(ex, path.substring(1));
        } else {
          throw new HttpError(404, "nothing at " + path + "; the page is at /, the API under /api (see the README)");
        }
      }
    }
  }

  private static void allow(String method, String allowed) throws HttpError {
    if (!method.equals(allowed)) {
      throw new HttpError(405, method + " is not allowed here; use " + allowed);
    }
  }

  private void submit(HttpExchange ex) throws IOException, HttpError {
    byte[] body = Exchanges.body(ex, ServerOptions.MAX_BODY_BYTES);
    String type = Exchanges.contentType(ex);
    byte[] image;
    boolean commit;
    if (type.startsWith("image/") || type.equals("application/octet-stream")) {
      image = body;
      commit = Exchanges.flag(Exchanges.query(ex), "commit");
    } else if (type.equals("application/json")) {
      JsonNode root;
      try {
        root = Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new HttpError(400, "the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
      }
      JsonNode data = root == null ? null : root.get("image");
      if (data == null || !data.isTextual()) {
        throw new HttpError(400, "expected {\"image\": \"data:image/png;base64,...\", \"commit\": false}");
      }
      JsonNode c = root.get("commit");
      if (c != null && !c.isBoolean() && !c.isNull()) {
        throw new HttpError(400, "\"commit\" must be true or false");
      }
      commit = c != null && c.asBoolean();
      String text = data.asText();
      if (text.startsWith("data:")) {
        int comma = text.indexOf(',');
        if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
          throw new HttpError(400, "\"image\" must be a base64 data URL: data:image/png;base64,...");
        }
        text = text.substring(comma + 1);
      }
      try {
        image = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "\"image\" is not valid base64: " + e.getMessage());
      }
      if (image.length == 0) {
        throw new HttpError(400, "\"image\" is empty");
      }
    } else {
      throw new HttpError(415, "unsupported Content-Type '" + type + "'; send image/png with the PNG as the body"
          + " (add ?commit=true for the commitment), or application/json {\"image\": \"data:image/png;base64,...\","
          + " \"commit\": false}");
    }
    float[] pixels = DigitImage.read(image);
    ProofJob job = queue.submit(commit, pixels);
    ObjectNode answer = Json.object().put("id", job.id()).put("position", job.position()).put("commit", commit)
        .put("status", "/api/proofs/" + job.id()).put("events", "/api/proofs/" + job.id() + "/events");
    ex.getResponseHeaders().set("Location", "/api/proofs/" + job.id());
    Exchanges.json(ex, 202, answer);
  }

  /** Server-sent events: the job's status now and after each change, until it is done or failed. */
  private static void events(HttpExchange ex, ProofJob job) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, 0);
    BlockingQueue<ObjectNode> updates = job.subscribe();
    try (OutputStream out = ex.getResponseBody()) {
      while (true) {
        ObjectNode s = updates.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        if (s == null) {
          out.write(": still working\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          continue;
        }
        out.write(("data: " + Json.MAPPER.writeValueAsString(s) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (ProofJob.isFinal(s)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      job.unsubscribe(updates);
    }
  }

  private ObjectNode verifyJava(SubmittedProof p) {
    long start = System.nanoTime();
    VerificationResult r = Groth16.verify(p.variant().keys().verifyingKey(), p.publicSignals(), p.proof(),
        Parallelism.shared());
    ObjectNode out = Json.object().put("valid", r.isValid()).put("reason", r.isValid() ? "valid" : r.message())
        .put("commit", p.variant().commit())
        .put("ms", Math.round((System.nanoTime() - start) / 1e5) / 10.0);
    if (r.isValid()) {
      float[] scores = p.variant().model().provenOutputs(p.publicSignals()).get(0);
      int best = 0;
      for (int i = 1; i < scores.length; i++) {
        best = scores[i] > scores[best] ? i : best;
      }
      out.put("prediction", best);
    }
    return out;
  }

  private ObjectNode info() {
    ObjectNode i = Json.object();
    i.put("model", BundledMnist.MODEL);
    ObjectNode circuits = i.putObject("circuits");
    for (boolean commit : new boolean[] {false, true}) {
      ProofModels.Variant v = models.get(commit);
      circuits.putObject(commit ? "commit" : "plain").put("constraints", v.constraints())
          .put("publicSignals", v.publicSignals()).put("verificationKey", "/api/verification_key.json?commit=" + commit);
    }
    i.set("chain", chain == null ? Json.object().put("enabled", false) : chain.status());
    i.put("snarkjs", tools.map(t -> Files.isRegularFile(t.resolve(SNARKJS_BUNDLE))).orElse(false));
    i.putObject("queue").put("capacity", queue.capacity()).put("waiting", queue.waiting());
    return i;
  }

  private ArrayNode digits() throws IOException {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (int d = 0; d <= 9; d++) {
      Path f = mnist.digit(d);
      if (Files.isRegularFile(f)) {
        out.addObject().put("label", d)
            .put("image", "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private void snarkjs(HttpExchange ex) throws IOException, HttpError {
    Path bundle = tools.map(t -> t.resolve(SNARKJS_BUNDLE)).orElse(null);
    if (bundle == null || !Files.isRegularFile(bundle)) {
      throw new HttpError(404, "snarkjs's browser bundle is not installed: " + NodeTools.howToInstall());
    }
    Exchanges.send(ex, 200, "text/javascript; charset=utf-8", Files.readAllBytes(bundle));
  }

  private static void staticFile(HttpExchange ex, String name) throws IOException, HttpError {
    try (InputStream in = Routes.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new HttpError(404, "nothing at /" + name);
      }
      String type = switch (name.substring(name.lastIndexOf('.') + 1)) {
        case "html" -> "text/html; charset=utf-8";
        case "css" -> "text/css; charset=utf-8";
        case "js" -> "text/javascript; charset=utf-8";
        case "svg" -> "image/svg+xml";
        default -> "application/octet-stream";
      };
      Exchanges.send(ex, 200, type, in.readAllBytes());
    }
  }
}
