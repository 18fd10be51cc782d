package org.zkml4j.math.ntt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zkml4j.math.ntt.NaiveTransforms.R;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.zkml4j.math.field.Bn254;

/** The factors c s^e(x, y) each shape applies, against BigInteger, for every lane and block index. */
class ScaleFactorsTest {
  @Property(tries = 30)
  void factorsAreTheStatedPowers(@ForAll @IntRange(min = 0, max = 6) int a, @ForAll @IntRange(min = 0, max = 5) int b,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    BigInteger first = new BigInteger(254, rnd).mod(R), base = new BigInteger(254, rnd).mod(R);
    long[] firstForm = Bn254.FR.element(first), baseForm = Bn254.FR.element(base);
    check(ScaleFactors.natural(a, b, firstForm, baseForm), a, b, rnd,
        (x, y) -> first.multiply(base.modPow(BigInteger.valueOf(x + ((long) y << a)), R)).mod(R));
    check(ScaleFactors.bitReversed(a, b, firstForm, baseForm), a, b, rnd,
        (x, y) -> first.multiply(base.modPow(BigInteger.valueOf(
            LaneTransform.reverse(x, a) + ((long) LaneTransform.reverse(y, b) << a)), R)).mod(R));
    check(ScaleFactors.constant(firstForm), a, b, rnd, (x, y) -> first);
  }

  private interface Factor {
    BigInteger at(int x, int y);
  }

  /** Applies the factors of every block of lane indices (only lanes below 2^a count) and every y to random values. */
  private static void check(ScaleFactors factors, int a, int b, Random rnd, Factor expected) {
    long[] v = new long[5 * 16];
    for (int y = 0; y < 1 << b; y++) {
      for (int x0 = 0; x0 < 1 << a; x0 += 8) {
        BigInteger[] values = LaneValues.fill(v, 8, 8, rnd);
        factors.apply(v, 8, x0, y);
        for (int l = 0; l < Math.min(8, 1 << a); l++) {
          assertEquals(values[l].multiply(expected.at(x0 + l, y)).mod(R), LaneValues.get(v, 8 + l),
              "lane index " + (x0 + l) + ", block index " + y);
        }
      }
    }
  }
}
