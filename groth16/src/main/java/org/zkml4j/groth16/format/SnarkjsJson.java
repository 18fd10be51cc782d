package org.zkml4j.groth16.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.field.PrimeField;

/**
 * What snarkjs's JSON files share: numbers as decimal strings, and curve points in projective
 * form as ffjavascript's {@code toObject} writes them: G1 as [x, y, z] and G2 as
 * [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]], with z = 1 for affine points and the point at
 * infinity written as (0, 1, 0). Readers follow {@code fromObject}: z = 0 is infinity, z = 1
 * affine, any other z a Jacobian point (X/Z^2, Y/Z^3). Every coordinate must be below q.
 */
final class SnarkjsJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final PrimeField FQ = Bn254.FQ;
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,100}");

  private SnarkjsJson() {}

  /** Parses a whole file; malformed JSON is a {@link FormatException} with Jackson's location. */
  static JsonNode readTree(Path file) throws IOException, FormatException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new FormatException(file, "is empty; expected a JSON document");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new FormatException(file, "is not valid JSON: " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
    }
  }

  /** Writes a tree as snarkjs's command line does (one space per indent level). */
  static void writeTree(JsonNode node, Path file) throws IOException {
    Files.writeString(file, toText(node) + "\n", StandardCharsets.UTF_8);
  }

  static String toText(JsonNode node) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter(" ", "\n"))
        .withArrayIndenter(new DefaultIndenter(" ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The field of an object, which must exist. */
  static JsonNode field(Path file, JsonNode object, String name) throws FormatException {
    if (!object.isObject()) {
      throw new FormatException(file, "expected a JSON object with \"" + name + "\", found " + kind(object));
    }
    JsonNode v = object.get(name);
    if (v == null || v.isNull()) {
      throw new FormatException(file, "the field \"" + name + "\" is missing");
    }
    return v;
  }

  /** Checks an optional string field (such as "protocol") against its only accepted value. */
  static void expectText(Path file, JsonNode object, String name, String expected, boolean required)
      throws FormatException {
    JsonNode v = object.get(name);
    if (v == null && !required) {
      return;
    }
    if (v == null || !v.isTextual() || !v.asText().equals(expected)) {
      throw new FormatException(file, "\"" + name + "\" is " + (v == null ? "missing" : v.toString())
          + "; expected \"" + expected + "\"");
    }
  }

  /**
   * A non-negative integer written as a decimal string, below {@code modulus}.
   *
   * @param where a path such as {@code pi_a[0]} for messages
   */
  static BigInteger number(Path file, JsonNode node, String where, BigInteger modulus, String modulusName)
      throws FormatException {
    if (!node.isTextual() || !DECIMAL.matcher(node.asText()).matches()) {
      throw new FormatException(file, where + " is " + abbreviate(node)
          + "; expected a non-negative integer as a string of decimal digits");
    }
    BigInteger v = new BigInteger(node.asText());
    if (v.compareTo(modulus) >= 0) {
      throw new FormatException(file, where + " = " + v + " is not below " + modulusName + " = " + modulus);
    }
    return v;
  }

  static ArrayNode array(Path file, JsonNode node, String where, int length) throws FormatException {
    if (!node.isArray() || node.size() != length) {
      throw new FormatException(file, where + " is " + abbreviate(node) + "; expected an array of " + length);
    }
    return (ArrayNode) node;
  }

  /** A G1 point, affine in Montgomery form (8 longs, zeros for infinity); curve not checked. */
  static long[] g1(Path file, JsonNode node, String where) throws FormatException {
    ArrayNode a = array(file, node, where, 3);
    long[] p = new long[12];
    for (int i = 0; i < 3; i++) {
      FQ.fromBigInteger(p, 4 * i, number(file, a.get(i), where + "[" + i + "]", Bn254.Q_MODULUS, "q"));
    }
    long[] affine = new long[8];
    if (FQ.isZero(p, 8)) {
      return affine;
    }
    long[] zInv = new long[4], zInv2 = new long[4];
    FQ.inverse(zInv, 0, p, 8);
    FQ.square(zInv2, 0, zInv, 0);
    FQ.mul(affine, 0, p, 0, zInv2, 0);
    FQ.mul(zInv2, 0, zInv2, 0, zInv, 0);
    FQ.mul(affine, 4, p, 4, zInv2, 0);
    return affine;
  }

  /** A G2 point, affine in Montgomery form (16 longs, zeros for infinity); curve not checked. */
  static long[] g2(Path file, JsonNode node, String where) throws FormatException {
    ArrayNode a = array(file, node, where, 3);
    long[] p = new long[24];
    for (int i = 0; i < 3; i++) {
      ArrayNode c = array(file, a.get(i), where + "[" + i + "]", 2);
      for (int j = 0; j < 2; j++) {
        String at = where + "[" + i + "][" + j + "]";
        FQ.fromBigInteger(p, 8 * i + 4 * j, number(file, c.get(j), at, Bn254.Q_MODULUS, "q"));
      }
    }
    long[] affine = new long[16];
    if (Fq2.isZero(p, 16)) {
      return affine;
    }
    Fq2 fq2 = new Fq2();
    long[] zInv = new long[8], zInv2 = new long[8];
    fq2.inverse(zInv, 0, p, 16);
    fq2.square(zInv2, 0, zInv, 0);
    fq2.mul(affine, 0, p, 0, zInv2, 0);
    fq2.mul(zInv2, 0, zInv2, 0, zInv, 0);
    fq2.mul(affine, 8, p, 8, zInv2, 0);
    return affine;
  }

  /** [x, y, "1"], or ["0", "1", "0"] for infinity. */
  static ArrayNode g1Node(long[] p, int off) {
    ArrayNode a = NODES.arrayNode();
    if (isZero(p, off, 8)) {
      return a.add("0").add("1").add("0");
    }
    return a.add(dec(p, off)).add(dec(p, off + 4)).add("1");
  }

  /** [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]], or zeros with y = 1 for infinity. */
  static ArrayNode g2Node(long[] p, int off) {
    ArrayNode a = NODES.arrayNode();
    if (isZero(p, off, 16)) {
      a.addArray().add("0").add("0");
      a.addArray().add("1").add("0");
      a.addArray().add("0").add("0");
      return a;
    }
    a.addArray().add(dec(p, off)).add(dec(p, off + 4));
    a.addArray().add(dec(p, off + 8)).add(dec(p, off + 12));
    a.addArray().add("1").add("0");
    return a;
  }

  /** The decimal string of an Fq element in Montgomery form. */
  static String dec(long[] p, int off) {
    return FQ.toBigInteger(p, off).toString();
  }

  private static boolean isZero(long[] p, int off, int n) {
    for (int i = 0; i < n; i++) {
      if (p[off + i] != 0) {
        return false;
      }
    }
    return true;
  }

  static String kind(JsonNode node) {
    return node.isArray() ? "an array" : node.isObject() ? "an object" : node.isTextual() ? "a string"
        : node.isNumber() ? "a number" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String abbreviate(JsonNode node) {
    String s = node.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
