package org.zkml4j.math.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Fq12;
import org.zkml4j.math.pairing.CurveReference.Point;
import org.zkml4j.testkit.Peers;

/**
 * Differential test against ffjavascript's bn128 pairing (interop/, the library snarkjs uses):
 * for random scalars a, b, ffjavascript computes a*G1, b*G2 and e(a*G1, b*G2); the points must
 * match {@link CurveReference}'s and the full Fq12 value must match {@link Pairing#pairing}.
 */
class FfjavascriptPairingTest {
  private static final int CASES = 8;

  private static List<String[]> runNode(String input) {
    Peers.requirePackage("ffjavascript");
    String interop = Peers.interop().toString();
    Path script = Peers.resource(FfjavascriptPairingTest.class, "ffjavascript-pairing.mjs");
    String out = Peers.nodeOk(List.of(script.toString(), interop), input, Duration.ofSeconds(60)).stdout();
    List<String[]> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.trim().split(" "));
      }
    }
    return lines;
  }

  @Test
  void pairingValuesMatchFfjavascript() throws Exception {
    Random rnd = new Random(197);
    BigInteger[][] scalars = new BigInteger[CASES][];
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      scalars[i] = i == 0
          ? new BigInteger[] {BigInteger.ONE, CurveReference.R.subtract(BigInteger.ONE)}
          : new BigInteger[] {new BigInteger(253, rnd).add(BigInteger.ONE), new BigInteger(253, rnd).add(BigInteger.ONE)};
      input.append(scalars[i][0]).append(' ').append(scalars[i][1]).append('\n');
    }
    List<String[]> results = runNode(input.toString());
    assertEquals(CASES, results.size(), "result lines");
    for (int i = 0; i < CASES; i++) {
      BigInteger[] v = Arrays.stream(results.get(i)).map(BigInteger::new).toArray(BigInteger[]::new);
      assertEquals(18, v.length, "numbers per line");
      Point p = CurveReference.mul(CurveReference.G1, scalars[i][0]);
      Point q = CurveReference.mul(CurveReference.G2, scalars[i][1]);
      assertArrayEquals(new BigInteger[] {p.x()[0], p.y()[0], q.x()[0], q.x()[1], q.y()[0], q.y()[1]},
          Arrays.copyOfRange(v, 0, 6), "points, case " + i);
      long[] e = Pairing.pairing(CurveReference.encodeG1(p), CurveReference.encodeG2(q));
      assertArrayEquals(Arrays.copyOfRange(v, 6, 18), Fq12.toBigIntegers(e, 0), "e(aG1, bG2), case " + i);
    }
  }
}
