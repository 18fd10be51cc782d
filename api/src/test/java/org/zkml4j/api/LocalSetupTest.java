package org.zkml4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.PowersOfTau;
import org.zkml4j.groth16.ceremony.Progress;
import org.zkml4j.groth16.format.PtauWriter;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.testkit.Peers;

/**
 * A cached local ceremony of a higher power than a circuit needs serves it: no second ceremony is
 * made, and snarkjs accepts the proofs of the keys set up from it.
 */
class LocalSetupTest {
  @Test
  void aCachedLargerCeremony_isUsed_andItsKeysProveWhatSnarkjsAccepts(@TempDir Path cache, @TempDir Path dir)
      throws Exception {
    ZkModel model = Fixtures.tinyModel(Visibility.defaults());
    int larger = model.ptauPower() + 2;
    Accumulator acc = PowersOfTau.newCeremony(larger);
    acc = PowersOfTau.contribute(acc, "test", new byte[0], Progress.NONE);
    acc = PowersOfTau.preparePhase2(acc, Progress.NONE);
    Files.createDirectories(cache.resolve("ptau"));
    PtauWriter.write(acc, cache.resolve("ptau").resolve(LocalSetup.ptauName(larger)));

    Keys keys = model.setup(SetupOptions.local(cache));
    try (var files = Files.list(cache.resolve("ptau"))) {
      assertEquals(List.of(LocalSetup.ptauName(larger)), files.map(f -> f.getFileName().toString()).toList(),
          "no ceremony of power " + model.ptauPower() + " made beside the cached one");
    }
    ProofBundle proof = model.prove(keys, model.readInput(Fixtures.tiny("digit-6.json")));
    assertTrue(model.verify(keys.verifyingKey(), proof));
    keys.save(dir.resolve("model"));
    proof.save(dir.resolve("proof"));
    Peers.Result r = Peers.snarkjs("groth16", "verify", dir.resolve("model").resolve(Keys.VERIFICATION_KEY).toString(),
        dir.resolve("proof").resolve(ProofBundle.PUBLIC).toString(),
        dir.resolve("proof").resolve(ProofBundle.PROOF).toString());
    assertTrue(r.exitCode() == 0 && r.output().contains("OK!"), r.output());
  }
}
