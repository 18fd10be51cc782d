package org.zkml4j.groth16.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkml4j.groth16.Phase2Contribution;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.QapCoefficients;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.math.field.Bn254;

/**
 * The reader against snarkjs's own reading of the same .zkey files ({@code zkey export json}),
 * field by field and point by point; and the writer against the original bytes.
 */
class ZkeyReaderTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TempDir
  Path tmp;

  static Stream<Arguments> keys() {
    SnarkjsFixture.Circuit m = SnarkjsFixture.multiplier();
    SnarkjsFixture.Circuit p = SnarkjsFixture.poseidonRange();
    return Stream.of(Arguments.of("multiplier new", m.zkeyNew(), 0), Arguments.of("multiplier final", m.zkey(), 1),
        Arguments.of("poseidon new", p.zkeyNew(), 0), Arguments.of("poseidon final", p.zkey(), 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void everyFieldAndPointAgreesWithSnarkjsExportJson(String label, Path zkey, int contributions) throws Exception {
    ProvingKey pk = ZkeyReader.read(zkey);
    Path json = tmp.resolve("zkey.json");
    SnarkjsFixture.snarkjs("zkey", "export", "json", zkey.toString(), json.toString());
    JsonNode ref = new ObjectMapper().readTree(json.toFile());

    assertEquals("groth16", ref.get("protocol").asText());
    assertEquals(Bn254.Q_MODULUS, new BigInteger(ref.get("q").asText()));
    assertEquals(Bn254.R_MODULUS, new BigInteger(ref.get("r").asText()));
    assertEquals(ref.get("nVars").asInt(), pk.nVars());
    assertEquals(ref.get("nPublic").asInt(), pk.nPublic());
    assertEquals(ref.get("domainSize").asInt(), pk.domainSize());
    assertEquals(ref.get("power").asInt(), pk.log2DomainSize());

    assertEquals(ref.get("vk_alpha_1"), g1(pk.alpha1(), 0));
    assertEquals(ref.get("vk_beta_1"), g1(pk.beta1(), 0));
    assertEquals(ref.get("vk_delta_1"), g1(pk.delta1(), 0));
    assertEquals(ref.get("vk_beta_2"), g2(pk.beta2(), 0));
    assertEquals(ref.get("vk_gamma_2"), g2(pk.gamma2(), 0));
    assertEquals(ref.get("vk_delta_2"), g2(pk.delta2(), 0));

    assertPoints(ref.get("IC"), pk.ic(), false, 0, "IC");
    assertPoints(ref.get("A"), pk.pointsA(), false, 0, "A");
    assertPoints(ref.get("B1"), pk.pointsB1(), false, 0, "B1");
    assertPoints(ref.get("B2"), pk.pointsB2(), true, 0, "B2");
    // snarkjs indexes C by signal, leaving the public ones (and wire 0) empty.
    assertPoints(ref.get("C"), pk.pointsC(), false, pk.nPublic() + 1, "C");
    assertPoints(ref.get("hExps"), pk.pointsH(), false, 0, "H");

    JsonNode coefs = ref.get("ccoefs");
    QapCoefficients k = pk.coefficients();
    assertEquals(coefs.size(), k.size());
    long[] v = new long[4];
    for (int i = 0; i < k.size(); i++) {
      JsonNode c = coefs.get(i);
      k.value(i, v, 0);
      assertEquals(List.of(c.get("matrix").asInt(), c.get("constraint").asInt(), c.get("signal").asInt(),
          new BigInteger(c.get("value").asText())),
          List.of(k.matrix(i), k.constraint(i), k.signal(i), Bn254.FR.toBigInteger(v, 0)), "coefficient " + i);
    }

    assertEquals(contributions, pk.contributions().orElseThrow().contributions().size());
    if (contributions == 1) {
      Phase2Contribution c = pk.contributions().orElseThrow().contributions().get(0);
      assertEquals("fixture", c.name().orElseThrow());
      assertEquals(ref.get("vk_delta_1"), g1(c.deltaAfter(), 0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void writingAReadKeyGivesTheSameBytes(String label, Path zkey, int contributions) throws Exception {
    ProvingKey pk = ZkeyReader.read(zkey);
    Path copy = tmp.resolve("copy.zkey");
    // zkey new writes its sections in its own order; contribute rewrites them in ascending order.
    ZkeyWriter.write(pk, copy, contributions == 0 ? ZkeyWriter.SectionOrder.ZKEY_NEW
        : ZkeyWriter.SectionOrder.ASCENDING);
    assertEquals(-1L, Files.mismatch(zkey, copy), "first differing byte");
  }

  private static void assertPoints(JsonNode expected, LongBuffer points, boolean g2, int skip, String name) {
    int size = g2 ? 16 : 8;
    long[] p = new long[points.remaining()];
    points.get(p);
    assertEquals(expected.size(), skip + p.length / size, name + " count");
    for (int i = 0; i < skip; i++) {
      assertTrue(expected.get(i).isNull(), name + "[" + i + "] is empty in snarkjs's export");
    }
    for (int i = 0; i < p.length / size; i++) {
      assertEquals(expected.get(skip + i), g2 ? g2(p, 16 * i) : g1(p, 8 * i), name + "[" + (skip + i) + "]");
    }
  }

  /** ffjavascript's toObject of an affine G1 point: [x, y, 1], or [0, 1, 0] for infinity. */
  static ArrayNode g1(long[] p, int off) {
    boolean infinity = Stream.of(0, 1, 2, 3, 4, 5, 6, 7).allMatch(i -> p[off + i] == 0);
    ArrayNode a = NODES.arrayNode();
    if (infinity) {
      return a.add("0").add("1").add("0");
    }
    return a.add(fq(p, off)).add(fq(p, off + 4)).add("1");
  }

  /** The same for G2, coordinates as [c0, c1]. */
  static ArrayNode g2(long[] p, int off) {
    boolean infinity = java.util.stream.IntStream.range(0, 16).allMatch(i -> p[off + i] == 0);
    ArrayNode a = NODES.arrayNode();
    if (infinity) {
      a.addArray().add("0").add("0");
      a.addArray().add("1").add("0");
      a.addArray().add("0").add("0");
      return a;
    }
    a.addArray().add(fq(p, off)).add(fq(p, off + 4));
    a.addArray().add(fq(p, off + 8)).add(fq(p, off + 12));
    a.addArray().add("1").add("0");
    return a;
  }

  private static String fq(long[] p, int off) {
    return Bn254.FQ.toBigInteger(p, off).toString();
  }
}
