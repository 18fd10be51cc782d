package org.zkml4j.math.ntt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.math.ntt.NaiveTransforms.fromVector;
import static org.zkml4j.math.ntt.NaiveTransforms.randomVector;
import static org.zkml4j.math.ntt.NaiveTransforms.toVector;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.testkit.Peers;

/**
 * The transforms against ffjavascript 0.3.1 itself (the library snarkjs proves with), run through
 * node on the same vectors: roots, Fr.fft, Fr.ifft, and snarkjs's move of A, B, C to the odd roots.
 * Sizes reach 2^15, beyond ffjavascript's 2^14-element chunks, so its join passes are covered too.
 */
class FfjavascriptDifferentialTest {
  private static final int[] LOG2_SIZES = {0, 1, 2, 3, 4, 5, 7, 10, 15};

  @Test
  void transformsMatchFfjavascript() throws Exception {
    Peers.assumeAvailable("ffjavascript");
    Path script = Path.of("src/test/js/ffjavascript-fft.cjs").toAbsolutePath();
    assertTrue(Files.isRegularFile(script), "missing " + script);

    Random rnd = new Random(2028);
    List<BigInteger[]> vectors = new ArrayList<>();
    StringBuilder input = new StringBuilder();
    for (int k : LOG2_SIZES) {
      BigInteger[] x = randomVector(1 << k, rnd);
      vectors.add(x);
      input.append("vector ").append(k).append('\n');
      for (BigInteger e : x) {
        input.append(e).append('\n');
      }
    }
    Iterator<String> out = runNode(script, input.toString()).iterator();

    for (int k = 0; k <= EvaluationDomain.MAX_LOG2_SIZE; k++) {
      assertEquals("root " + k + " " + Bn254.FR.toBigInteger(EvaluationDomain.rootOfUnity(k), 0), out.next());
    }
    // the shift snarkjs uses at 2^28, the one size whose domain is too big to build in a test
    assertEquals("shift " + Bn254.FR.toBigInteger(EvaluationDomain.snarkjsCosetShift(28), 0), out.next());

    for (int i = 0; i < LOG2_SIZES.length; i++) {
      int k = LOG2_SIZES[i], n = 1 << k;
      BigInteger[] x = vectors.get(i);
      EvaluationDomain d = EvaluationDomain.ofLog2Size(k);
      BigInteger[] fft = block(out, "fft", n);
      BigInteger[] ifft = block(out, "ifft", n);
      BigInteger[] odd = block(out, "odd", n);

      long[] v = toVector(x);
      d.fft(v, 0);
      assertArrayEquals(fft, fromVector(v, 0, n), "fft 2^" + k);

      v = toVector(x);
      d.ifft(v, 0);
      assertArrayEquals(ifft, fromVector(v, 0, n), "ifft 2^" + k);

      v = toVector(x);
      d.evaluationsToCoset(v, 0, d.snarkjsCosetShift());
      assertArrayEquals(odd, fromVector(v, 0, n), "evaluationsToCoset 2^" + k);

      v = toVector(x); // the same, step by step as snarkjs writes it
      d.ifft(v, 0);
      d.mulByPowers(v, 0, d.snarkjsCosetShift());
      d.fft(v, 0);
      assertArrayEquals(odd, fromVector(v, 0, n), "ifft, mulByPowers, fft 2^" + k);
    }
    assertTrue(!out.hasNext(), "unexpected extra output from node");
  }

  private static BigInteger[] block(Iterator<String> out, String header, int n) {
    assertEquals(header, out.next());
    BigInteger[] values = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      values[i] = new BigInteger(out.next());
    }
    return values;
  }

  private static List<String> runNode(Path script, String input) {
    String interop = Peers.interop().toString();
    return Peers.nodeOk(List.of(script.toString(), interop), input, Duration.ofSeconds(120)).stdout().lines().toList();
  }
}
