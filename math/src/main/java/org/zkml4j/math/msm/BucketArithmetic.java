package org.zkml4j.math.msm;

import org.zkml4j.math.field.LaneField;

/**
 * The field arithmetic an MSM's bucket additions run on. Both give the same results; they differ
 * only in speed and in what the JVM must offer.
 */
public enum BucketArithmetic {
  /**
   * {@link LaneField}'s vector kernels, eight independent Fq products per call (about 8 ns per
   * product against 70 for the scalar form on a Zen 4 core); G1 MSMs run about 2.5 to 3 times
   * faster than in {@link #SCALAR}, G2 MSMs about 3 to 3.5 times. Needs the incubating Vector
   * API ({@code --add-modules jdk.incubator.vector}).
   *
   * <p>The kernels are fast only once C2 has compiled them; before that (interpreted or C1 code)
   * they are 100 times slower. On a 2-core machine that took the first second or two of a JVM's
   * first MSM, which cost a G1 MSM of 2^20 points about 3 s of extra CPU time (a one-off: later
   * MSMs run at full speed). The kernels reached C2 with and without tiered compilation; for
   * benchmarks and long jobs {@code -XX:-TieredCompilation} rules out the case seen elsewhere
   * where a large Vector API method stays in C1 code (see {@link LaneField}).
   */
  LANES,
  /** {@link org.zkml4j.math.field.PrimeField}'s 4x64-bit scalar arithmetic: runs on any JVM. */
  SCALAR;

  /** The smallest vector width (in doubles) at which the lanes beat the scalar arithmetic. */
  private static final int MIN_LANES = 4;

  /**
   * {@link #LANES} when the Vector API module is present and the machine's vectors hold at least
   * four doubles (AVX2 or wider), else {@link #SCALAR}.
   */
  public static BucketArithmetic fastest() {
    return Fastest.VALUE;
  }

  /** True when this arithmetic can run in this JVM. */
  public boolean isAvailable() {
    return this == SCALAR || vectorModulePresent();
  }

  private static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** Decided on first use, so LaneField (which needs the module) is only loaded when present. */
  private static final class Fastest {
    static final BucketArithmetic VALUE =
        vectorModulePresent() && LaneField.lanes() >= MIN_LANES ? LANES : SCALAR;
  }
}
