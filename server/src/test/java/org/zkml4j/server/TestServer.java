package org.zkml4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.zkml4j.groth16.ceremony.Progress;

/**
 * One demo server for every test class of the module (started on first use, stopped when the JVM
 * exits): setting up its two circuits costs minutes the first time, so it uses the setup cache the
 * whole suite shares (the system property {@code zkml4j.testCache}, set by the root pom), and a
 * queue of 2 so that the queue bound is reachable.
 */
final class TestServer {
  static final int QUEUE = 2;
  private static DemoServer server;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private TestServer() {}

  static synchronized DemoServer get() throws Exception {
    if (server == null) {
      Path cache = Path.of(System.getProperty("zkml4j.testCache", "target/test-cache")).toAbsolutePath();
      server = DemoServer.start(ServerOptions.defaults().port(0).queue(QUEUE).cacheDirectory(cache), Progress.NONE,
          line -> System.out.println("[test server] " + line));
      DemoServer s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return server;
  }

  static URI url(String path) throws Exception {
    return get().url().resolve(path);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(url(path)).GET());
  }

  static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }

  /** Follows a job's server-sent events to its final status; fails on a malformed stream. */
  static JsonNode awaitFinal(String id) throws Exception {
    HttpResponse<java.io.InputStream> r = HTTP.send(HttpRequest.newBuilder(url("/api/proofs/" + id + "/events"))
        .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertEquals("text/event-stream; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("data: ")) {
          JsonNode s = Json.MAPPER.readTree(line.substring(6));
          String status = s.path("status").asText();
          if (status.equals("done") || status.equals("failed")) {
            return s;
          }
        }
      }
    }
    return fail("the event stream of " + id + " ended without a final status");
  }
}
