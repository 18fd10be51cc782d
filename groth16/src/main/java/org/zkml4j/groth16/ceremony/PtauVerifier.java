package org.zkml4j.groth16.ceremony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.zkml4j.groth16.ceremony.PtauContribution.Secret;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.hash.Blake2b;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * {@code snarkjs powersoftau verify}'s checks, in its order, stopping at the first failure:
 * <ol>
 *   <li>there is at least one contribution, and the last one is valid against the one before
 *       ({@link #checkContribution});
 *   <li>each section's points are successive powers: with random r_i, sum r_i P_i and
 *       sum r_i P_(i+1) must have the ratio tau, checked by a pairing against the last
 *       contribution's tau*G2 (or tau*G1 for the G2 section); the first points are the generators
 *       and the contribution's points; betaG2 matches;
 *   <li>the hash of the last response and the sections is the last contribution's next challenge;
 *   <li>every earlier contribution is valid against the one before it;
 *   <li>if present, every Lagrange basis equals the inverse FFT of the powers: for random r,
 *       sum r_i tau^i G = sum FFT(r)_j L_j(tau) G, all sizes of a section combined by random weights.
 * </ol>
 * Random scalars are 64 bits from {@link SecureRandom}, so a wrong file passes with probability
 * about 2^-64 per check. G2 points that enter pairings are checked to be in the order-r subgroup.
 */
final class PtauVerifier {
  private static final PrimeField FR = Bn254.FR;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Accumulator acc;
  private final Parallelism parallelism;
  private final Progress progress;
  private final List<String> notes = new ArrayList<>();
  private final G1 g1 = new G1();
  private final G2 g2 = new G2();

  private PtauVerifier(Accumulator acc, Parallelism parallelism, Progress progress) {
    this.acc = acc;
    this.parallelism = parallelism;
    this.progress = progress;
  }

  static VerificationReport verify(Accumulator acc, Parallelism parallelism, Progress progress) {
    PtauVerifier v = new PtauVerifier(acc, parallelism, progress);
    Optional<String> failure = v.run();
    return failure.map(f -> VerificationReport.failure(f, v.notes)).orElseGet(() -> VerificationReport.ok(v.notes));
  }

  /** The points a contribution builds on: the previous contribution's, or the generators. */
  private record Previous(byte[] challenge, long[] tauG1, long[] tauG2, long[] alphaG1, long[] betaG1, long[] betaG2) {}

  private Optional<String> run() {
    List<PtauContribution> contributions = acc.contributions();
    if (contributions.isEmpty()) {
      return Optional.of("the file has no contributions; it cannot be used in production");
    }
    int last = contributions.size() - 1;
    PtauContribution cur = contributions.get(last);
    Optional<String> f = checkContribution(last, cur, previous(last));
    if (f.isPresent()) {
      return f;
    }
    f = checkSections(cur);
    if (f.isPresent()) {
      return f;
    }
    for (int i = last - 1; i >= 0; i--) {
      f = checkContribution(i, contributions.get(i), previous(i));
      if (f.isPresent()) {
        return f;
      }
    }
    for (int i = 0; i < contributions.size(); i++) {
      PtauContribution c = contributions.get(i);
      notes.add("contribution #" + (i + 1) + " " + c.name().orElse("") + ": next challenge "
          + HexFormat.of().formatHex(c.nextChallenge())
          + (c.type() == PtauContribution.TYPE_BEACON ? ", beacon " + HexFormat.of().formatHex(c.beaconHash().orElseThrow())
              + " with 2^" + c.numIterationsExp().orElseThrow() + " iterations" : ""));
    }
    if (acc.lagrange().isEmpty()) {
      notes.add("the file has no phase-2 (Lagrange) sections; run preparePhase2 before circuit setup");
      return Optional.empty();
    }
    return checkLagrange(acc.lagrange().get());
  }

  private Previous previous(int index) {
    if (index > 0) {
      PtauContribution p = acc.contributions().get(index - 1);
      return new Previous(p.nextChallenge(), p.tauG1(), p.tauG2(), p.alphaG1(), p.betaG1(), p.betaG2());
    }
    long[] gen1 = g1.generator();
    long[] gen2 = g2.generator();
    return new Previous(Transcript.firstChallenge(acc.ceremonyPower()), gen1, gen2, gen1, gen1, gen2);
  }

  /**
   * A contribution's proof of knowledge of tau, alpha, beta (and, for a beacon, that its keys are
   * the beacon's), and that its points are the previous ones times these secrets.
   */
  Optional<String> checkContribution(int index, PtauContribution cur, Previous prev) {
    String who = "contribution #" + (index + 1) + cur.name().map(n -> " (" + n + ")").orElse("");
    if (cur.type() == PtauContribution.TYPE_BEACON) {
      if (cur.beaconHash().isEmpty() || cur.numIterationsExp().isEmpty()) {
        return Optional.of(who + " is a beacon without its hash or iteration count");
      }
      long[] expected;
      try {
        expected = Beacon.ptauKey(prev.challenge(), cur.beaconHash().get(), cur.numIterationsExp().getAsInt()).publicKey;
      } catch (IllegalArgumentException e) {
        return Optional.of(who + ": " + e.getMessage());
      }
      if (!Arrays.equals(expected, cur.publicKey())) {
        return Optional.of(who + ": the beacon's key is not the one its hash and iteration count generate");
      }
    }
    for (long[] p : List.of(cur.tauG2(), cur.betaG2(), cur.g2Spx(Secret.TAU), cur.g2Spx(Secret.ALPHA),
        cur.g2Spx(Secret.BETA))) {
      if (!g2.isInSubgroup(p, 0)) {
        return Optional.of(who + " has a G2 point outside the order-r subgroup");
      }
    }
    long[][] sp = new long[3][];
    for (Secret s : Secret.values()) {
      sp[s.ordinal()] = PtauKey.g2Sp(s.ordinal(), prev.challenge(), cur.g1S(s), cur.g1Sx(s));
      if (!SameRatio.holds(cur.g1S(s), cur.g1Sx(s), sp[s.ordinal()], cur.g2Spx(s))) {
        return Optional.of(who + ": invalid proof of knowledge of " + s.name().toLowerCase());
      }
    }
    if (!SameRatio.holds(prev.tauG1(), cur.tauG1(), sp[0], cur.g2Spx(Secret.TAU))) {
      return Optional.of(who + ": tau*G1 does not follow the previous contribution");
    }
    if (!SameRatio.holds(cur.g1S(Secret.TAU), cur.g1Sx(Secret.TAU), prev.tauG2(), cur.tauG2())) {
      return Optional.of(who + ": tau*G2 does not follow the previous contribution");
    }
    if (!SameRatio.holds(prev.alphaG1(), cur.alphaG1(), sp[1], cur.g2Spx(Secret.ALPHA))) {
      return Optional.of(who + ": alpha*G1 does not follow the previous contribution");
    }
    if (!SameRatio.holds(prev.betaG1(), cur.betaG1(), sp[2], cur.g2Spx(Secret.BETA))) {
      return Optional.of(who + ": beta*G1 does not follow the previous contribution");
    }
    if (!SameRatio.holds(cur.g1S(Secret.BETA), cur.g1Sx(Secret.BETA), prev.betaG2(), cur.betaG2())) {
      return Optional.of(who + ": beta*G2 does not follow the previous contribution");
    }
    return Optional.empty();
  }

  /** The sections against the last contribution: powers, first points, and the challenge hash. */
  private Optional<String> checkSections(PtauContribution cur) {
    int n = acc.powersCount();
    long[] gen1 = g1.generator();
    long[] gen2 = g2.generator();
    progress.update("checking the powers", 0, 4);
    long[][] tau1 = ratioCombination(acc.rawTauG1(), 2 * n - 1, false);
    if (!SameRatio.holds(tau1[0], tau1[1], gen2, cur.tauG2())) {
      return Optional.of("tauG1 section: the points are not successive powers of tau");
    }
    if (!samePoint(acc.rawTauG1(), 0, gen1) || !samePoint(acc.rawTauG1(), 8, cur.tauG1())) {
      return Optional.of("tauG1 section: the first points are not G1 and the last contribution's tau*G1");
    }
    progress.update("checking the powers", 1, 4);
    long[][] tau2 = ratioCombination(acc.rawTauG2(), n, true);
    if (!g2.isInSubgroup(tau2[0], 0) || !g2.isInSubgroup(tau2[1], 0)) {
      return Optional.of("tauG2 section: a point is outside the order-r subgroup");
    }
    if (!SameRatio.holds(gen1, cur.tauG1(), tau2[0], tau2[1])) {
      return Optional.of("tauG2 section: the points are not successive powers of tau");
    }
    if (!samePoint(acc.rawTauG2(), 0, gen2) || !samePoint(acc.rawTauG2(), 16, cur.tauG2())) {
      return Optional.of("tauG2 section: the first points are not G2 and the last contribution's tau*G2");
    }
    progress.update("checking the powers", 2, 4);
    long[][] alpha = ratioCombination(acc.rawAlphaTauG1(), n, false);
    if (!SameRatio.holds(alpha[0], alpha[1], gen2, cur.tauG2())) {
      return Optional.of("alphaTauG1 section: the points are not alpha times successive powers of tau");
    }
    if (!samePoint(acc.rawAlphaTauG1(), 0, cur.alphaG1())) {
      return Optional.of("alphaTauG1 section: the first point is not the last contribution's alpha*G1");
    }
    progress.update("checking the powers", 3, 4);
    long[][] beta = ratioCombination(acc.rawBetaTauG1(), n, false);
    if (!SameRatio.holds(beta[0], beta[1], gen2, cur.tauG2())) {
      return Optional.of("betaTauG1 section: the points are not beta times successive powers of tau");
    }
    if (!samePoint(acc.rawBetaTauG1(), 0, cur.betaG1())) {
      return Optional.of("betaTauG1 section: the first point is not the last contribution's beta*G1");
    }
    if (!samePoint(acc.rawBetaG2(), 0, cur.betaG2())) {
      return Optional.of("betaG2 section: the point is not the last contribution's beta*G2");
    }
    progress.update("checking the powers", 4, 4);
    if (acc.power() == acc.ceremonyPower()) {
      Optional<byte[]> response = cur.responseHash();
      if (response.isEmpty()) {
        return Optional.of("the last contribution's partial response hash is not a BLAKE2b state in snarkjs 0.7's layout");
      }
      Blake2b h = new Blake2b().update(response.get());
      Transcript.hashSections(h, acc.rawTauG1(), acc.rawTauG2(), acc.rawAlphaTauG1(), acc.rawBetaTauG1(),
          acc.rawBetaG2(), false, parallelism);
      if (!Arrays.equals(h.digest(), cur.nextChallenge())) {
        return Optional.of("the hash of the last response and the points is not the last contribution's next"
            + " challenge");
      }
    }
    return Optional.empty();
  }

  /** {sum r_i P_i, sum r_i P_(i+1)} over i &lt; n - 1 for random 64-bit r_i (affine points). */
  private long[][] ratioCombination(long[] points, int n, boolean isG2) {
    long[] lower = new long[4 * n];
    long[] upper = new long[4 * n];
    for (int i = 0; i < n - 1; i++) {
      long r = RANDOM.nextLong() >>> 1 | 1;
      lower[4 * i] = r;
      upper[4 * (i + 1)] = r;
    }
    return new long[][] {msm(points, lower, n, isG2, ScalarForm.PLAIN), msm(points, upper, n, isG2, ScalarForm.PLAIN)};
  }

  /** Every Lagrange basis against the monomial powers it was computed from. */
  private Optional<String> checkLagrange(LagrangeBases l) {
    int power = acc.power();
    String[] names = {"tauG1", "tauG2", "alphaTauG1", "betaTauG1"};
    long[][] monomial = {acc.rawTauG1(), acc.rawTauG2(), acc.rawAlphaTauG1(), acc.rawBetaTauG1()};
    long[][] lagrange = {l.rawTauG1(), l.rawTauG2(), l.rawAlphaTauG1(), l.rawBetaTauG1()};
    for (int s = 0; s < 4; s++) {
      progress.update("checking the Lagrange bases", s, 4);
      boolean isG2 = s == 1;
      int maxK = s == 0 ? power + 1 : power;
      int available = monomial[s].length / (isG2 ? 16 : 8);
      int maxM = 1 << maxK;
      long[] rho = new long[4 * maxM];
      for (int i = 0; i < Math.min(maxM, available); i++) {
        FR.fromLong(rho, 4 * i, RANDOM.nextLong() >>> 1);
      }
      long[] monomialScalars = new long[4 * maxM];
      long[] lagrangeScalars = new long[4 * ((2 << maxK) - 1)];
      long[] weight = new long[4];
      for (int k = 0; k <= maxK; k++) {
        FR.fromLong(weight, 0, RANDOM.nextLong() >>> 1);
        int m = 1 << k;
        long[] values = Arrays.copyOf(rho, 4 * m);
        EvaluationDomain.ofLog2Size(k, parallelism).fft(values, 0);
        int base = 4 * LagrangeBases.start(k);
        for (int i = 0; i < m; i++) {
          FR.mul(values, 4 * i, values, 4 * i, weight, 0);
          PrimeField.copy(lagrangeScalars, base + 4 * i, values, 4 * i);
          long[] t = new long[4];
          FR.mul(t, 0, rho, 4 * i, weight, 0);
          FR.add(monomialScalars, 4 * i, monomialScalars, 4 * i, t, 0);
        }
      }
      long[] expected = msm(monomial[s], monomialScalars, Math.min(maxM, available), isG2, ScalarForm.MONTGOMERY);
      long[] actual = msm(lagrange[s], lagrangeScalars, (2 << maxK) - 1, isG2, ScalarForm.MONTGOMERY);
      if (!Arrays.equals(expected, actual)) {
        return Optional.of("Lagrange " + names[s] + " section (" + (12 + s) + "): the points are not the Lagrange"
            + " basis of the powers");
      }
    }
    progress.update("checking the Lagrange bases", 4, 4);
    return Optional.empty();
  }

  private long[] msm(long[] bases, long[] scalars, int n, boolean isG2, ScalarForm form) {
    return isG2 ? Msm.g2(bases, scalars, n, form, parallelism) : Msm.g1(bases, scalars, n, form, parallelism);
  }

  private static boolean samePoint(long[] points, int offset, long[] p) {
    return Arrays.equals(points, offset, offset + p.length, p, 0, p.length);
  }
}
