package org.zkml4j.groth16.ceremony;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.groth16.Phase2Contribution;
import org.zkml4j.groth16.Phase2Contributions;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.QapCoefficients;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.hash.Blake2b;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.parallel.Parallelism;

/**
 * {@code snarkjs zkey verify}'s checks (zkey_verify_frominit.js), in its order, stopping at the
 * first failure: the contribution chain (transcripts, proofs of knowledge, beacons, delta after
 * each), then the key against a fresh {@link ZkeySetup} of the same circuit and accumulator:
 * sizes, alpha, beta, gamma, delta, the circuit hash, IC, coefficients, A, B1 and B2 identical,
 * and C and H equal to the fresh ones divided by delta (one random linear combination and one
 * pairing check each). snarkjs checks H against the monomial powers instead of the fresh key's
 * H; both are the same check when the accumulator is valid, which {@link PowersOfTau#verify}
 * establishes.
 */
final class ZkeyVerifier {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ZkeyVerifier() {}

  static VerificationReport verify(R1cs r1cs, Accumulator ptau, ProvingKey key, Parallelism parallelism,
      Progress progress) {
    List<String> notes = new ArrayList<>();
    Optional<String> failure = check(r1cs, ptau, key, parallelism, progress, notes);
    return failure.map(f -> VerificationReport.failure(f, notes)).orElseGet(() -> VerificationReport.ok(notes));
  }

  private static Optional<String> check(R1cs r1cs, Accumulator ptau, ProvingKey key, Parallelism parallelism,
      Progress progress, List<String> notes) {
    if (key.contributions().isEmpty()) {
      return Optional.of("the key has no phase-2 record (section 10)");
    }
    Phase2Contributions mpc = key.contributions().get();
    G1 g1 = new G1();
    G2 g2 = new G2();
    long[] curDelta = g1.generator();
    List<Phase2Contribution> before = new ArrayList<>();
    for (int i = 0; i < mpc.contributions().size(); i++) {
      Phase2Contribution c = mpc.contributions().get(i);
      String who = "contribution #" + (i + 1) + c.name().map(n -> " (" + n + ")").orElse("");
      if (!Arrays.equals(DeltaKey.transcript(mpc.circuitHash(), before, c.g1S(), c.g1Sx()), c.transcript())) {
        return Optional.of(who + ": inconsistent transcript");
      }
      if (!g2.isInSubgroup(c.g2Spx(), 0)) {
        return Optional.of(who + ": its G2 point is outside the order-r subgroup");
      }
      long[] sp = PtauKey.hashToG2(c.transcript());
      if (!SameRatio.holds(c.g1S(), c.g1Sx(), sp, c.g2Spx())) {
        return Optional.of(who + ": invalid proof of knowledge (the G1 and G2 keys do not have the same ratio)");
      }
      if (!SameRatio.holds(curDelta, c.deltaAfter(), sp, c.g2Spx())) {
        return Optional.of(who + ": delta after the contribution does not follow from its key");
      }
      if (c.type() == Phase2Contribution.TYPE_BEACON) {
        if (c.beaconHash().isEmpty() || c.numIterationsExp().isEmpty()) {
          return Optional.of(who + " is a beacon without its hash or iteration count");
        }
        DeltaKey expected;
        try {
          expected = DeltaKey.create(mpc.circuitHash(), before,
              Beacon.rng(c.beaconHash().get(), c.numIterationsExp().getAsInt()));
        } catch (IllegalArgumentException e) {
          return Optional.of(who + ": " + e.getMessage());
        }
        if (!Arrays.equals(expected.g1S, c.g1S()) || !Arrays.equals(expected.g1Sx, c.g1Sx())) {
          return Optional.of(who + ": the beacon's key is not the one its hash and iteration count generate");
        }
      }
      Blake2b contributionHash = new Blake2b();
      DeltaKey.hashPublicKey(contributionHash, c);
      notes.add(who + ": contribution hash " + HexFormat.of().formatHex(contributionHash.digest()));
      before.add(c);
      curDelta = c.deltaAfter();
    }

    ProvingKey init;
    try {
      init = ZkeySetup.newZkey(r1cs, ptau, parallelism, progress);
    } catch (IllegalArgumentException e) {
      return Optional.of("cannot set the circuit up from this accumulator: " + e.getMessage());
    }
    if (init.nVars() != key.nVars() || init.nPublic() != key.nPublic() || init.domainSize() != key.domainSize()) {
      return Optional.of("different circuit parameters: the key has nVars " + key.nVars() + ", nPublic "
          + key.nPublic() + ", domain " + key.domainSize() + "; the circuit gives " + init.nVars() + ", "
          + init.nPublic() + ", " + init.domainSize());
    }
    if (!Arrays.equals(init.alpha1(), key.alpha1())) {
      return Optional.of("invalid alpha1");
    }
    if (!Arrays.equals(init.beta1(), key.beta1())) {
      return Optional.of("invalid beta1");
    }
    if (!Arrays.equals(init.beta2(), key.beta2())) {
      return Optional.of("invalid beta2");
    }
    if (!Arrays.equals(init.gamma2(), key.gamma2())) {
      return Optional.of("invalid gamma2");
    }
    if (!Arrays.equals(key.delta1(), curDelta)) {
      return Optional.of("invalid delta1: it is not the last contribution's delta");
    }
    if (!g2.isInSubgroup(key.delta2(), 0) || !SameRatio.holds(g1.generator(), curDelta, g2.generator(), key.delta2())) {
      return Optional.of("invalid delta2: it does not match delta1");
    }
    if (!Arrays.equals(init.contributions().orElseThrow().circuitHash(), mpc.circuitHash())) {
      return Optional.of("the circuit hash does not match: the key was made for another circuit or accumulator");
    }
    if (!init.ic().equals(key.ic())) {
      return Optional.of("the IC section is not identical");
    }
    if (!sameCoefficients(init.coefficients(), key.coefficients())) {
      return Optional.of("the coefficients section is not identical");
    }
    if (!init.pointsA().equals(key.pointsA())) {
      return Optional.of("the A section is not identical");
    }
    if (!init.pointsB1().equals(key.pointsB1())) {
      return Optional.of("the B1 section is not identical");
    }
    if (!init.pointsB2().equals(key.pointsB2())) {
      return Optional.of("the B2 section is not identical");
    }
    progress.update("checking C and H", 0, 2);
    if (!dividedByDelta(Phase2.copy(init.pointsC()), Phase2.copy(key.pointsC()), key.delta2(), init.delta2(),
        parallelism)) {
      return Optional.of("the C section does not match: it is not the circuit's C divided by delta");
    }
    progress.update("checking C and H", 1, 2);
    if (!dividedByDelta(Phase2.copy(init.pointsH()), Phase2.copy(key.pointsH()), key.delta2(), init.delta2(),
        parallelism)) {
      return Optional.of("the H section does not match: it is not the circuit's H divided by delta");
    }
    progress.update("checking C and H", 2, 2);
    notes.add("circuit hash " + HexFormat.of().formatHex(mpc.circuitHash()));
    return Optional.empty();
  }

  /** Whether every point of {@code after} is the matching point of {@code before} divided by delta. */
  private static boolean dividedByDelta(long[] before, long[] after, long[] delta2, long[] initDelta2,
      Parallelism parallelism) {
    int n = before.length / 8;
    if (n == 0) {
      return after.length == 0;
    }
    long[] scalars = new long[4 * n];
    for (int i = 0; i < n; i++) {
      scalars[4 * i] = RANDOM.nextLong() >>> 1 | 1;
    }
    long[] r1 = Msm.g1(before, scalars, n, ScalarForm.PLAIN, parallelism);
    long[] r2 = Msm.g1(after, scalars, n, ScalarForm.PLAIN, parallelism);
    return SameRatio.holds(r1, r2, delta2, initDelta2);
  }

  private static boolean sameCoefficients(QapCoefficients a, QapCoefficients b) {
    if (a.size() != b.size()) {
      return false;
    }
    long[] x = new long[4], y = new long[4];
    for (int i = 0; i < a.size(); i++) {
      a.value(i, x, 0);
      b.value(i, y, 0);
      if (a.matrix(i) != b.matrix(i) || a.constraint(i) != b.constraint(i) || a.signal(i) != b.signal(i)
          || !Arrays.equals(x, y)) {
        return false;
      }
    }
    return true;
  }
}
