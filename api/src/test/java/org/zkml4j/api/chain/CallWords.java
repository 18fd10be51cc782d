package org.zkml4j.api.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zkml4j.math.hash.Keccak256;

/**
 * The 8 + N argument words of verifyProof as plain integers, taken from snarkjs's calldata text,
 * so tests build raw EVM calls from the peer's output (also calls no Proof object can express,
 * such as a coordinate plus q) and tamper with them.
 */
final class CallWords {
  private static final Pattern HEX_WORD = Pattern.compile("\"0x([0-9a-f]{64})\"");

  private CallWords() {}

  /** The words of snarkjs's {@code zkey export soliditycalldata} text, in order. */
  static BigInteger[] parse(String snarkjsCalldata) {
    List<BigInteger> words = new ArrayList<>();
    Matcher m = HEX_WORD.matcher(snarkjsCalldata);
    while (m.find()) {
      words.add(new BigInteger(m.group(1), 16));
    }
    return words.toArray(BigInteger[]::new);
  }

  /** Selector of verifyProof with words.length - 8 signals, then each word as 32 big-endian bytes. */
  static byte[] encode(BigInteger[] words) {
    String signature = "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[" + (words.length - 8) + "])";
    byte[] out = new byte[4 + 32 * words.length];
    System.arraycopy(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 0, out, 0, 4);
    for (int i = 0; i < words.length; i++) {
      System.arraycopy(word(words[i]), 0, out, 4 + 32 * i, 32);
    }
    return out;
  }

  /** {@code v} (0 &lt;= v &lt; 2^256) as 32 big-endian bytes. */
  static byte[] word(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + v);
    }
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return out;
  }
}
