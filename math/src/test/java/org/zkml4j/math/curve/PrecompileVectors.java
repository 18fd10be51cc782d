package org.zkml4j.math.curve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the go-ethereum precompile vector files kept under test resources (see vectors/SOURCE.md). */
final class PrecompileVectors {
  record Vector(String name, byte[] input, byte[] expected) {}

  private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\\}");

  private PrecompileVectors() {}

  static List<Vector> load(String file) throws IOException {
    String json;
    try (InputStream in = PrecompileVectors.class.getResourceAsStream("vectors/" + file)) {
      if (in == null) {
        throw new IOException("missing test resource vectors/" + file);
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Vector> out = new ArrayList<>();
    Matcher m = ENTRY.matcher(json);
    while (m.find()) {
      String entry = m.group();
      out.add(new Vector(field(entry, "Name"), HexFormat.of().parseHex(field(entry, "Input")),
          HexFormat.of().parseHex(field(entry, "Expected"))));
    }
    if (out.isEmpty()) {
      throw new IOException("no vectors found in " + file);
    }
    return out;
  }

  private static String field(String entry, String key) throws IOException {
    Matcher m = Pattern.compile("\"" + key + "\":\\s*\"([^\"]*)\"").matcher(entry);
    if (!m.find()) {
      throw new IOException("entry without " + key + ": " + entry);
    }
    return m.group(1);
  }

  /** The input zero-padded (or truncated) to the precompile's fixed length, as the EVM reads it. */
  static byte[] padded(byte[] input, int length) {
    byte[] p = new byte[length];
    System.arraycopy(input, 0, p, 0, Math.min(length, input.length));
    return p;
  }
}
