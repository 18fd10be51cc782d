package org.zkml4j.groth16.solidity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.zkml4j.groth16.Proof;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.hash.Keccak256;

/**
 * The arguments of a Solidity verifier's {@code verifyProof(uint[2] _pA, uint[2][2] _pB, uint[2]
 * _pC, uint[N] _pubSignals)} for one proof and its public signals, in two forms: the text that
 * {@code snarkjs zkey export soliditycalldata} prints (for scripts, Remix and block explorers), and
 * the ABI-encoded call data (selector and arguments) for Java callers that send the transaction
 * themselves.
 *
 * <p>Both list the 32-byte words A.x, A.y, B.x.c1, B.x.c0, B.y.c1, B.y.c0, C.x, C.y and then the
 * public signals: G2 coordinates go imaginary part first, as EIP-197's pairing precompile reads
 * them. The verifier contracts of snarkjs and of {@link SolidityVerifierExporter} take exactly
 * this.
 */
public final class SolidityCalldata {
  private static final int WORD = 32;
  private static final int PROOF_WORDS = 8;
  private static final HexFormat HEX = HexFormat.of();

  private SolidityCalldata() {}

  /**
   * The text {@code snarkjs zkey export soliditycalldata} prints for this proof and these public
   * signals, without the final line break: {@code ["0x..", "0x.."],[["0x..", "0x.."],["0x..",
   * "0x.."]],["0x..", "0x.."],["0x..","0x..",...]}, each number as 64 lower-case hexadecimal digits.
   *
   * @param publicSignals the public signals, outputs first, as in public.json and
   *     {@code ProverOutput}
   * @throws IllegalArgumentException if there is no public signal or one is not in [0, r)
   */
  public static String text(Proof proof, List<BigInteger> publicSignals) {
    return text(words(proof, publicSignals));
  }

  /**
   * The call data of {@code verifyProof} for this proof and these public signals: the 4-byte
   * selector of {@code verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[N])} (N = number
   * of signals), then the 8 + N arguments as 32-byte big-endian words; what a transaction to a
   * verifier contract carries.
   *
   * @param publicSignals the public signals, outputs first
   * @throws IllegalArgumentException as {@link #text}
   */
  public static byte[] abiEncoded(Proof proof, List<BigInteger> publicSignals) {
    return abiEncoded(words(proof, publicSignals));
  }

  /**
   * The words in ABI order: A.x, A.y, B.x.c1, B.x.c0, B.y.c1, B.y.c0, C.x, C.y (the proof's
   * points are Montgomery form in the project layout, G2 as x.c0, x.c1, y.c0, y.c1), then the
   * signals.
   */
  private static byte[] words(Proof proof, List<BigInteger> publicSignals) {
    if (publicSignals.isEmpty()) {
      throw new IllegalArgumentException("verifyProof takes at least one public signal");
    }
    byte[] out = new byte[WORD * (PROOF_WORDS + publicSignals.size())];
    long[] a = proof.a(), b = proof.b(), c = proof.c();
    int w = 0;
    for (int offset : new int[] {0, 4}) {
      put(out, w++, Bn254.FQ.toBytesBigEndian(a, offset));
    }
    for (int offset : new int[] {4, 0, 12, 8}) {
      put(out, w++, Bn254.FQ.toBytesBigEndian(b, offset));
    }
    for (int offset : new int[] {0, 4}) {
      put(out, w++, Bn254.FQ.toBytesBigEndian(c, offset));
    }
    for (int i = 0; i < publicSignals.size(); i++) {
      BigInteger s = publicSignals.get(i);
      if (s.signum() < 0 || s.compareTo(Bn254.R_MODULUS) >= 0) {
        throw new IllegalArgumentException("public signal " + i + " = " + s + " is not in [0, r)");
      }
      byte[] raw = s.toByteArray();
      int length = Math.min(raw.length, WORD);
      System.arraycopy(raw, raw.length - length, out, WORD * (w++ + 1) - length, length);
    }
    return out;
  }

  /** snarkjs's text for the argument words. */
  private static String text(byte[] words) {
    int n = words.length / WORD;
    StringBuilder s = new StringBuilder(70 * n + 16);
    s.append('[').append(word(words, 0)).append(", ").append(word(words, 1)).append("],");
    s.append("[[").append(word(words, 2)).append(", ").append(word(words, 3)).append("],");
    s.append('[').append(word(words, 4)).append(", ").append(word(words, 5)).append("]],");
    s.append('[').append(word(words, 6)).append(", ").append(word(words, 7)).append("],");
    s.append('[');
    for (int i = PROOF_WORDS; i < n; i++) {
      if (i > PROOF_WORDS) {
        s.append(',');
      }
      s.append(word(words, i));
    }
    return s.append(']').toString();
  }

  /** The selector of verifyProof for this many signals, then the words. */
  private static byte[] abiEncoded(byte[] words) {
    byte[] selector = selector(words.length / WORD - PROOF_WORDS);
    byte[] out = new byte[selector.length + words.length];
    System.arraycopy(selector, 0, out, 0, selector.length);
    System.arraycopy(words, 0, out, selector.length, words.length);
    return out;
  }

  /** The first 4 bytes of keccak256("verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[n])"). */
  private static byte[] selector(int nPublic) {
    String signature = "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[" + nPublic + "])";
    byte[] hash = Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII));
    return new byte[] {hash[0], hash[1], hash[2], hash[3]};
  }

  private static void put(byte[] out, int word, byte[] value) {
    System.arraycopy(value, 0, out, WORD * word, WORD);
  }

  private static String word(byte[] words, int i) {
    return "\"0x" + HEX.formatHex(words, WORD * i, WORD * (i + 1)) + "\"";
  }
}
