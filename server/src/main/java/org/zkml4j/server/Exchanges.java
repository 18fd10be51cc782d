package org.zkml4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests and writing answers on the JDK's HTTP server. */
final class Exchanges {
  private Exchanges() {}

  /**
   * The whole body, refused with 413 beyond {@code limit} bytes. Reads at most one byte past the
   * limit: the JDK's server drains a little more, and drops the connection of a larger body.
   */
  static byte[] body(HttpExchange ex, int limit) throws IOException, HttpError {
    try (InputStream in = ex.getRequestBody()) {
      byte[] b = in.readNBytes(limit + 1);
      if (b.length > limit) {
        throw tooLarge(limit);
      }
      return b;
    }
  }

  private static HttpError tooLarge(int limit) {
    return new HttpError(413, "the body is larger than " + limit / 1024 + " KiB; send the digit as a small PNG"
        + " (a 280x280 canvas is a few KiB)");
  }

  /** The media type of the request, lower case, without parameters; empty if absent. */
  static String contentType(HttpExchange ex) {
    String t = ex.getRequestHeaders().getFirst("Content-Type");
    return t == null ? "" : t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /** The query parameters (the last value of each). */
  static Map<String, String> query(HttpExchange ex) throws HttpError {
    Map<String, String> out = new HashMap<>();
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return out;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "the query string is malformed: " + e.getMessage());
      }
    }
    return out;
  }

  /** A true/false query parameter; absent is false. */
  static boolean flag(Map<String, String> query, String name) throws HttpError {
    String v = query.get(name);
    if (v == null || v.equals("false") || v.equals("0")) {
      return false;
    }
    if (v.equals("true") || v.equals("1") || v.isEmpty()) {
      return true;
    }
    throw new HttpError(400, "the query parameter " + name + " must be true or false, was '" + v + "'");
  }

  static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
    send(ex, status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
  }

  static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
