package org.zkml4j.math.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * BLAKE2b against RFC 7693's example, against node's OpenSSL blake2b512 and @noble/hashes on every
 * length through three blocks (and random long inputs), and the exposed midstate against
 * noble's internal state, which is what snarkjs serialises into .ptau files.
 */
class Blake2bTest {
  private static final HexFormat HEX = HexFormat.of();

  private static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  @Test
  void rfc7693AppendixA() {
    // RFC 7693, Appendix A: BLAKE2b-512("abc")
    assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        hex(Blake2b.hash("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void matchesNodeAndNobleOnEveryLengthThroughThreeBlocks() {
    Random rnd = new Random(7693);
    List<byte[]> inputs = new ArrayList<>();
    for (int len = 0; len <= 3 * Blake2b.BLOCK_BYTES + 10; len++) {
      inputs.add(randomBytes(rnd, len));
    }
    for (int k = 0; k < 12; k++) {
      inputs.add(randomBytes(rnd, rnd.nextInt(100_000)));
    }
    Peers.assumeAvailable("@noble/hashes");
    List<String> lines = Peers.runScript(getClass(), "blake2b-reference.mjs",
        inputs.stream().map(b -> "h " + hex(b)).toList());
    for (int i = 0; i < inputs.size(); i++) {
      byte[] input = inputs.get(i);
      String[] expected = lines.get(i).split(" ");
      assertEquals(expected[0], expected[1], "node and noble disagree on length " + input.length);
      assertEquals(expected[0], hex(Blake2b.hash(input)), "one-shot digest of " + input.length + " bytes");
      assertEquals(expected[0], hex(inPieces(input, 1 + rnd.nextInt(300))), "chunked digest of " + input.length + " bytes");
    }
  }

  @Test
  void shorterDigestsMatchNoble() {
    Random rnd = new Random(32);
    List<String> requests = new ArrayList<>();
    List<byte[]> inputs = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    for (int n : new int[] {1, 16, 20, 32, 48, 63, 64}) {
      for (int len : new int[] {0, 3, 128, 129, 1000}) {
        byte[] b = randomBytes(rnd, len);
        inputs.add(b);
        lengths.add(n);
        requests.add("d " + n + " " + hex(b));
      }
    }
    Peers.assumeAvailable("@noble/hashes");
    List<String> lines = Peers.runScript(getClass(), "blake2b-reference.mjs", requests);
    for (int i = 0; i < inputs.size(); i++) {
      assertEquals(lines.get(i), hex(new Blake2b(lengths.get(i)).update(inputs.get(i)).digest()),
          lengths.get(i) + "-byte digest of " + inputs.get(i).length + " bytes");
    }
  }

  @Test
  void midstateMatchesNoblesInternalState() {
    Random rnd = new Random(216);
    List<String> requests = new ArrayList<>();
    List<byte[]> inputs = new ArrayList<>();
    List<Integer> chunks = new ArrayList<>();
    for (int len : new int[] {0, 1, 127, 128, 129, 255, 256, 257, 1000, 4096, 4097}) {
      for (int chunk : new int[] {1, 64, 128, 200, 5000}) {
        byte[] b = randomBytes(rnd, len);
        inputs.add(b);
        chunks.add(chunk);
        requests.add("m " + chunk + " " + hex(b));
      }
    }
    Peers.assumeAvailable("@noble/hashes");
    List<String> lines = Peers.runScript(getClass(), "blake2b-reference.mjs", requests);
    for (int i = 0; i < inputs.size(); i++) {
      Blake2b.Midstate state = inPiecesState(inputs.get(i), chunks.get(i)).midstate();
      StringBuilder h = new StringBuilder();
      for (long w : state.h()) {
        h.append(h.isEmpty() ? "" : ",").append(String.format("%016x", w));
      }
      String pending = state.pending().length == 0 ? "-" : hex(state.pending());
      assertEquals(lines.get(i), h + " " + state.compressedBytes() + " " + pending,
          "state after " + inputs.get(i).length + " bytes in chunks of " + chunks.get(i));
    }
  }

  @Property(tries = 200)
  void resumingAMidstateGivesTheSameDigest(@ForAll @Size(max = 700) byte[] head, @ForAll @Size(max = 700) byte[] tail) {
    Blake2b whole = new Blake2b().update(head).update(tail);
    Blake2b resumed = Blake2b.resume(new Blake2b().update(head).midstate()).update(tail);
    assertArrayEquals(whole.digest(), resumed.digest());
  }

  @Property(tries = 100)
  void copyForksTheState(@ForAll @Size(max = 400) byte[] head, @ForAll @IntRange(min = 0, max = 300) int extra) {
    Blake2b original = new Blake2b().update(head);
    Blake2b fork = original.copy();
    byte[] more = new byte[extra];
    original.update(more);
    assertArrayEquals(Blake2b.hash(head), fork.digest());
  }

  @Test
  void digestStartsOver() {
    Blake2b b = new Blake2b().update(new byte[300]);
    b.digest();
    assertArrayEquals(Blake2b.hash(new byte[] {1, 2, 3}), b.update(new byte[] {1, 2, 3}).digest());
  }

  @Test
  void rejectsInconsistentMidstates() {
    long[] h = new long[8];
    assertThrows(IllegalArgumentException.class, () -> Blake2b.resume(new Blake2b.Midstate(h, 100, new byte[1])));
    assertThrows(IllegalArgumentException.class, () -> Blake2b.resume(new Blake2b.Midstate(h, 128, new byte[0])));
    assertThrows(IllegalArgumentException.class, () -> Blake2b.resume(new Blake2b.Midstate(h, 0, new byte[129])));
    assertThrows(IllegalArgumentException.class, () -> new Blake2b(0));
    assertThrows(IllegalArgumentException.class, () -> new Blake2b(65));
  }

  private static byte[] inPieces(byte[] input, int chunk) {
    return inPiecesState(input, chunk).digest();
  }

  private static Blake2b inPiecesState(byte[] input, int chunk) {
    Blake2b b = new Blake2b();
    for (int i = 0; i < input.length; i += chunk) {
      b.update(input, i, Math.min(chunk, input.length - i));
    }
    return b;
  }

  private static byte[] randomBytes(Random rnd, int len) {
    byte[] b = new byte[len];
    rnd.nextBytes(b);
    return b;
  }
}
