package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.testkit.Peers;

/**
 * The building blocks that must reproduce snarkjs bit for bit, against ffjavascript and snarkjs
 * 0.7.6 themselves (run by node): the ChaCha stream, fromRng for Fr, G1 and G2, hashToG2, the
 * derivation of a contribution's keys from a seed and from a beacon, the point encodings that go
 * into transcripts, and the first challenge hash.
 */
class SnarkjsPrimitivesTest {
  private static final HexFormat HEX = HexFormat.of();
  private final Random rnd = new Random(2024);

  @Test
  void chachaStreamMatchesFfjavascript() {
    List<int[]> seeds = seeds(8);
    seeds.set(0, new int[8]);
    seeds.set(1, new int[] {-1, -1, -1, -1, -1, -1, -1, -1});
    List<String> expected = reference(seeds.stream().map(s -> "chacha " + seed(s) + " 40").toList());
    for (int i = 0; i < seeds.size(); i++) {
      ChaCha c = new ChaCha(seeds.get(i));
      List<String> words = new ArrayList<>();
      for (int k = 0; k < 40; k++) {
        words.add(Integer.toHexString(c.nextInt()));
      }
      assertEquals(expected.get(i), String.join(",", words), "seed " + seed(seeds.get(i)));
    }
  }

  @Test
  void frFromRngMatchesFfjavascript() {
    List<int[]> seeds = seeds(30);
    List<String> expected = reference(seeds.stream().map(s -> "fr " + seed(s)).toList());
    for (int i = 0; i < seeds.size(); i++) {
      ChaCha c = new ChaCha(seeds.get(i));
      long[] v = new long[12];
      for (int k = 0; k < 3; k++) {
        ChaChaSampler.element(c, Bn254.FR, v, 4 * k);
      }
      assertEquals(expected.get(i), hexLongs(v, 0, 4) + " " + hexLongs(v, 4, 4) + " " + hexLongs(v, 8, 4));
    }
  }

  @Test
  void pointsFromRngMatchFfjavascript() {
    List<int[]> seeds = seeds(16);
    List<String> requests = new ArrayList<>();
    seeds.forEach(s -> requests.add("g1 " + seed(s)));
    seeds.forEach(s -> requests.add("g2 " + seed(s)));
    List<String> expected = reference(requests);
    for (int i = 0; i < seeds.size(); i++) {
      assertEquals(expected.get(i), hexLongs(ChaChaSampler.g1(new ChaCha(seeds.get(i))), 0, 8), "G1 seed " + i);
      assertEquals(expected.get(seeds.size() + i), hexLongs(ChaChaSampler.g2(new ChaCha(seeds.get(i))), 0, 16),
          "G2 seed " + i);
    }
  }

  @Test
  void hashToG2MatchesSnarkjs() {
    List<byte[]> hashes = IntStream.range(0, 10).mapToObj(i -> bytes(64)).toList();
    List<String> expected = reference(hashes.stream().map(h -> "hashtog2 " + HEX.formatHex(h)).toList());
    for (int i = 0; i < hashes.size(); i++) {
      long[] p = PtauKey.hashToG2(hashes.get(i));
      assertEquals(expected.get(i), hexLongs(p, 0, 16));
      assertEquals(true, new G2().isInSubgroup(p, 0), "hashed point in the order-r subgroup");
    }
  }

  @Test
  void contributionKeysFromASeedMatchSnarkjs() {
    List<int[]> seeds = seeds(4);
    List<byte[]> challenges = IntStream.range(0, 4).mapToObj(i -> bytes(64)).toList();
    List<String> expected = reference(IntStream.range(0, 4)
        .mapToObj(i -> "ptaukey " + HEX.formatHex(challenges.get(i)) + " " + seed(seeds.get(i))).toList());
    for (int i = 0; i < 4; i++) {
      PtauKey k = PtauKey.create(challenges.get(i), new ChaCha(seeds.get(i)));
      String actual = hexLongs(k.secrets, 0, 4) + " " + hexLongs(k.secrets, 4, 4) + " " + hexLongs(k.secrets, 8, 4)
          + " " + hexLongs(k.publicKey, 0, k.publicKey.length);
      assertEquals(expected.get(i), actual, "key " + i);
    }
  }

  @Test
  void beaconKeysMatchSnarkjs() {
    byte[] challenge = bytes(64);
    byte[] beacon = HEX.parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    List<String> expected = reference(List.of("beaconkey " + HEX.formatHex(challenge) + " " + HEX.formatHex(beacon) + " 10",
        "beaconkey " + HEX.formatHex(challenge) + " ab 11"));
    assertEquals(expected.get(0), hexLongs(Beacon.ptauKey(challenge, beacon, 10).publicKey, 0, 96));
    assertEquals(expected.get(1), hexLongs(Beacon.ptauKey(challenge, new byte[] {(byte) 0xab}, 11).publicKey, 0, 96));
  }

  @Test
  void pointEncodingsMatchFfjavascript() {
    for (CurveGroup group : List.of(new G1(), new G2())) {
      int s = group.affineSize() / 2;
      int n = 40;
      long[] points = randomPoints(group, n);
      java.util.Arrays.fill(points, 7 * 2 * s, 8 * 2 * s, 0); // one point at infinity
      String name = s == 4 ? "G1" : "G2";
      String[] expected = reference(List.of("encode " + name + " " + hexLongs(points, 0, points.length))).get(0).split(" ");
      byte[] u = new byte[n * PointEncoding.size(s, false)];
      byte[] c = new byte[n * PointEncoding.size(s, true)];
      PointEncoding.encode(points, 0, n, s, false, u, 0);
      PointEncoding.encode(points, 0, n, s, true, c, 0);
      assertEquals(expected[0], HEX.formatHex(u), name + " uncompressed");
      assertEquals(expected[1], HEX.formatHex(c), name + " compressed");
    }
  }

  @Test
  void publicKeyEncodingMatchesSnarkjs() {
    long[] key = new long[96];
    System.arraycopy(randomPoints(new G1(), 6), 0, key, 0, 48);
    System.arraycopy(randomPoints(new G2(), 3), 0, key, 48, 48);
    String expected = reference(List.of("pubkeyu " + hexLongs(key, 0, 96))).get(0);
    assertEquals(expected, HEX.formatHex(PointEncoding.publicKeyUncompressed(key)));
  }

  @Test
  void firstChallengeHashMatchesSnarkjs() {
    List<String> expected = reference(List.of("firsthash 1", "firsthash 2", "firsthash 5", "firsthash 11"));
    assertEquals(expected.get(0), HEX.formatHex(Transcript.firstChallenge(1)));
    assertEquals(expected.get(1), HEX.formatHex(Transcript.firstChallenge(2)));
    assertEquals(expected.get(2), HEX.formatHex(Transcript.firstChallenge(5)));
    assertEquals(expected.get(3), HEX.formatHex(Transcript.firstChallenge(11)));
  }

  /** Random affine points: the generator times random scalars. */
  static long[] randomPoints(CurveGroup group, int n) {
    Random r = new Random(n * 31L + group.affineSize());
    int a = group.affineSize();
    long[] out = new long[n * a];
    long[] jac = new long[group.jacobianSize()];
    long[] g = group.generator();
    for (int i = 0; i < n; i++) {
      group.fromAffine(jac, 0, g, 0);
      group.scalarMul(jac, 0, jac, 0, new java.math.BigInteger(250, r));
      group.toAffine(out, i * a, jac, 0);
    }
    return out;
  }

  private List<String> reference(List<String> requests) {
    Peers.assumeAvailable("snarkjs", "ffjavascript");
    return Peers.runScript(getClass(), "ceremony-reference.mjs", requests);
  }

  private List<int[]> seeds(int n) {
    List<int[]> seeds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seeds.add(rnd.ints(8).toArray());
    }
    return seeds;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private static String seed(int[] s) {
    return String.join(",", IntStream.of(s).mapToObj(Integer::toHexString).toList());
  }

  /** Longs as little-endian bytes, hex: the .ptau layout of points and Montgomery elements. */
  static String hexLongs(long[] v, int off, int len) {
    ByteBuffer b = ByteBuffer.allocate(8 * len).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < len; i++) {
      b.putLong(v[off + i]);
    }
    return HEX.formatHex(b.array());
  }
}
