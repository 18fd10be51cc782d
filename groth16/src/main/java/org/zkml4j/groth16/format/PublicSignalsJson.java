package org.zkml4j.groth16.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.math.field.Bn254;

/**
 * snarkjs's {@code public.json}: the public signals as an array of decimal strings, outputs first,
 * then public inputs (wires 1 to nPublic).
 */
public final class PublicSignalsJson {
  private PublicSignalsJson() {}

  /** Reads the signals; each must be a decimal string of a value below r. */
  public static List<BigInteger> read(Path file) throws IOException, FormatException {
    JsonNode root = SnarkjsJson.readTree(file);
    if (!root.isArray()) {
      throw new FormatException(file, "expected an array of decimal strings, found " + SnarkjsJson.kind(root));
    }
    List<BigInteger> signals = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      signals.add(SnarkjsJson.number(file, root.get(i), "signal " + i, Bn254.R_MODULUS, "r"));
    }
    return List.copyOf(signals);
  }

  /**
   * Writes the signals.
   *
   * @throws IllegalArgumentException if a signal is negative or not below r
   */
  public static void write(List<BigInteger> signals, Path file) throws IOException {
    SnarkjsJson.writeTree(toTree(signals), file);
  }

  public static String toJson(List<BigInteger> signals) {
    return SnarkjsJson.toText(toTree(signals));
  }

  private static ArrayNode toTree(List<BigInteger> signals) {
    ArrayNode a = SnarkjsJson.NODES.arrayNode();
    for (BigInteger s : signals) {
      if (s.signum() < 0 || s.compareTo(Bn254.R_MODULUS) >= 0) {
        throw new IllegalArgumentException("public signal " + s + " is not in [0, r)");
      }
      a.add(s.toString());
    }
    return a;
  }
}
