package org.zkml4j.groth16.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.Proof;

/**
 * snarkjs's {@code proof.json} for Groth16: pi_a [x, y, "1"], pi_b [[x.c0, x.c1], [y.c0, y.c1],
 * ["1", "0"]], pi_c [x, y, "1"], protocol "groth16", curve "bn128" (see {@link SnarkjsJson} for
 * the point forms).
 */
public final class ProofJson {
  private ProofJson() {}

  /**
   * Reads a proof and checks it is well-formed: numbers below q, A and C on G1, B on the twist and
   * in G2. protocol and curve, when present, must be "groth16" and "bn128".
   */
  public static Proof read(Path file) throws IOException, FormatException {
    JsonNode root = SnarkjsJson.readTree(file);
    SnarkjsJson.expectText(file, root, "protocol", "groth16", false);
    SnarkjsJson.expectText(file, root, "curve", "bn128", false);
    Proof proof;
    try {
      proof = Proof.of(SnarkjsJson.g1(file, SnarkjsJson.field(file, root, "pi_a"), "pi_a"),
          SnarkjsJson.g2(file, SnarkjsJson.field(file, root, "pi_b"), "pi_b"),
          SnarkjsJson.g1(file, SnarkjsJson.field(file, root, "pi_c"), "pi_c"));
    } catch (IllegalArgumentException e) {
      throw new FormatException(file, e.getMessage(), e);
    }
    Optional<String> problem = proof.checkPoints();
    if (problem.isPresent()) {
      throw new FormatException(file, "pi_" + Character.toLowerCase(problem.get().charAt(0))
          + problem.get().substring(1));
    }
    return proof;
  }

  public static void write(Proof proof, Path file) throws IOException {
    SnarkjsJson.writeTree(toTree(proof), file);
  }

  /** The file's text. */
  public static String toJson(Proof proof) {
    return SnarkjsJson.toText(toTree(proof));
  }

  private static ObjectNode toTree(Proof proof) {
    ObjectNode root = SnarkjsJson.NODES.objectNode();
    root.set("pi_a", SnarkjsJson.g1Node(proof.a(), 0));
    root.set("pi_b", SnarkjsJson.g2Node(proof.b(), 0));
    root.set("pi_c", SnarkjsJson.g1Node(proof.c(), 0));
    root.put("protocol", "groth16");
    root.put("curve", "bn128");
    return root;
  }
}
