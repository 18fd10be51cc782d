package org.zkml4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.groth16.Proof;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.testkit.Peers;

/**
 * The facade end to end on the tiny 7x7 MNIST model (a power-10 ceremony, so the whole setup
 * takes seconds): proofs of held-out digits verify in Java and in snarkjs, their outputs follow
 * ONNX Runtime's float outputs, and tampered proofs, signals and claimed outputs are rejected.
 */
class ZkModelEndToEndTest {
  @TempDir static Path cache;
  static ZkModel model;
  static Keys keys;

  @BeforeAll
  static void setUp() throws Exception {
    model = Fixtures.tinyModel(Visibility.defaults());
    keys = model.setup(SetupOptions.local(cache));
  }

  @Test
  void setup_makesThePowerTheCircuitNeeds_andCachesCeremonyAndKeys() throws Exception {
    int rows = model.compiled().circuit().r1cs().numConstraints() + model.compiled().circuit().r1cs().numPublic();
    int power = model.ptauPower();
    assertTrue((1 << power) > rows && (1 << (power - 1)) <= rows, power + " for " + rows + " rows");
    assertTrue(Files.isRegularFile(cache.resolve("ptau/local-bn128-" + power + ".ptau")));
    List<String> stages = new ArrayList<>();
    Keys again = model.setup(SetupOptions.local(cache).progress((stage, done, total) -> stages.add(stage)));
    assertEquals(keys.verifyingKey(), again.verifyingKey());
    assertTrue(stages.stream().allMatch(s -> s.startsWith("reading cached keys")), stages.toString());
  }

  @Test
  void proofsOfHeldOutDigits_verify_andFollowOnnxRuntime() throws Exception {
    double worst = 0;
    for (int d = 0; d < 10; d++) {
      ModelInput input = model.readInput(Fixtures.tiny("digit-" + d + ".json"));
      ProofBundle proof = model.prove(keys, input);
      assertTrue(model.verify(keys.verifyingKey(), proof), "digit " + d);
      float[] reference = OnnxRuntime.run(Fixtures.tiny("tiny.onnx"), "input", Shape.of(1, 1, 7, 7), input.values(0));
      float[] proven = model.provenOutputs(proof.publicSignals()).get(0);
      assertEquals(10, proven.length);
      for (int i = 0; i < 10; i++) {
        worst = Math.max(worst, Math.abs(proven[i] - reference[i]));
      }
      assertEquals(argmax(reference), argmax(proven), "digit " + d);
      assertEquals(List.of(proven).size(), proof.outputs().size());
    }
    assertTrue(worst < 1.0, "largest difference from ONNX Runtime " + worst);
  }

  @Test
  void snarkjs_acceptsTheSavedProof_andRejectsAChangedSignal(@TempDir Path dir) throws Exception {
    ProofBundle proof = model.prove(keys, model.readInput(Fixtures.mnist().resolve("digit-4.png")));
    keys.save(dir.resolve("model"));
    proof.save(dir.resolve("proof"));
    Peers.Result ok = snarkjsVerify(dir.resolve("model"), dir.resolve("proof"));
    assertTrue(ok.exitCode() == 0 && ok.output().contains("OK!"), ok.output());
    List<BigInteger> signals = new ArrayList<>(proof.publicSignals());
    signals.set(0, signals.get(0).add(BigInteger.ONE).mod(Bn254.R_MODULUS));
    new ProofBundle(List.of(), proof.proof(), signals).save(dir.resolve("tampered"));
    Peers.Result bad = snarkjsVerify(dir.resolve("model"), dir.resolve("tampered"));
    assertTrue(bad.exitCode() != 0 && bad.output().contains("Invalid proof"), bad.output());
    assertFalse(model.verify(keys.verifyingKey(), ProofBundle.read(dir.resolve("tampered"))));
  }

  @Test
  void tamperedProofs_signalsAndClaims_areRejectedWithTheReason() throws Exception {
    ProofBundle proof = model.prove(keys, model.readInput(Fixtures.tiny("digit-2.json")));
    Parallelism p = Parallelism.shared();
    assertTrue(model.check(keys.verifyingKey(), proof, p).valid());

    Proof swapped = Proof.of(proof.proof().c(), proof.proof().b(), proof.proof().a());
    Verdict v = model.check(keys.verifyingKey(), new ProofBundle(proof.outputs(), swapped, proof.publicSignals()), p);
    assertFalse(v.valid());
    assertTrue(v.reason().contains("pairing") || v.reason().contains("e(A, B)"), v.reason());

    List<BigInteger> plusR = new ArrayList<>(proof.publicSignals());
    plusR.set(3, plusR.get(3).add(Bn254.R_MODULUS));
    assertFalse(model.check(keys.verifyingKey(), new ProofBundle(List.of(), proof.proof(), plusR), p).valid());

    List<float[]> claim = proof.outputs();
    claim.get(0)[3] += 1;
    Verdict lie = model.check(keys.verifyingKey(), proof.withOutputs(claim), p);
    assertFalse(lie.valid());
    assertTrue(lie.reason().startsWith("output 0 value 3 is"), lie.reason());

    Verdict shorter = model.check(keys.verifyingKey(),
        new ProofBundle(List.of(), proof.proof(), proof.publicSignals().subList(0, 9)), p);
    assertEquals("the proof has 9 public signals; this model's circuit has 10", shorter.reason());
  }

  @Test
  void savedDirectory_reopens_andProvesForTheSameKeys(@TempDir Path dir) throws Exception {
    model.save(dir, cache);
    keys.save(dir);
    ZkModel reopened = ZkModel.open(dir, cache);
    assertEquals(model.compiled().circuit().r1cs(), reopened.compiled().circuit().r1cs());
    ProofBundle proof = reopened.prove(Keys.read(dir, Parallelism.shared()),
        reopened.readInput(Fixtures.tiny("digit-9.json")));
    assertTrue(model.verify(Keys.readVerifyingKey(dir), proof));
    String manifest = Files.readString(dir.resolve("model.json"));
    assertTrue(manifest.contains("\"formatVersion\" : 1"), manifest);
    assertTrue(manifest.contains(ModelDirectory.sha256Hex(Files.readAllBytes(dir.resolve("circuit.r1cs")))));
    assertTrue(manifest.contains(ModelDirectory.sha256Hex(Files.readAllBytes(Fixtures.tiny("tiny.onnx")))));
  }

  @Test
  void reopening_refusesChangedFilesAndNewerFormats(@TempDir Path dir) throws Exception {
    model.save(dir, cache);
    Path onnx = dir.resolve("model.onnx");
    byte[] original = Files.readAllBytes(onnx);
    byte[] changed = original.clone();
    changed[changed.length - 1] ^= 1;
    Files.write(onnx, changed);
    assertTrue(assertThrows(Exception.class, () -> ZkModel.open(dir, cache)).getMessage().contains("changed since"));
    Files.write(onnx, original);

    Path manifest = dir.resolve("model.json");
    String text = Files.readString(manifest);
    Files.writeString(manifest, text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    assertTrue(assertThrows(Exception.class, () -> ZkModel.open(dir, cache)).getMessage().contains("newer zkml4j"));
    Files.writeString(manifest, text);

    ZkModel other = ZkModel.load(Fixtures.tiny("tiny.onnx")).calibrate(Fixtures.tiny("calibration.json"))
        .quantization(org.zkml4j.model.quant.QuantizationOptions.size()).compile(Visibility.defaults());
    Path elsewhere = dir.resolve("other");
    other.save(elsewhere, cache);
    Files.copy(elsewhere.resolve("circuit.r1cs"), dir.resolve("circuit.r1cs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertTrue(assertThrows(Exception.class, () -> ZkModel.open(dir, cache)).getMessage().contains("changed since"));
  }

  @Test
  void savingAnotherCircuit_dropsTheOldKeys_savingTheSameKeepsThem(@TempDir Path dir) throws Exception {
    model.save(dir, cache);
    keys.save(dir);
    model.save(dir, cache);
    assertTrue(Files.exists(dir.resolve(Keys.ZKEY)));
    Fixtures.tinyModel(new Visibility(Visibility.Exposure.PRIVATE, Visibility.Weights.PRIVATE,
        Visibility.Exposure.PUBLIC)).save(dir, cache);
    assertFalse(Files.exists(dir.resolve(Keys.ZKEY)));
    assertFalse(Files.exists(dir.resolve(Keys.VERIFICATION_KEY)));
  }

  @Test
  void keysOfAnotherCircuit_andInputsOutOfRange_areRefused() throws Exception {
    ZkModel other = Fixtures.tinyModel(new Visibility(Visibility.Exposure.PUBLIC, Visibility.Weights.FIXED,
        Visibility.Exposure.PUBLIC));
    ModelInput digit = model.readInput(Fixtures.tiny("digit-1.json"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> other.prove(keys, digit)).getMessage()
        .contains("run the setup for this model"));
    float[] bright = digit.values(0);
    bright[10] = 2.0f;
    WitnessException e = assertThrows(WitnessException.class, () -> model.witness(ModelInput.of(bright)));
    assertEquals(WitnessException.Reason.INPUT, e.reason());
    assertTrue(e.getMessage().contains("element 10"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.witness(ModelInput.of(new float[48])));
  }

  @Test
  void publicInputAndHashedOutput_proveAndVerify_withTheInputIntegersPublic() throws Exception {
    ZkModel open = Fixtures.tinyModel(new Visibility(Visibility.Exposure.PUBLIC, Visibility.Weights.FIXED,
        Visibility.Exposure.HASHED));
    Keys openKeys = open.setup(SetupOptions.local(cache));
    ModelInput input = open.readInput(Fixtures.tiny("digit-5.json"));
    ProofBundle proof = open.prove(openKeys, input);
    assertTrue(open.verify(openKeys.verifyingKey(), proof));
    assertEquals(List.of("output.poseidon", "input"), open.compiled().publicSignalNames());
    assertEquals(1 + 49, proof.publicSignals().size());
    int scale = open.compiled().graph().inputs().get(0).scale();
    float[] x = input.values(0);
    for (int i = 0; i < 49; i++) {
      long expected = Math.round(Math.scalb((double) x[i], scale));
      assertEquals(BigInteger.valueOf(expected), proof.publicSignals().get(1 + i), "input " + i);
    }
    assertThrows(IllegalStateException.class, () -> open.provenOutputs(proof.publicSignals()));
    try (var files = Files.list(cache.resolve("ptau"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      List<String> expected = java.util.stream.Stream.of(model.ptauPower(), open.ptauPower()).distinct().sorted()
          .map(k -> "local-bn128-" + k + ".ptau").toList();
      assertEquals(expected, names, "one cached ceremony per power, no temporary files left");
    }
  }

  private static Peers.Result snarkjsVerify(Path modelDir, Path proofDir) {
    return Peers.snarkjs("groth16", "verify", modelDir.resolve(Keys.VERIFICATION_KEY).toString(),
        proofDir.resolve(ProofBundle.PUBLIC).toString(), proofDir.resolve(ProofBundle.PROOF).toString());
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }
}
