package org.zkml4j.groth16.ceremony;

import java.nio.LongBuffer;

/**
 * The powers of tau in Lagrange form, which circuit setup reads instead of the monomial powers
 * (sections 12 to 15 of a prepared snarkjs .ptau file).
 *
 * <p>For each domain size m = 2^k, k = 0..power, and the domain of snarkjs's m-th roots of unity
 * w^j, the Lagrange polynomials L_j(X) = prod_{i != j} (X - w^i) / (w^j - w^i) evaluated at tau:
 * L_j(tau) * G1, L_j(tau) * G2, alpha * L_j(tau) * G1 and beta * L_j(tau) * G1. The bases are
 * stored one after another by increasing k, so size 2^k starts at point 2^k - 1. The G1 tau
 * section has one size more, k = power + 1, computed (as snarkjs does) from the 2^(power+1) - 1
 * available powers with the missing last one taken as zero; setup uses its odd-indexed points
 * for the H query.
 *
 * <p>Points are affine (G1 8 longs, G2 16 longs, Montgomery form), exposed as read-only views.
 * Immutable; {@link #of} takes the arrays over without copying.
 */
public final class LagrangeBases {
  private final int power;
  private final long[] tauG1, tauG2, alphaTauG1, betaTauG1;

  private LagrangeBases(int power, long[] tauG1, long[] tauG2, long[] alphaTauG1, long[] betaTauG1) {
    this.power = power;
    this.tauG1 = tauG1;
    this.tauG2 = tauG2;
    this.alphaTauG1 = alphaTauG1;
    this.betaTauG1 = betaTauG1;
  }

  /**
   * The bases from their arrays, taken over without copying.
   *
   * @throws IllegalArgumentException if an array's size does not match the power
   */
  public static LagrangeBases of(int power, long[] tauG1, long[] tauG2, long[] alphaTauG1, long[] betaTauG1) {
    if (power < 1 || power > Accumulator.MAX_POWER) {
      throw new IllegalArgumentException("power " + power + " is outside 1.." + Accumulator.MAX_POWER);
    }
    check(tauG1, pointCount(power, true) * 8, "Lagrange tauG1");
    check(tauG2, pointCount(power, false) * 16, "Lagrange tauG2");
    check(alphaTauG1, pointCount(power, false) * 8, "Lagrange alphaTauG1");
    check(betaTauG1, pointCount(power, false) * 8, "Lagrange betaTauG1");
    return new LagrangeBases(power, tauG1, tauG2, alphaTauG1, betaTauG1);
  }

  /** Points in a section: 2^(power+1) - 1, or 2^(power+2) - 1 for the G1 tau section. */
  public static long pointCount(int power, boolean tauG1Section) {
    return (1L << (power + (tauG1Section ? 2 : 1))) - 1;
  }

  /** Index of the first point of the basis of size 2^k within a section. */
  public static int start(int k) {
    return (1 << k) - 1;
  }

  public int power() {
    return power;
  }

  /** L_j(tau) * G1 for every size up to 2^(power+1) (section 12). */
  public LongBuffer tauG1() {
    return Accumulator.view(tauG1);
  }

  /** L_j(tau) * G2 for every size up to 2^power (section 13). */
  public LongBuffer tauG2() {
    return Accumulator.view(tauG2);
  }

  /** alpha * L_j(tau) * G1 (section 14). */
  public LongBuffer alphaTauG1() {
    return Accumulator.view(alphaTauG1);
  }

  /** beta * L_j(tau) * G1 (section 15). */
  public LongBuffer betaTauG1() {
    return Accumulator.view(betaTauG1);
  }

  long[] rawTauG1() {
    return tauG1;
  }

  long[] rawTauG2() {
    return tauG2;
  }

  long[] rawAlphaTauG1() {
    return alphaTauG1;
  }

  long[] rawBetaTauG1() {
    return betaTauG1;
  }

  private static void check(long[] a, long expected, String what) {
    if (a.length != expected) {
      throw new IllegalArgumentException(what + " has " + a.length + " longs, expected " + expected);
    }
  }
}
