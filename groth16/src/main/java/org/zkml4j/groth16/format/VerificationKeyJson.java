package org.zkml4j.groth16.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.math.field.Fq12;
import org.zkml4j.math.pairing.Pairing;

/**
 * snarkjs's {@code verification_key.json} for Groth16 (as {@code zkey export verificationkey}
 * writes it, src/zkey_export_verificationkey.js): protocol "groth16", curve "bn128", nPublic,
 * vk_alpha_1, vk_beta_2, vk_gamma_2, vk_delta_2, vk_alphabeta_12 and IC (nPublic + 1 G1 points);
 * points as in {@link SnarkjsJson}.
 *
 * <p>vk_alphabeta_12 = e(alpha1, beta2) in GT, an Fq12 element nested as snarkjs's
 * {@code Gt.toObject}: [[[c0.c0.c0, c0.c0.c1], [c0.c1.c0, c0.c1.c1], [c0.c2.c0, c0.c2.c1]],
 * [[c1.c0.c0, ...], ...]] for Fq12 = Fq6[w]/(w^2 - v), Fq6 = Fq2[v]/(v^3 - (9 + u)). The writer
 * computes it; the reader checks it against the key when present (verifiers do not need it, but a
 * file where it disagrees with alpha and beta has been tampered with).
 */
public final class VerificationKeyJson {
  private VerificationKeyJson() {}

  /**
   * Reads and validates a verification key: fields present and well-formed, numbers below q,
   * points on their curves, G2 points in the subgroup, IC of nPublic + 1 points.
   */
  public static VerifyingKey read(Path file) throws IOException, FormatException {
    JsonNode root = SnarkjsJson.readTree(file);
    SnarkjsJson.expectText(file, root, "protocol", "groth16", true);
    SnarkjsJson.expectText(file, root, "curve", "bn128", true);
    JsonNode n = SnarkjsJson.field(file, root, "nPublic");
    if (!n.canConvertToExactIntegral() || !n.canConvertToInt() || n.asInt() < 0) {
      throw new FormatException(file, "\"nPublic\" is " + n + "; expected a non-negative integer");
    }
    int nPublic = n.asInt();
    JsonNode icNode = SnarkjsJson.field(file, root, "IC");
    if (!icNode.isArray() || icNode.size() != nPublic + 1) {
      throw new FormatException(file, "\"IC\" must be an array of nPublic + 1 = " + (nPublic + 1) + " G1 points, found "
          + (icNode.isArray() ? icNode.size() + " entries" : SnarkjsJson.kind(icNode)));
    }
    long[] ic = new long[8 * (nPublic + 1)];
    for (int i = 0; i <= nPublic; i++) {
      System.arraycopy(SnarkjsJson.g1(file, icNode.get(i), "IC[" + i + "]"), 0, ic, 8 * i, 8);
    }
    VerifyingKey vk;
    try {
      vk = VerifyingKey.of(SnarkjsJson.g1(file, SnarkjsJson.field(file, root, "vk_alpha_1"), "vk_alpha_1"),
          SnarkjsJson.g2(file, SnarkjsJson.field(file, root, "vk_beta_2"), "vk_beta_2"),
          SnarkjsJson.g2(file, SnarkjsJson.field(file, root, "vk_gamma_2"), "vk_gamma_2"),
          SnarkjsJson.g2(file, SnarkjsJson.field(file, root, "vk_delta_2"), "vk_delta_2"), ic);
    } catch (IllegalArgumentException e) {
      throw new FormatException(file, e.getMessage(), e);
    }
    JsonNode alphaBeta = root.get("vk_alphabeta_12");
    if (alphaBeta != null && !alphaBeta.equals(gtNode(alphaBeta(vk)))) {
      throw new FormatException(file, "\"vk_alphabeta_12\" is not e(vk_alpha_1, vk_beta_2)");
    }
    return vk;
  }

  public static void write(VerifyingKey vk, Path file) throws IOException {
    SnarkjsJson.writeTree(toTree(vk), file);
  }

  /** The file's text. */
  public static String toJson(VerifyingKey vk) {
    return SnarkjsJson.toText(toTree(vk));
  }

  static ObjectNode toTree(VerifyingKey vk) {
    ObjectNode root = SnarkjsJson.NODES.objectNode();
    root.put("protocol", "groth16");
    root.put("curve", "bn128");
    root.put("nPublic", vk.nPublic());
    root.set("vk_alpha_1", SnarkjsJson.g1Node(vk.alpha1(), 0));
    root.set("vk_beta_2", SnarkjsJson.g2Node(vk.beta2(), 0));
    root.set("vk_gamma_2", SnarkjsJson.g2Node(vk.gamma2(), 0));
    root.set("vk_delta_2", SnarkjsJson.g2Node(vk.delta2(), 0));
    root.set("vk_alphabeta_12", gtNode(alphaBeta(vk)));
    ArrayNode ic = root.putArray("IC");
    long[] points = vk.ic();
    for (int i = 0; i <= vk.nPublic(); i++) {
      ic.add(SnarkjsJson.g1Node(points, 8 * i));
    }
    return root;
  }

  private static long[] alphaBeta(VerifyingKey vk) {
    return Pairing.pairing(vk.alpha1(), vk.beta2());
  }

  /** An Fq12 element (48 longs: c0 then c1 in Fq6, each c0, c1, c2 in Fq2) as snarkjs nests it. */
  private static ArrayNode gtNode(long[] f) {
    BigInteger[] c = Fq12.toBigIntegers(f, 0);
    ArrayNode out = SnarkjsJson.NODES.arrayNode();
    for (int i = 0; i < 2; i++) {
      ArrayNode fq6 = out.addArray();
      for (int j = 0; j < 3; j++) {
        fq6.addArray().add(c[6 * i + 2 * j].toString()).add(c[6 * i + 2 * j + 1].toString());
      }
    }
    return out;
  }
}
