package org.zkml4j.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkml4j.groth16.VerificationResult.Reason;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.groth16.testing.TwistPoints;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.testkit.Peers;

/**
 * zkml4j's verifier against snarkjs on circom circuits: snarkjs's proofs pass ours, and tampered
 * proofs and signals are rejected by ours (and by snarkjs) for the expected reason.
 */
class VerifierInteropTest {
  @TempDir
  Path tmp;

  static Stream<SnarkjsFixture.Circuit> circuits() {
    return Stream.of(SnarkjsFixture.multiplier(), SnarkjsFixture.poseidonRange());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("circuits")
  void snarkjsProofPassesOurVerify(SnarkjsFixture.Circuit c) throws Exception {
    VerifyingKey vk = VerificationKeyJson.read(c.verificationKey());
    assertEquals(VerificationResult.VALID,
        Groth16.verify(vk, PublicSignalsJson.read(c.publicSignals()), ProofJson.read(c.proof())));
  }

  @Test
  void tamperedProofsAndSignalsAreRejectedForTheRightReason() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.poseidonRange();
    VerifyingKey vk = VerificationKeyJson.read(c.verificationKey());
    Proof proof = ProofJson.read(c.proof());
    List<BigInteger> signals = PublicSignalsJson.read(c.publicSignals());
    long[] a = proof.a(), b = proof.b(), cc = proof.c();

    assertReason(Reason.PAIRING_CHECK_FAILED, vk, signals, Proof.of(negate(a, 4), b, cc));
    assertReason(Reason.PAIRING_CHECK_FAILED, vk, signals, Proof.of(a, negate(b, 8), cc));
    assertReason(Reason.PAIRING_CHECK_FAILED, vk, signals, Proof.of(a, b, negate(cc, 4)));
    assertReason(Reason.PAIRING_CHECK_FAILED, vk, signals, Proof.of(cc, b, a));

    for (int i = 0; i < signals.size(); i++) {
      List<BigInteger> wrong = new ArrayList<>(signals);
      wrong.set(i, signals.get(i).add(BigInteger.ONE));
      assertReason(Reason.PAIRING_CHECK_FAILED, vk, wrong, proof);
      // x + r is the same field element as x, and must not be accepted as another encoding of it.
      wrong.set(i, signals.get(i).add(Bn254.R_MODULUS));
      assertReason(Reason.PUBLIC_SIGNAL_OUT_OF_RANGE, vk, wrong, proof);
      wrong.set(i, BigInteger.ONE.negate());
      assertReason(Reason.PUBLIC_SIGNAL_OUT_OF_RANGE, vk, wrong, proof);
    }
    assertReason(Reason.WRONG_PUBLIC_SIGNAL_COUNT, vk, signals.subList(1, signals.size()), proof);
    List<BigInteger> longer = new ArrayList<>(signals);
    longer.add(BigInteger.ZERO);
    assertReason(Reason.WRONG_PUBLIC_SIGNAL_COUNT, vk, longer, proof);

    long[] offCurve = a.clone();
    Bn254.FQ.add(offCurve, 4, offCurve, 4, Bn254.FQ.element(1), 0);
    assertReason(Reason.POINT_NOT_ON_CURVE, vk, signals, Proof.of(offCurve, b, cc));
    assertReason(Reason.POINT_NOT_ON_CURVE, vk, signals, Proof.of(a, b, offCurve));
    long[] bOff = b.clone();
    Bn254.FQ.add(bOff, 8, bOff, 8, Bn254.FQ.element(1), 0);
    assertReason(Reason.POINT_NOT_ON_CURVE, vk, signals, Proof.of(a, bOff, cc));
    long[] outside = TwistPoints.toLongs(TwistPoints.outsideSubgroup(11));
    assertReason(Reason.POINT_NOT_IN_SUBGROUP, vk, signals, Proof.of(a, outside, cc));

    // snarkjs agrees on the wrong signal.
    List<BigInteger> wrong = new ArrayList<>(signals);
    wrong.set(0, signals.get(0).add(BigInteger.ONE));
    Path wrongSignals = tmp.resolve("public.json");
    PublicSignalsJson.write(wrong, wrongSignals);
    Peers.Result r = Peers.snarkjs("groth16", "verify", c.verificationKey().toString(),
        wrongSignals.toString(), c.proof().toString());
    assertFalse(r.output().contains("OK!"), r.output());
  }

  private static void assertReason(Reason expected, VerifyingKey vk, List<BigInteger> signals, Proof proof) {
    VerificationResult result = Groth16.verify(vk, signals, proof);
    assertEquals(expected, result.reason(), result.message());
    assertFalse(result.isValid());
  }

  /** -P: y (from long {@code yOffset} on) replaced by q - y, still on the curve. */
  private static long[] negate(long[] p, int yOffset) {
    long[] n = p.clone();
    for (int i = yOffset; i < p.length; i += 4) {
      Bn254.FQ.neg(n, i, p, i);
    }
    return n;
  }
}
