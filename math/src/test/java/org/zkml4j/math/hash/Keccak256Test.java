package org.zkml4j.math.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.zkml4j.testkit.Peers;

/**
 * Keccak-256 against published known answers and against two JavaScript implementations
 * (js-sha3 and @noble/hashes, run by node) on every length around the 136-byte rate.
 */
class Keccak256Test {
  private static final HexFormat HEX = HexFormat.of();

  private static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void publishedKnownAnswers() {
    // Ethereum's hash of empty code (Yellow Paper: KEC of the empty byte sequence)
    assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", hex(Keccak256.hash(new byte[0])));
    // The Keccak team's "Known-answer and Monte Carlo test results" v3.0 (KeccakKAT-3.zip),
    // ShortMsgKAT_256: Len = 8 and Len = 1088 (exactly one 136-byte block, so the padding fills
    // a block of its own)
    assertEquals("eead6dbfc7340a56caedc044696a168870549a6a7f6f56961e84a54bd9970b8a",
        hex(Keccak256.hash(new byte[] {(byte) 0xCC})));
    byte[] block = HEX.parseHex("b32d95b0b9aad2a8816de6d06d1f86008505bd8c14124f6e9a163b5a2ade55f8"
        + "35d0ec3880ef50700d3b25e42cc0af050ccd1be5e555b23087e04d7bf9813622780c7313a1954f8740b6ee2d3f"
        + "71f768dd417f520482bd3a08d4f222b4ee9dbd015447b33507dd50f3ab4247c5de9a8abd62a8decea01e3b87c8"
        + "b927f5b08beb37674c6f8e380c04");
    assertEquals(136, block.length);
    assertEquals("e717a7769448abbe5fef8187954a88ac56ded1d22e63940ab80d029585a21921", hex(Keccak256.hash(block)));
    // The classic SHA test messages (di-mgt.com.au's list), hashed with Keccak-256 as in the
    // Keccak submission: "abc", the 448-bit and 896-bit messages, and a million 'a's
    assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", hex(Keccak256.hash(ascii("abc"))));
    assertEquals("45d3b367a6904e6e8d502ee04999a7c27647f91fa845d456525fd352ae3d7371",
        hex(Keccak256.hash(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
    assertEquals("f519747ed599024f3882238e5ab43960132572b7345fbeb9a90769dafd21ad67",
        hex(Keccak256.hash(ascii("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
            + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"))));
    byte[] million = new byte[1_000_000];
    Arrays.fill(million, (byte) 'a');
    assertEquals("fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96", hex(Keccak256.hash(million)));
  }

  @Test
  void matchesJsSha3AndNobleAroundTheRate() {
    Random rnd = new Random(11);
    List<byte[]> inputs = new ArrayList<>();
    for (int len = 0; len <= 3 * 136 + 10; len++) { // every length through three blocks
      byte[] b = new byte[len];
      rnd.nextBytes(b);
      inputs.add(b);
    }
    for (int k = 0; k < 20; k++) {
      byte[] b = new byte[rnd.nextInt(5000)];
      rnd.nextBytes(b);
      inputs.add(b);
    }
    Peers.assumeAvailable("js-sha3");
    List<String> lines = Peers.runScript(getClass(), "keccak-reference.mjs",
        inputs.stream().map(b -> "k " + hex(b)).toList());
    for (int i = 0; i < inputs.size(); i++) {
      String actual = hex(Keccak256.hash(inputs.get(i)));
      String[] expected = lines.get(i).split(" ");
      assertEquals(expected[0], actual, "js-sha3, length " + inputs.get(i).length);
      assertEquals(expected[1], actual, "@noble/hashes, length " + inputs.get(i).length);
    }
  }

  @Property(tries = 200)
  void anySplitIntoUpdatesGivesTheOneShotDigest(
      @ForAll @Size(max = 700) byte[] message, @ForAll @IntRange(min = 1, max = 300) int step) {
    Keccak256 k = new Keccak256();
    for (int from = 0; from < message.length; from += step) {
      k.update(message, from, Math.min(step, message.length - from));
    }
    assertArrayEquals(Keccak256.hash(message), k.digest());
    // digest() starts over
    assertArrayEquals(Keccak256.hash(new byte[] {1, 2}), k.update(new byte[] {1, 2}).digest());
  }
}
