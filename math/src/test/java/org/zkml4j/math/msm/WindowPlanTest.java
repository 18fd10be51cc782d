package org.zkml4j.math.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The signed-digit recoding reconstructs every scalar, within the bucket range, for every plan. */
class WindowPlanTest {
  @Property(tries = 2000)
  void digitsReconstructTheScalar(@ForAll @IntRange(min = 1, max = 253) int bits, @ForAll @IntRange(min = 1, max = 22) int c,
      @ForAll long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    BigInteger k = new BigInteger(bits, rnd);
    if (rnd.nextInt(4) == 0) {
      k = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE); // all ones: every window borrows
    }
    int windows = c >= bits ? 1 : (bits + 1 + c - 1) / c;
    if (windows > 1 && c == 1) {
      return;
    }
    WindowPlan plan = new WindowPlan(c >= bits ? bits : c, windows, 1);
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = k.shiftRight(64 * i).longValue();
    }
    BigInteger sum = BigInteger.ZERO;
    for (int w = 0; w < plan.windows(); w++) {
      int d = plan.digit(limbs, 0, w);
      assertTrue(Math.abs(d) <= plan.buckets(), "digit " + d + " exceeds " + plan.buckets());
      sum = sum.add(BigInteger.valueOf(d).shiftLeft(plan.c() * w));
    }
    assertEquals(k, sum, plan.toString());
  }

  @Test
  void plansFitTheWork() {
    WindowPlan bits = WindowPlan.choose(1 << 20, 1, 2, 7, 27);
    assertEquals(1, bits.windows(), "0/1 scalars: one window, one bucket");
    assertEquals(1, bits.buckets());
    assertEquals(2, bits.chunks(), "split across both threads");
    WindowPlan random = WindowPlan.choose(1 << 20, 253, 2, 7, 27);
    assertTrue(random.c() >= 14 && random.c() <= 17, random.toString());
    assertTrue(random.windows() * random.c() >= 254);
  }
}
