package org.zkml4j.math.ntt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zkml4j.math.ntt.NaiveTransforms.R;
import static org.zkml4j.math.ntt.NaiveTransforms.root;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkml4j.math.parallel.Parallelism;

/** Every layer's factors T_h[j] = w_(2^(h+1))^j, broadcast and gathered, against BigInteger powers of the roots. */
class TwiddlesTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 7, 12})
  void broadcastAndGatherReadEveryLayersFactors(int k) {
    Twiddles tw = new Twiddles(k, EvaluationDomain.rootOfUnity(k), new Parallelism(k > 10 ? 3 : 1));
    Random rnd = new Random(k);
    long[] z = new long[5 * 16];
    for (int h = 0; h < k; h++) {
      BigInteger w = root(h + 1);
      int size = 1 << h;
      for (int trial = 0; trial < 24; trial++) {
        int j = trial < 2 ? trial * (size - 1) : rnd.nextInt(size);
        tw.broadcast(z, 8, h, j);
        BigInteger expected = w.modPow(BigInteger.valueOf(j), R);
        for (int lane = 0; lane < 8; lane++) {
          assertEquals(expected, LaneValues.get(z, 8 + lane), "broadcast T_" + h + "[" + j + "] lane " + lane);
        }
        int lanes = Math.min(8, size);
        int j0 = trial == 0 ? 0 : rnd.nextInt(size - lanes + 1);
        tw.gather(z, 0, h, j0, lanes);
        for (int lane = 0; lane < lanes; lane++) {
          assertEquals(w.modPow(BigInteger.valueOf(j0 + lane), R), LaneValues.get(z, lane),
              "gather T_" + h + "[" + (j0 + lane) + "]");
        }
      }
    }
  }
}
