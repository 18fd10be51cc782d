package org.zkml4j.groth16.ceremony;

import java.nio.LongBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The state of a powers-of-tau ceremony: everything a snarkjs {@code .ptau} file holds.
 *
 * <p>For power p (N = 2^p) and the secrets tau, alpha, beta accumulated so far:
 * <ul>
 *   <li>tauG1: tau^i * G1 for i &lt; 2N - 1; tauG2: tau^i * G2 for i &lt; N;
 *   <li>alphaTauG1, betaTauG1: alpha * tau^i * G1 and beta * tau^i * G1 for i &lt; N; betaG2;
 *   <li>the contributions, oldest first ({@link PtauContribution});
 *   <li>after {@link PowersOfTau#preparePhase2}, the Lagrange bases ({@link LagrangeBases}).
 * </ul>
 * {@link #ceremonyPower()} is the power the ceremony ran at, which is larger than {@link #power()}
 * only in files snarkjs truncated (such files take no contributions).
 *
 * <p>Points are affine in the project layout (G1 8 longs, G2 16 longs, Montgomery form). The point
 * vectors are exposed as read-only views, since they can be large. Immutable; made by
 * {@link #of} (which takes the arrays over without copying) after checking sizes; the points' validity is
 * the reader's and {@link PowersOfTau#verify}'s business.
 */
public final class Accumulator {
  /** The largest power: Fr's 2-adicity, beyond which snarkjs's domains do not exist. */
  public static final int MAX_POWER = 28;

  private final int power;
  private final int ceremonyPower;
  private final long[] tauG1, tauG2, alphaTauG1, betaTauG1, betaG2;
  private final List<PtauContribution> contributions;
  private final LagrangeBases lagrange;

  private Accumulator(int power, int ceremonyPower, long[] tauG1, long[] tauG2, long[] alphaTauG1, long[] betaTauG1,
      long[] betaG2, List<PtauContribution> contributions, LagrangeBases lagrange) {
    this.power = power;
    this.ceremonyPower = ceremonyPower;
    this.tauG1 = tauG1;
    this.tauG2 = tauG2;
    this.alphaTauG1 = alphaTauG1;
    this.betaTauG1 = betaTauG1;
    this.betaG2 = betaG2;
    this.contributions = List.copyOf(contributions);
    this.lagrange = lagrange;
  }

  /**
   * An accumulator from its parts; the arrays are taken over, not copied, and must not be changed
   * afterwards.
   *
   * @param lagrange the phase-2 sections, or null
   * @throws IllegalArgumentException if a power is out of range or an array has the wrong size
   */
  public static Accumulator of(int power, int ceremonyPower, long[] tauG1, long[] tauG2, long[] alphaTauG1,
      long[] betaTauG1, long[] betaG2, List<PtauContribution> contributions, LagrangeBases lagrange) {
    if (power < 1 || power > MAX_POWER || ceremonyPower < power || ceremonyPower > MAX_POWER) {
      throw new IllegalArgumentException("power " + power + " and ceremony power " + ceremonyPower
          + " must satisfy 1 <= power <= ceremony power <= " + MAX_POWER);
    }
    long n = 1L << power;
    checkLength(tauG1, (2 * n - 1) * 8, "tauG1");
    checkLength(tauG2, n * 16, "tauG2");
    checkLength(alphaTauG1, n * 8, "alphaTauG1");
    checkLength(betaTauG1, n * 8, "betaTauG1");
    checkLength(betaG2, 16, "betaG2");
    if (lagrange != null && lagrange.power() != power) {
      throw new IllegalArgumentException("Lagrange bases of power " + lagrange.power() + " for an accumulator of power "
          + power);
    }
    return new Accumulator(power, ceremonyPower, tauG1, tauG2, alphaTauG1, betaTauG1, betaG2, contributions, lagrange);
  }

  /** log2 of the number of tau powers in G2. */
  public int power() {
    return power;
  }

  public int ceremonyPower() {
    return ceremonyPower;
  }

  /** Points in tauG1: 2^(power+1) - 1. */
  public int tauG1Count() {
    return (2 << power) - 1;
  }

  /** Points in tauG2, alphaTauG1 and betaTauG1: 2^power. */
  public int powersCount() {
    return 1 << power;
  }

  public LongBuffer tauG1() {
    return view(tauG1);
  }

  public LongBuffer tauG2() {
    return view(tauG2);
  }

  public LongBuffer alphaTauG1() {
    return view(alphaTauG1);
  }

  public LongBuffer betaTauG1() {
    return view(betaTauG1);
  }

  public long[] betaG2() {
    return betaG2.clone();
  }

  public List<PtauContribution> contributions() {
    return contributions;
  }

  /** The Lagrange bases of {@link PowersOfTau#preparePhase2}, if computed. */
  public Optional<LagrangeBases> lagrange() {
    return Optional.ofNullable(lagrange);
  }

  /** The same accumulator with other Lagrange bases (null for none). */
  Accumulator withLagrange(LagrangeBases bases) {
    return of(power, ceremonyPower, tauG1, tauG2, alphaTauG1, betaTauG1, betaG2, contributions, bases);
  }

  // The ceremony's direct access, without copies.
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

  long[] rawBetaG2() {
    return betaG2;
  }

  @Override
  public String toString() {
    return "Accumulator[power=" + power + (ceremonyPower != power ? ", ceremony power " + ceremonyPower : "")
        + ", " + contributions.size() + " contributions" + (lagrange != null ? ", with Lagrange bases" : "") + "]";
  }

  static LongBuffer view(long[] v) {
    return LongBuffer.wrap(v).asReadOnlyBuffer();
  }

  private static void checkLength(long[] a, long expected, String what) {
    if (a.length != expected) {
      throw new IllegalArgumentException(what + " has " + a.length + " longs, expected " + expected);
    }
  }
}
