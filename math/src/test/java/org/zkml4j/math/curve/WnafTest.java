package org.zkml4j.math.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The wNAF digits sum back to the scalar, are odd and bounded, and are spaced at least w apart. */
class WnafTest {
  @Property(tries = 1000)
  void digitsReconstructTheScalar(@ForAll @IntRange(min = 0, max = 300) int bits, @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 7) int width) {
    BigInteger k = new BigInteger(bits, new java.util.Random(seed));
    long[] limbs = new long[(bits + 63) / 64 + 1];
    for (int i = 0; i < limbs.length; i++) {
      limbs[i] = k.shiftRight(64 * i).longValue();
    }
    byte[] digits = Wnaf.digits(limbs, width);
    BigInteger sum = BigInteger.ZERO;
    int lastNonZero = -width;
    for (int i = 0; i < digits.length; i++) {
      int d = digits[i];
      if (d != 0) {
        assertTrue((d & 1) != 0 && Math.abs(d) < 1 << (width - 1), "digit " + d);
        assertTrue(i - lastNonZero >= width, "non-zero digits at " + lastNonZero + " and " + i);
        lastNonZero = i;
        sum = sum.add(BigInteger.valueOf(d).shiftLeft(i));
      }
    }
    assertEquals(k, sum);
  }
}
