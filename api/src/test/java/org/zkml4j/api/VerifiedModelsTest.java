package org.zkml4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.quant.QuantizationOptions;

/**
 * Opening a model directory that this build checked before ({@link VerifiedModels}): no
 * recompilation until the witness generator is needed, the same circuit and witness as a fresh
 * compile, and every changed file (even with its hash in the manifest updated to match, even a
 * setting in the manifest itself) refused as before.
 */
class VerifiedModelsTest {
  @TempDir static Path tmp;
  static ZkModel model;

  @BeforeAll
  static void compile() throws Exception {
    model = Fixtures.tinyModel(Visibility.defaults());
  }

  @Test
  void save_recordsTheCheck_soOpeningDefersTheCompilation() throws Exception {
    Path dir = tmp.resolve("saved"), cache = tmp.resolve("cache-saved");
    model.save(dir, cache);
    assertEquals(1, entries(cache));
    ZkModel opened = ZkModel.open(dir, cache);
    assertFalse(opened.isCompiled());
    // the circuit comes from circuit.r1cs, read independently of the compiler
    assertEquals(R1csFile.read(dir.resolve("circuit.r1cs")), opened.r1cs());
    assertEquals(model.ptauPower(), opened.ptauPower());
    assertEquals(model.inputShapes(), opened.inputShapes());
    assertFalse(opened.isCompiled(), "reading the circuit must not compile the model");
    ModelInput input = opened.readInput(Fixtures.tiny("digit-4.json"));
    assertEquals(model.witness(input).witness(), opened.witness(input).witness());
    assertTrue(opened.isCompiled());
  }

  @Test
  void openingWithoutARecord_recompilesAndChecks_thenRecordsIt() throws Exception {
    Path dir = tmp.resolve("unrecorded"), cache = tmp.resolve("cache-empty");
    model.save(dir, tmp.resolve("cache-elsewhere"));
    assertEquals(0, entries(cache));
    assertTrue(ZkModel.open(dir, cache).isCompiled());
    assertEquals(1, entries(cache));
    assertFalse(ZkModel.open(dir, cache).isCompiled());
  }

  @Test
  void changedFiles_areRefused_althoughTheUnchangedDirectoryWasRecorded() throws Exception {
    Path dir = tmp.resolve("tampered"), cache = tmp.resolve("cache-tampered");
    model.save(dir, cache);
    assertFalse(ZkModel.open(dir, cache).isCompiled());

    // another model's circuit, with the manifest's hash made to match it
    Path other = tmp.resolve("other");
    ZkModel.load(Fixtures.tiny("tiny.onnx")).calibrate(Fixtures.tiny("calibration.json"))
        .quantization(QuantizationOptions.size()).compile(Visibility.defaults()).save(other, cache);
    Path circuit = dir.resolve("circuit.r1cs");
    byte[] original = Files.readAllBytes(circuit);
    Files.copy(other.resolve("circuit.r1cs"), circuit, StandardCopyOption.REPLACE_EXISTING);
    String manifest = Files.readString(dir.resolve("model.json"));
    Files.writeString(dir.resolve("model.json"), manifest.replace(ModelDirectory.sha256Hex(original),
        ModelDirectory.sha256Hex(Files.readAllBytes(circuit))));
    assertRefused(dir, cache, "is not the circuit this zkml4j compiles");
    Files.write(circuit, original);
    Files.writeString(dir.resolve("model.json"), manifest);
    assertFalse(ZkModel.open(dir, cache).isCompiled(), "the restored directory is the recorded one");

    // settings changed in the manifest, which no recorded hash covers
    for (List<String> change : List.of(List.of("\"weights\" : \"FIXED\"", "\"weights\" : \"PRIVATE\""),
        List.of("\"activationBits\" : 12", "\"activationBits\" : 10"))) {
      assertTrue(manifest.contains(change.get(0)), manifest);
      Files.writeString(dir.resolve("model.json"), manifest.replace(change.get(0), change.get(1)));
      assertRefused(dir, cache, "is not the circuit this zkml4j compiles");
    }
    Files.writeString(dir.resolve("model.json"), manifest);

    // the manifest's description of the circuit, which an open with a record reads instead of compiling
    String shape = "\"shape\" : [ 1, 1, 7, 7 ]";
    assertTrue(manifest.contains(shape), manifest);
    String twisted = manifest.replace(shape, "\"shape\" : [ 1, 7, 7, 1 ]");
    Files.writeString(dir.resolve("model.json"), twisted);
    assertRefused(dir, cache, "does not describe the circuit its files compile to");
    assertRefused(dir, tmp.resolve("cache-fresh"), "does not describe the circuit its files compile to");
    Files.writeString(dir.resolve("model.json"), manifest);

    // a calibration sample changed, with its hash made to match
    Path samples = dir.resolve("calibration.bin");
    byte[] bytes = Files.readAllBytes(samples);
    byte[] scaled = bytes.clone();
    for (int i = 3; i < scaled.length; i += 4) {
      scaled[i] = (byte) (scaled[i] == 0 ? 0 : scaled[i] + 1); // every nonzero float times 4 (exponent + 2)
    }
    Files.write(samples, scaled);
    Files.writeString(dir.resolve("model.json"), manifest.replace(ModelDirectory.sha256Hex(bytes),
        ModelDirectory.sha256Hex(scaled)));
    assertRefused(dir, cache, "is not the circuit this zkml4j compiles");
    Files.write(samples, bytes);
    Files.writeString(dir.resolve("model.json"), manifest);
    assertFalse(ZkModel.open(dir, cache).isCompiled());
  }

  @Test
  void missingFiles_sayWhichAndWhatToDo() throws Exception {
    Path dir = tmp.resolve("incomplete"), cache = tmp.resolve("cache-incomplete");
    model.save(dir, cache);
    Files.delete(dir.resolve("circuit.r1cs"));
    assertRefused(dir, cache, "circuit.r1cs: is missing from the model directory; compile the model again");
    FormatException noDir = assertThrows(FormatException.class, () -> ZkModel.open(tmp.resolve("nowhere"), cache));
    assertTrue(noDir.getMessage().contains("is not a compiled model directory (it does not exist)"), noDir.getMessage());
    FormatException noInput = assertThrows(FormatException.class, () -> model.readInput(tmp.resolve("digit-77.png")));
    assertTrue(noInput.getMessage().contains("digit-77.png: does not exist"), noInput.getMessage());
  }

  private static void assertRefused(Path dir, Path cache, String reason) {
    FormatException e = assertThrows(FormatException.class, () -> ZkModel.open(dir, cache));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  private static long entries(Path cache) throws Exception {
    Path folder = cache.resolve("verified");
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }
}
