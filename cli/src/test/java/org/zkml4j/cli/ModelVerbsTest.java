package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model verbs in-process on the tiny 7x7 MNIST model (setup in seconds): compile, inspect,
 * setup, prove from JSON and from a PNG, verify (and snarkjs on the same files), export-verifier,
 * tampered proofs and outputs, and the input and usage errors with their exit codes.
 */
class ModelVerbsTest {
  @TempDir static Path tmp;
  static Path model;
  /** The compiled circuit's size, as its .r1cs file gives it. */
  static int constraints;

  @BeforeAll
  static void compileAndSetUp() throws Exception {
    model = tmp.resolve("tiny");
    CliRun compiled = ModelFixtures.expect(ExitCode.OK, "compile", ModelFixtures.tiny("tiny.onnx"), "-o", model,
        "--calibration", ModelFixtures.tiny("calibration.json"));
    // the count printed is the count of the circuit written
    constraints = org.zkml4j.circuit.format.R1csFile.read(model.resolve("circuit.r1cs")).numConstraints();
    assertTrue(compiled.out().contains(String.format(java.util.Locale.ROOT, "%,d constraints", constraints)),
        constraints + "\n" + compiled.out());
    assertTrue(compiled.out().contains("ceremony of power 10"), compiled.out());
    CliRun setup = ModelFixtures.expect(ExitCode.OK, "setup", model, "--cache", tmp.resolve("cache"));
    assertTrue(Files.isRegularFile(model.resolve("circuit.zkey")), setup.err());
    assertTrue(Files.isRegularFile(model.resolve("verification_key.json")));
  }

  @Test
  void prove_verify_andSnarkjsAgrees_forJsonAndPngInputs() throws Exception {
    Path fromJson = tmp.resolve("proof-json");
    CliRun proved = ModelFixtures.expect(ExitCode.OK, "prove", model, "--input", ModelFixtures.tiny("digit-7.json"),
        "-o", fromJson, "--threads", "1");
    assertTrue(proved.out().contains("Predicted class: 7"), proved.out());
    CliRun verified = ModelFixtures.expect(ExitCode.OK, "verify", model, fromJson);
    assertTrue(verified.out().startsWith("OK: the proof is valid."), verified.out());
    assertTrue(verified.out().contains("Predicted class: 7"), verified.out());

    Path fromPng = tmp.resolve("proof-png");
    ModelFixtures.expect(ExitCode.OK, "prove", model, "--input", ModelFixtures.mnist("digit-7.png"), "--out", fromPng);
    assertEquals(Files.readString(fromJson.resolve("output.json")), Files.readString(fromPng.resolve("output.json")));
    assertEquals(Files.readString(fromJson.resolve("public.json")), Files.readString(fromPng.resolve("public.json")));

    SnarkjsVerifier.Result snarkjs = SnarkjsVerifier.verify(model.resolve("verification_key.json"),
        fromPng.resolve("public.json"), fromPng.resolve("proof.json"))
        .orElseGet(() -> org.junit.jupiter.api.Assumptions.abort("skipped: " + SnarkjsVerifier.HOW_TO_INSTALL));
    assertTrue(snarkjs.accepted(), snarkjs.output());
  }

  @Test
  void tamperedSignals_andFalseOutputs_areInvalid() throws Exception {
    Path proof = tmp.resolve("proof-tamper");
    ModelFixtures.expect(ExitCode.OK, "prove", model, "--input", ModelFixtures.tiny("digit-3.json"), "-o", proof);
    String output = Files.readString(proof.resolve("output.json"));
    String first = output.substring(output.indexOf("[[") + 2, output.indexOf(',', output.indexOf("[[")));
    Files.writeString(proof.resolve("output.json"),
        output.replace("[[" + first + ",", "[[" + (Float.parseFloat(first) + 1) + ","));
    CliRun lie = ModelFixtures.expect(ExitCode.INVALID, "verify", model, proof);
    assertTrue(lie.out().startsWith("INVALID: output 0 value 0 is"), lie.out());
    Files.writeString(proof.resolve("output.json"), output);
    ModelFixtures.expect(ExitCode.OK, "verify", model, proof);

    String signals = Files.readString(proof.resolve("public.json"));
    String signal = signals.substring(signals.indexOf('"') + 1, signals.indexOf('"', signals.indexOf('"') + 1));
    String changed = new java.math.BigInteger(signal).subtract(java.math.BigInteger.ONE).toString();
    Files.writeString(proof.resolve("public.json"), signals.replaceFirst(signal, changed));
    Files.delete(proof.resolve("output.json"));
    CliRun bad = ModelFixtures.expect(ExitCode.INVALID, "verify", model, proof);
    assertTrue(bad.out().startsWith("INVALID: "), bad.out());
  }

  @Test
  void exportVerifier_writesAContractForTheModelsSignals() throws Exception {
    Path sol = tmp.resolve("Verifier.sol");
    CliRun done = ModelFixtures.expect(ExitCode.OK, "export-verifier", model, "-o", sol, "--contract", "TinyMnist");
    String text = Files.readString(sol);
    assertTrue(text.contains("contract TinyMnist"), text);
    assertTrue(text.contains("uint256[10] calldata _pubSignals"), text);
    assertTrue(done.out().contains("takes 10 public signals"), done.out());
    ModelFixtures.expect(ExitCode.USAGE, "export-verifier", model, "-o", sol, "--contract", "not a name");
  }

  @Test
  void inspect_reportsLayersOfADirectoryOrAnOnnxFile() throws Exception {
    CliRun dir = ModelFixtures.expect(ExitCode.OK, "inspect", model);
    for (String s : List.of("Gemm transB", "Relu", "(inputs)", "total",
        String.format(java.util.Locale.ROOT, "%,d", constraints), "public signals: output", "power 10")) {
      assertTrue(dir.out().contains(s), s + " in\n" + dir.out());
    }
    CliRun hashed = ModelFixtures.expect(ExitCode.OK, "inspect", ModelFixtures.tiny("tiny.onnx"), "--weights=hashed");
    assertTrue(hashed.out().contains("weights HASHED") && hashed.out().contains("weights.poseidon"), hashed.out());
    Path bare = Files.copy(ModelFixtures.tiny("tiny.onnx"), tmp.resolve("bare.onnx"));
    CliRun graph = ModelFixtures.expect(ExitCode.OK, "inspect", bare);
    assertTrue(graph.out().contains("no calibration data"), graph.out());
    assertTrue(graph.out().contains("Gemm"), graph.out());
  }

  @Test
  void inputErrors_sayWhatToFix_withExitCode3() throws Exception {
    Path shortInput = Files.writeString(tmp.resolve("short.json"), "{\"input_data\": [[" + "0.5,".repeat(47) + "0.5]]}");
    CliRun size = ModelFixtures.expect(ExitCode.INPUT, "prove", model, "--input", shortInput, "-o", tmp.resolve("x"));
    assertTrue(size.err().contains("the model takes 49 values (1x1x7x7), the file has 48"), size.err());
    Path malformed = Files.writeString(tmp.resolve("malformed.json"), "{\"input_data\": [[0.5, ");
    assertTrue(ModelFixtures.expect(ExitCode.INPUT, "prove", model, "--input", malformed, "-o", tmp.resolve("x")).err()
        .contains("is not valid JSON"));
    Path bright = Files.writeString(tmp.resolve("bright.json"), "[" + "3,".repeat(48) + "3]");
    assertTrue(ModelFixtures.expect(ExitCode.INPUT, "prove", model, "--input", bright, "-o", tmp.resolve("x")).err()
        .contains("outside the declared bound"));
    CliRun missing = ModelFixtures.expect(ExitCode.INPUT, "prove", model, "--input", tmp.resolve("missing.png"), "-o",
        tmp.resolve("x"));
    assertTrue(missing.err().contains("the --input file " + tmp.resolve("missing.png") + " does not exist"),
        missing.err());
    Path unsetUp = tmp.resolve("no-keys");
    ModelFixtures.expect(ExitCode.OK, "compile", ModelFixtures.tiny("tiny.onnx"), "-o", unsetUp);
    assertTrue(ModelFixtures.expect(ExitCode.INPUT, "prove", unsetUp, "--input", ModelFixtures.tiny("digit-1.json"),
        "-o", tmp.resolve("x")).err().contains("run zkml4j setup"));
    assertTrue(ModelFixtures.expect(ExitCode.INPUT, "setup", tmp.resolve("nowhere")).err()
        .contains("is not a compiled model directory"));
    assertTrue(ModelFixtures.expect(ExitCode.INPUT, "compile", shortInput, "-o", tmp.resolve("y")).err()
        .contains("short.json"));
  }

  @Test
  void missingFiles_areNamed_andInputsAreCheckedBeforeKeys() throws Exception {
    Path unsetUp = tmp.resolve("no-keys-yet");
    ModelFixtures.expect(ExitCode.OK, "compile", ModelFixtures.tiny("tiny.onnx"), "-o", unsetUp, "--cache",
        tmp.resolve("cache"));
    Path nowhere = tmp.resolve("nowhere.png");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "prove", unsetUp, "--input", nowhere, "-o", tmp.resolve("x")),
        "zkml4j prove: the --input file " + nowhere + " does not exist");
    Path shortInput = Files.writeString(tmp.resolve("short-2.json"), "[" + "0.5,".repeat(47) + "0.5]");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "prove", unsetUp, "--input", shortInput, "-o", tmp.resolve("x")),
        "the model takes 49 values");
    Path noPtau = tmp.resolve("none.ptau");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "setup", unsetUp, "--ptau", noPtau),
        "zkml4j setup: the --ptau file " + noPtau + " does not exist");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "setup", unsetUp, "--ptau", tmp),
        "the --ptau file " + tmp + " is a directory, not a file");
    Path noProof = tmp.resolve("no-proof");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "verify", model, noProof),
        "the proof directory " + noProof + " does not exist");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "verify", unsetUp, noProof),
        unsetUp + " has no verifying key yet (verification_key.json): run zkml4j setup");
    Path noModel = tmp.resolve("none.onnx");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "compile", noModel, "-o", tmp.resolve("y")),
        "zkml4j compile: the model " + noModel + " does not exist");
    Path noData = tmp.resolve("none.json");
    assertErr(ModelFixtures.expect(ExitCode.INPUT, "compile", ModelFixtures.tiny("tiny.onnx"), "-o", tmp.resolve("y"),
        "--calibration", noData), "the calibration file " + noData + " does not exist");
  }

  private static void assertErr(CliRun run, String expected) {
    assertTrue(run.err().contains(expected), "expected '" + expected + "' in:\n" + run.err());
  }

  @Test
  void usageErrors_exitWith2() {
    ModelFixtures.expect(ExitCode.USAGE, "prove", model, "--input", ModelFixtures.tiny("digit-1.json"));
    ModelFixtures.expect(ExitCode.USAGE, "prove", model, "-o", tmp.resolve("x"));
    ModelFixtures.expect(ExitCode.USAGE, "prove", model, "--input", ModelFixtures.tiny("digit-1.json"), "-o",
        tmp.resolve("x"), "--threads", "0");
    ModelFixtures.expect(ExitCode.USAGE, "compile", ModelFixtures.tiny("tiny.onnx"), "-o", tmp.resolve("z"), "--output=secret");
    ModelFixtures.expect(ExitCode.USAGE, "compile", ModelFixtures.tiny("tiny.onnx"));
    ModelFixtures.expect(ExitCode.USAGE, "verify", model);
    ModelFixtures.expect(ExitCode.USAGE, "setup", model, "--colour", "blue");
    ModelFixtures.expect(ExitCode.USAGE, "demo", "--digit", "10");
    Path bare = tmp.resolve("lonely.onnx");
    CliRun noCalibration = ModelFixtures.run("compile", copy(ModelFixtures.tiny("tiny.onnx"), bare), "-o",
        tmp.resolve("w"));
    assertEquals(ExitCode.USAGE, noCalibration.exit());
    assertTrue(noCalibration.err().contains("--calibration"), noCalibration.err());
  }

  @Test
  void everyModelVerb_hasHelpWithItsSynopsisAndAnExample() {
    for (String verb : List.of("demo", "compile", "inspect", "setup", "prove", "verify", "export-verifier")) {
      Command c = Commands.all().stream().filter(x -> x.names().get(0).equals(verb)).findFirst().orElseThrow();
      CliRun help = ModelFixtures.expect(ExitCode.OK, verb, "--help");
      assertTrue(help.out().startsWith("Usage: zkml4j " + verb + " " + c.synopsis()), help.out());
      assertTrue(help.out().contains("Example"), help.out());
      assertTrue(help.out().contains("Exit codes"), help.out());
    }
    CliRun overview = ModelFixtures.expect(ExitCode.OK, "--help");
    assertTrue(overview.out().contains("demo") && overview.out().contains("export-verifier"), overview.out());
  }

  private static Path copy(Path from, Path to) {
    try {
      return Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
