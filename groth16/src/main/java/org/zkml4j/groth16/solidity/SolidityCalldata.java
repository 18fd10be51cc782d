package org.zkml4j.groth16.solidity;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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
   * @param publicSignals the public signals in Fr Montgomery form, 4 longs each, outputs first
   * @throws IllegalArgumentException if publicSignals is empty, not a whole number of elements, or
   *     holds a non-canonical element
   */
  public static String text(Proof proof, long[] publicSignals) {
    return text(words(proof, publicSignals));
  }

  /**
   * The call data of {@code verifyProof} for this proof and these public signals: the 4-byte
   * selector of {@code verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[N])} (N = number
   * of signals), then the 8 + N arguments as 32-byte big-endian words; what a transaction to a
   * verifier contract carries.
   *
   * @param publicSignals the public signals in Fr Montgomery form, 4 longs each, outputs first
   * @throws IllegalArgumentException as {@link #text}
   */
  public static byte[] abiEncoded(Proof proof, long[] publicSignals) {
    return abiEncoded(words(proof, publicSignals));
  }

  private static byte[] words(Proof proof, long[] publicSignals) {
    if (publicSignals.length == 0 || publicSignals.length % 4 != 0) {
      throw new IllegalArgumentException("public signals must be one or more Fr elements of 4 longs each, got "
          + publicSignals.length + " longs");
    }
    for (int i = 0; i < publicSignals.length; i += 4) {
      if (!Bn254.FR.isCanonical(publicSignals, i)) {
        throw new IllegalArgumentException("public signal " + i / 4 + " is not a canonical Fr element");
      }
    }
    return words(proof.a(), proof.b(), proof.c(), publicSignals);
  }

  /** snarkjs's text for the argument words. */
  static String text(byte[] words) {
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
  static byte[] abiEncoded(byte[] words) {
    byte[] selector = selector(words.length / WORD - PROOF_WORDS);
    byte[] out = new byte[selector.length + words.length];
    System.arraycopy(selector, 0, out, 0, selector.length);
    System.arraycopy(words, 0, out, selector.length, words.length);
    return out;
  }

  /** The first 4 bytes of keccak256("verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[n])"). */
  static byte[] selector(int nPublic) {
    String signature = "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[" + nPublic + "])";
    byte[] hash = Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII));
    return new byte[] {hash[0], hash[1], hash[2], hash[3]};
  }

  /**
   * The words in ABI order from points in the project layout (Montgomery form; G1 8 longs, G2 16
   * longs as x.c0, x.c1, y.c0, y.c1) and public signals in Fr Montgomery form (4 longs each).
   */
  static byte[] words(long[] a, long[] b, long[] c, long[] signals) {
    int nPublic = signals.length / 4;
    byte[] out = new byte[WORD * (PROOF_WORDS + nPublic)];
    int[] fqOffsets = {0, 4};
    int w = 0;
    for (int off : fqOffsets) {
      put(out, w++, Bn254.FQ.toBytesBigEndian(a, off));
    }
    for (int off : new int[] {4, 0, 12, 8}) {
      put(out, w++, Bn254.FQ.toBytesBigEndian(b, off));
    }
    for (int off : fqOffsets) {
      put(out, w++, Bn254.FQ.toBytesBigEndian(c, off));
    }
    for (int i = 0; i < nPublic; i++) {
      put(out, w++, Bn254.FR.toBytesBigEndian(signals, 4 * i));
    }
    return out;
  }

  private static void put(byte[] out, int word, byte[] value) {
    System.arraycopy(value, 0, out, WORD * word, WORD);
  }

  private static String word(byte[] words, int i) {
    return "\"0x" + HEX.formatHex(words, WORD * i, WORD * (i + 1)) + "\"";
  }
}
