package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zkml4j.groth16.ceremony.PtauContribution.Secret;

/**
 * {@link PowersOfTau#verify} on accumulators changed in one place each: every change is caught,
 * and the report names what is wrong. The honest ceremony (power 4: two contributions and a
 * beacon, prepared for phase 2) is checked valid first; snarkjs accepting the same kind of
 * ceremony is {@link PowersOfTauInteropTest}'s business.
 */
class TamperedCeremonyTest {
  static Accumulator honest;

  @BeforeAll
  static void ceremony() {
    Accumulator acc = PowersOfTau.newCeremony(4);
    acc = PowersOfTau.contribute(acc, "alice", new byte[] {1}, Progress.NONE);
    acc = PowersOfTau.contribute(acc, "bob", new byte[] {2}, Progress.NONE);
    acc = PowersOfTau.beacon(acc, "beacon", HexFormat.of().parseHex("aabbcc"), 10, Progress.NONE);
    honest = PowersOfTau.preparePhase2(acc, Progress.NONE);
  }

  @Test
  void honestCeremonyIsValid() {
    VerificationReport report = PowersOfTau.verify(honest, Progress.NONE);
    assertTrue(report.valid(), report.toString());
  }

  @Test
  void aChangedTauG1PointIsCaught() {
    long[] tauG1 = copy(honest.tauG1());
    System.arraycopy(tauG1, 6 * 8, tauG1, 5 * 8, 8); // point 5 := point 6, still on the curve
    assertReason(with(tauG1, null, null), "tauG1 section: the points are not successive powers");
  }

  @Test
  void aChangedAlphaPointIsCaught() {
    long[] alpha = copy(honest.alphaTauG1());
    System.arraycopy(copy(honest.betaTauG1()), 3 * 8, alpha, 3 * 8, 8);
    assertReason(with(null, alpha, null), "alphaTauG1 section");
  }

  @Test
  void aWrongProofOfKnowledgeIsCaught() {
    List<PtauContribution> cs = new ArrayList<>(honest.contributions());
    PtauContribution bob = cs.get(1);
    long[] key = bob.publicKey();
    System.arraycopy(bob.g1S(Secret.TAU), 0, key, 8, 8); // tau's s*x := s
    cs.set(1, PtauContribution.of(bob.tauG1(), bob.tauG2(), bob.alphaG1(), bob.betaG1(), bob.betaG2(), key,
        bob.partialHash(), bob.nextChallenge(), bob.type(), bob.parameters()));
    assertReason(withContributions(cs), "contribution #2 (bob): invalid proof of knowledge of tau");
  }

  @Test
  void aContributionThatDoesNotFollowItsPredecessorIsCaught() {
    List<PtauContribution> cs = new ArrayList<>(honest.contributions());
    PtauContribution alice = cs.get(0);
    cs.set(0, PtauContribution.of(alice.alphaG1(), alice.tauG2(), alice.alphaG1(), alice.betaG1(), alice.betaG2(),
        alice.publicKey(), alice.partialHash(), alice.nextChallenge(), alice.type(), alice.parameters()));
    assertReason(withContributions(cs), "does not follow the previous contribution");
  }

  @Test
  void aBeaconWithAnotherHashIsCaught() {
    List<PtauContribution> cs = new ArrayList<>(honest.contributions());
    PtauContribution b = cs.get(2);
    cs.set(2, PtauContribution.of(b.tauG1(), b.tauG2(), b.alphaG1(), b.betaG1(), b.betaG2(), b.publicKey(),
        b.partialHash(), b.nextChallenge(), b.type(),
        PtauContribution.encodeParameters("beacon", 10, HexFormat.of().parseHex("aabbcd"))));
    assertReason(withContributions(cs), "the beacon's key is not the one");
  }

  @Test
  void aWrongNextChallengeIsCaught() {
    List<PtauContribution> cs = new ArrayList<>(honest.contributions());
    PtauContribution b = cs.get(2);
    byte[] next = b.nextChallenge();
    next[0] ^= 1;
    cs.set(2, PtauContribution.of(b.tauG1(), b.tauG2(), b.alphaG1(), b.betaG1(), b.betaG2(), b.publicKey(),
        b.partialHash(), next, b.type(), b.parameters()));
    assertReason(withContributions(cs), "next challenge");
  }

  @Test
  void aChangedLagrangePointIsCaught() {
    LagrangeBases l = honest.lagrange().orElseThrow();
    long[] tauG1 = copy(l.tauG1());
    System.arraycopy(tauG1, 0, tauG1, LagrangeBases.start(3) * 8 + 8, 8);
    LagrangeBases bad = LagrangeBases.of(l.power(), tauG1, copy(l.tauG2()), copy(l.alphaTauG1()), copy(l.betaTauG1()));
    assertReason(honest.withLagrange(bad), "Lagrange tauG1 section");
  }

  private static Accumulator with(long[] tauG1, long[] alpha, long[] beta) {
    return Accumulator.of(honest.power(), honest.ceremonyPower(), tauG1 != null ? tauG1 : copy(honest.tauG1()),
        copy(honest.tauG2()), alpha != null ? alpha : copy(honest.alphaTauG1()),
        beta != null ? beta : copy(honest.betaTauG1()), honest.betaG2(), honest.contributions(),
        honest.lagrange().orElse(null));
  }

  private static Accumulator withContributions(List<PtauContribution> cs) {
    return Accumulator.of(honest.power(), honest.ceremonyPower(), copy(honest.tauG1()), copy(honest.tauG2()),
        copy(honest.alphaTauG1()), copy(honest.betaTauG1()), honest.betaG2(), cs, honest.lagrange().orElse(null));
  }

  private static void assertReason(Accumulator acc, String expected) {
    VerificationReport report = PowersOfTau.verify(acc, Progress.NONE);
    assertFalse(report.valid(), "tampered accumulator passed");
    assertTrue(report.reason().orElseThrow().contains(expected), report.toString());
  }

  static long[] copy(LongBuffer b) {
    long[] out = new long[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
