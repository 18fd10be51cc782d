package org.zkml4j.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.format.WtnsFile;
import org.zkml4j.groth16.VerificationResult.Reason;
import org.zkml4j.groth16.format.FileProver;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.msm.BucketArithmetic;
import org.zkml4j.math.parallel.Parallelism;

/**
 * zkml4j's prover against snarkjs on circom circuits: our proofs from snarkjs's keys and witnesses
 * pass {@code snarkjs groth16 verify} (and ours), carry snarkjs's public signals, are randomized,
 * and a witness that breaks a constraint gives a proof that fails.
 */
class ProverInteropTest {
  @TempDir
  Path tmp;

  static Stream<SnarkjsFixture.Circuit> circuits() {
    return Stream.of(SnarkjsFixture.multiplier(), SnarkjsFixture.poseidonRange());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("circuits")
  void ourProofPassesSnarkjsVerify(SnarkjsFixture.Circuit c) throws Exception {
    ProverOutput out = FileProver.prove(c.zkey(), c.wtns());
    assertEquals(PublicSignalsJson.read(c.publicSignals()), out.publicSignals());
    Path proof = tmp.resolve("proof.json"), signals = tmp.resolve("public.json");
    ProofJson.write(out.proof(), proof);
    PublicSignalsJson.write(out.publicSignals(), signals);
    String result = SnarkjsFixture.snarkjs("groth16", "verify", c.verificationKey().toString(), signals.toString(),
        proof.toString());
    assertTrue(result.contains("OK!"), result);
    assertTrue(Groth16.verify(VerificationKeyJson.read(c.verificationKey()), out.publicSignals(), out.proof())
        .isValid());
  }

  /**
   * From a domain of 2^13 on, the prover runs its MSMs in lanes from the first (the fixtures'
   * domains are smaller, so the default path above keeps the MSM's own choice): each arithmetic,
   * forced, gives a proof snarkjs accepts, and the same proof for the same randomness.
   */
  @Test
  void proofsWithEitherBucketArithmeticPassSnarkjsVerify() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.poseidonRange();
    ProvingKey pk = ZkeyReader.read(c.zkey());
    long[] w = WtnsFile.read(c.wtns()).toArray();
    List<Proof> proofs = new ArrayList<>();
    for (BucketArithmetic arithmetic : BucketArithmetic.values()) {
      if (!arithmetic.isAvailable()) {
        continue;
      }
      ProverOutput out = Prover.prove(pk, w, new SplittableRandom(7), Parallelism.shared(), arithmetic);
      Path proof = tmp.resolve(arithmetic + "-proof.json"), signals = tmp.resolve(arithmetic + "-public.json");
      ProofJson.write(out.proof(), proof);
      PublicSignalsJson.write(out.publicSignals(), signals);
      String result = SnarkjsFixture.snarkjs("groth16", "verify", c.verificationKey().toString(), signals.toString(),
          proof.toString());
      assertTrue(result.contains("OK!"), arithmetic + ": " + result);
      proofs.add(out.proof());
    }
    assertEquals(1, proofs.stream().distinct().count());
    assertNull(Prover.arithmeticFor(Prover.LANES_FROM_LOG2_DOMAIN - 1));
    assertEquals(BucketArithmetic.fastest(), Prover.arithmeticFor(Prover.LANES_FROM_LOG2_DOMAIN));
  }

  @Test
  void proofsAreRandomizedAndAllVerify() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.multiplier();
    ProvingKey pk = ZkeyReader.read(c.zkey());
    long[] w = WtnsFile.read(c.wtns()).toArray();
    VerifyingKey vk = pk.verifyingKey();
    SplittableRandom random = new SplittableRandom(1);
    ProverOutput first = Groth16.prove(pk, w, random, Parallelism.shared());
    ProverOutput second = Groth16.prove(pk, w, random, Parallelism.shared());
    assertNotEquals(first.proof(), second.proof());
    assertTrue(Groth16.verify(vk, first.publicSignals(), first.proof()).isValid());
    assertTrue(Groth16.verify(vk, second.publicSignals(), second.proof()).isValid());
    // One thread gives the same proof as the shared pool for the same randomness.
    ProverOutput serial = Groth16.prove(pk, w, new SplittableRandom(1), new Parallelism(1));
    assertEquals(first.proof(), serial.proof());
  }

  @Test
  void witnessThatViolatesAConstraintGivesAProofThatFails() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.poseidonRange();
    ProvingKey pk = ZkeyReader.read(c.zkey());
    Witness honest = WtnsFile.read(c.wtns());
    int internal = pk.nVars() - 1;
    Witness cheat = honest.with(internal, honest.value(internal).add(BigInteger.ONE));
    ProverOutput out = Groth16.prove(pk, cheat);
    assertEquals(Reason.PAIRING_CHECK_FAILED, Groth16.verify(pk.verifyingKey(), out.publicSignals(), out.proof())
        .reason());
  }

  @Test
  void malformedWitnessesAreRefused() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.multiplier();
    ProvingKey pk = ZkeyReader.read(c.zkey());
    long[] w = WtnsFile.read(c.wtns()).toArray();
    IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
        () -> Groth16.prove(pk, Arrays.copyOf(w, w.length - 4)));
    assertTrue(shortOne.getMessage().contains("nVars = " + pk.nVars()), shortOne.getMessage());
    long[] noOne = w.clone();
    Bn254.FR.fromLong(noOne, 0, 2);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Groth16.prove(pk, noOne)).getMessage()
        .contains("wire 0 must be 1"));
    FormatException other = assertThrows(FormatException.class,
        () -> FileProver.prove(c.zkey(), SnarkjsFixture.poseidonRange().wtns()));
    assertTrue(other.getMessage().contains("different circuits"), other.getMessage());
  }
}
