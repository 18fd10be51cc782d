package org.zkml4j.cli;

import java.util.HexFormat;

/**
 * A 64-byte ceremony hash laid out as snarkjs prints it: four lines of four 8-digit groups, so
 * that a participant can compare what zkml4j and snarkjs print by eye.
 */
final class HashText {
  private HashText() {}

  static String format(String title, byte[] hash) {
    StringBuilder s = new StringBuilder(title);
    String hex = HexFormat.of().formatHex(hash);
    for (int i = 0; i < hex.length(); i += 8) {
      s.append(i % 32 == 0 ? "\n\t\t" : " ").append(hex, i, Math.min(hex.length(), i + 8));
    }
    return s.toString();
  }
}
