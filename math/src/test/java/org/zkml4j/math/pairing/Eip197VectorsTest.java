package org.zkml4j.math.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The EIP-197 pairing-check vectors of go-ethereum (see the README beside the resource): the
 * precompile's answer must be {@link Pairing#productIsOne}'s, on one thread and on several, and
 * pairs with a point at infinity must not change it.
 */
class Eip197VectorsTest {
  record Vector(String name, byte[] input, boolean expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() throws IOException {
    String json;
    try (InputStream in = Eip197VectorsTest.class.getResourceAsStream("bn256Pairing.json")) {
      assertNotNull(in, "bn256Pairing.json on the test class path");
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = Pattern.compile(
        "\"Input\":\\s*\"([0-9a-f]*)\",\\s*\"Expected\":\\s*\"([0-9a-f]{64})\",\\s*\"Name\":\\s*\"([^\"]+)\"").matcher(json);
    List<Vector> out = new ArrayList<>();
    while (m.find()) {
      BigInteger expected = new BigInteger(m.group(2), 16);
      assertTrue(expected.equals(BigInteger.ZERO) || expected.equals(BigInteger.ONE), m.group(3));
      out.add(new Vector(m.group(3), HexFormat.of().parseHex(m.group(1)), expected.equals(BigInteger.ONE)));
    }
    assertEquals(14, out.size(), "vectors in the resource");
    return out.stream();
  }

  /** Decodes the precompile input into flat G1 and G2 vectors; {g1, g2}. */
  static long[][] decode(byte[] input) {
    assertEquals(0, input.length % 192, "input length");
    int n = input.length / 192;
    long[] g1 = new long[8 * n], g2 = new long[16 * n];
    for (int i = 0; i < n; i++) {
      int o = 192 * i;
      Bn254.FQ.fromBytesBigEndian(g1, 8 * i, input, o);
      Bn254.FQ.fromBytesBigEndian(g1, 8 * i + 4, input, o + 32);
      // G2: x.c1, x.c0, y.c1, y.c0 (imaginary part first)
      Bn254.FQ.fromBytesBigEndian(g2, 16 * i + 4, input, o + 64);
      Bn254.FQ.fromBytesBigEndian(g2, 16 * i, input, o + 96);
      Bn254.FQ.fromBytesBigEndian(g2, 16 * i + 12, input, o + 128);
      Bn254.FQ.fromBytesBigEndian(g2, 16 * i + 8, input, o + 160);
    }
    return new long[][] {g1, g2};
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void precompileAnswer(Vector v) {
    long[][] points = decode(v.input());
    int n = v.input().length / 192;
    // the vectors are valid input: on the curves, G2 points of order r (a check of the decoding)
    for (int i = 0; i < n; i++) {
      assertTrue(CurveReference.onCurve(CurveReference.decode(points[0], 8 * i, 1)), "G1 point " + i);
      CurveReference.Point q = CurveReference.decode(points[1], 16 * i, 2);
      assertTrue(CurveReference.onCurve(q), "G2 point " + i);
      assertNull(CurveReference.mul(q, CurveReference.R), "G2 point " + i + " has order r");
    }
    assertEquals(v.expected(), Pairing.productIsOne(points[0], points[1], n, new Parallelism(1)), "one thread");
    assertEquals(v.expected(), Pairing.productIsOne(points[0], points[1], n, new Parallelism(3)), "three threads");
    assertEquals(v.expected(), Pairing.productIsOne(points[0], points[1], n), "shared executor");
    if (n > 0) {
      // pairs with infinity contribute 1: (0, Q_0) and (P_0, 0) appended
      long[] g1 = new long[8 * n + 16], g2 = new long[16 * n + 32];
      System.arraycopy(points[0], 0, g1, 0, 8 * n);
      System.arraycopy(points[1], 0, g2, 0, 16 * n);
      System.arraycopy(points[1], 0, g2, 16 * n, 16);
      System.arraycopy(points[0], 0, g1, 8 * n + 8, 8);
      assertEquals(v.expected(), Pairing.productIsOne(g1, g2, n + 2), "with two infinity pairs");
    }
  }
}
