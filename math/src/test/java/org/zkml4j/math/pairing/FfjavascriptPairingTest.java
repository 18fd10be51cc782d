package org.zkml4j.math.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Fq12;
import org.zkml4j.math.pairing.CurveReference.Point;

/**
 * Differential test against ffjavascript's bn128 pairing (interop/, the library snarkjs uses):
 * for random scalars a, b, ffjavascript computes a*G1, b*G2 and e(a*G1, b*G2); the points must
 * match {@link CurveReference}'s and the full Fq12 value must match {@link Pairing#pairing}.
 */
class FfjavascriptPairingTest {
  private static final int CASES = 8;

  /** The interop folder with ffjavascript installed, searched upwards from the working directory. */
  private static Path interopDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("interop/node_modules/ffjavascript/package.json"))) {
        return dir.resolve("interop");
      }
    }
    return fail("ffjavascript is not installed: run `npm ci` in interop/ (scripts/test does)");
  }

  private static List<String[]> runNode(String input) throws IOException, InterruptedException, URISyntaxException {
    Path script = Path.of(FfjavascriptPairingTest.class.getResource("ffjavascript-pairing.mjs").toURI());
    Process node = new ProcessBuilder("node", script.toString(), interopDir().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    node.getOutputStream().close();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node finished");
    assertEquals(0, node.exitValue(), "node exit status");
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
