package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkml4j.cli.CliRun.s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.circuit.format.WtnsFile;

/**
 * The whole Groth16 workflow through the command line, in-process, as a user would type it:
 * a power-8 ceremony (new, two contributions, beacon, prepare phase 2), circuit setup, two phase-2
 * contributions, key export, proving and verifying, some verbs with --threads. The expected
 * public signals come from BigInteger arithmetic; the files are checked by snarkjs in
 * {@link #snarkjsAcceptsWhatTheCommandMade}.
 */
class Groth16FlowTest {
  private static final String BEACON = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  private static final long A = 7, X = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  private static Path r1cs, witness, ptauStart, ptauFinal, zkeyFinal, vk, proof, publicJson;
  private static String typedQuestion, setupOutput;

  @BeforeAll
  static void runTheCeremonyAndProve() throws IOException {
    r1cs = dir.resolve("circuit.r1cs");
    witness = dir.resolve("witness.wtns");
    R1csFile.write(TinyCircuit.cubic(), r1cs);
    WtnsFile.write(TinyCircuit.cubicWitness(A, X), witness);

    ptauStart = dir.resolve("pot8_0000.ptau");
    CliRun.ok("powersoftau", "new", "bn128", "8", s(ptauStart));
    CliRun first = CliRun.ok("ptc", s(ptauStart), s(dir.resolve("pot8_0001.ptau")), "--name=First contributor",
        "-e=some typed entropy");
    assertTrue(first.out().contains("Contribution Response Hash:"), first.out());
    CliRun second = CliRun.ok("powersoftau", "contribute", s(dir.resolve("pot8_0001.ptau")),
        s(dir.resolve("pot8_0002.ptau")), "-n", "Second", "-t", "1");
    assertTrue(second.err().contains("SecureRandom alone"), "says where the secrets came from: " + second.err());
    CliRun.ok("ptb", s(dir.resolve("pot8_0002.ptau")), s(dir.resolve("pot8_beacon.ptau")), BEACON, "10",
        "--name=Final beacon");
    ptauFinal = dir.resolve("pot8_final.ptau");
    CliRun.ok("powersoftau", "prepare", "phase2", s(dir.resolve("pot8_beacon.ptau")), s(ptauFinal), "--threads=1");

    Path zkey0 = dir.resolve("circuit_0000.zkey");
    CliRun setup = CliRun.ok("zkey", "new", s(r1cs), s(ptauFinal), s(zkey0), "--threads=1");
    assertTrue(setup.out().contains("Circuit hash:"), setup.out());
    setupOutput = setup.out();
    CliRun contributed = CliRun.run(question -> {
      typedQuestion = question;
      return "typed at the terminal";
    }, "zkey", "contribute", s(zkey0), s(dir.resolve("circuit_0001.zkey")), "--name=Alice");
    assertEquals(ExitCode.OK, contributed.exit(), contributed.err());
    zkeyFinal = dir.resolve("circuit_final.zkey");
    CliRun.ok("zkb", s(dir.resolve("circuit_0001.zkey")), s(zkeyFinal), BEACON, "10", "-n=Final beacon phase2",
        "--threads=2");

    vk = dir.resolve("verification_key.json");
    CliRun.ok("zkey", "export", "verificationkey", s(zkeyFinal), s(vk));
    proof = dir.resolve("proof.json");
    publicJson = dir.resolve("public.json");
    CliRun.ok("groth16", "prove", s(zkeyFinal), s(witness), s(proof), s(publicJson), "--threads=1");
  }

  @Test
  void contributeWithoutEntropyAsksAtTheTerminalAsSnarkjsDoes() {
    assertEquals("Enter a random text. (Entropy): ", typedQuestion);
  }

  @Test
  void proveWritesTheCircuitsPublicSignalsOutputsFirst() throws IOException {
    JsonNode signals = JSON.readTree(publicJson.toFile());
    assertEquals(List.of(TinyCircuit.cubicOut(A, X).toString(), Long.toString(A)),
        List.of(signals.get(0).asText(), signals.get(1).asText()));
    assertEquals(2, signals.size());
    assertEquals("42", signals.get(0).asText(), "3^3 + 3 + 5 + 7");
  }

  @Test
  void verifyAcceptsTheProof() {
    CliRun r = CliRun.ok("groth16", "verify", s(vk), s(publicJson), s(proof), "-t", "2");
    assertEquals("OK!", r.out().strip());
  }

  @Test
  void verifyRejectsAChangedPublicSignal() throws IOException {
    Path tampered = dir.resolve("public_tampered.json");
    Files.writeString(tampered, "[\"43\", \"7\"]");
    CliRun r = CliRun.expect(ExitCode.INVALID, "g16v", s(vk), s(tampered), s(proof));
    assertTrue(r.out().startsWith("INVALID PROOF:"), r.out());
    assertTrue(r.out().contains("does not prove these public signals"), r.out());
  }

  @Test
  void verifyRejectsAWrongNumberOfPublicSignals() throws IOException {
    Path shortList = dir.resolve("public_short.json");
    Files.writeString(shortList, "[\"42\"]");
    CliRun r = CliRun.expect(ExitCode.INVALID, "g16v", s(vk), s(shortList), s(proof));
    assertTrue(r.out().startsWith("INVALID PROOF:"), r.out());
  }

  @Test
  void aProofOfAnUnsatisfyingWitnessDoesNotVerify() throws IOException {
    Path bad = dir.resolve("bad.wtns");
    WtnsFile.write(TinyCircuit.cubicWitness(A, X).with(1, BigInteger.valueOf(41)), bad);
    Path badProof = dir.resolve("bad_proof.json"), badPublic = dir.resolve("bad_public.json");
    CliRun.ok("g16p", s(zkeyFinal), s(bad), s(badProof), s(badPublic));
    CliRun.expect(ExitCode.INVALID, "g16v", s(vk), s(badPublic), s(badProof));
  }

  @Test
  void proveRejectsAWitnessOfAnotherCircuit() throws IOException {
    Path other = dir.resolve("other.wtns");
    WtnsFile.write(org.zkml4j.circuit.Witness.ofValues(List.of(BigInteger.ONE, BigInteger.TWO)), other);
    CliRun r = CliRun.expect(ExitCode.INPUT, "g16p", s(zkeyFinal), s(other), s(dir.resolve("p.json")),
        s(dir.resolve("q.json")));
    assertTrue(r.err().contains("different circuits"), r.err());
  }

  @Test
  void r1csInfoAndWtnsCheckReadTheFilesTheFlowUses() throws IOException {
    CliRun info = CliRun.ok("r1cs", "info", s(r1cs));
    assertTrue(info.out().contains("# of Constraints: 3") && info.out().contains("# of Outputs: 1"), info.out());
    assertTrue(CliRun.ok("wchk", s(r1cs), s(witness)).out().startsWith("WITNESS IS CORRECT"));
    Path bad = dir.resolve("bad_check.wtns");
    WtnsFile.write(TinyCircuit.cubicWitness(A, X).with(4, BigInteger.TEN), bad);
    assertTrue(CliRun.expect(ExitCode.INVALID, "wtns", "check", s(r1cs), s(bad)).out().startsWith("WITNESS IS NOT VALID"));
  }

  @Test
  void ptauVerifyAcceptsTheCeremonyAndListsItsContributors() {
    CliRun r = CliRun.ok("ptv", s(ptauFinal));
    assertTrue(r.out().strip().endsWith("Powers of Tau Ok!"), r.out());
    for (String name : List.of("First contributor", "Second", "Final beacon")) {
      assertTrue(r.out().contains(name), name + " in " + r.out());
    }
  }

  @Test
  void ptauVerifyRejectsACeremonyWithoutContributions() {
    CliRun r = CliRun.expect(ExitCode.INVALID, "powersoftau", "verify", s(ptauStart));
    assertTrue(r.out().contains("INVALID POWERS OF TAU FILE") && r.out().contains("no contributions"), r.out());
  }

  @Test
  void zkeyVerifyAcceptsTheKeyForItsCircuit() {
    CliRun r = CliRun.ok("zkey", "verify", "r1cs", s(r1cs), s(ptauFinal), s(zkeyFinal));
    assertTrue(r.out().strip().endsWith("ZKey Ok!"), r.out());
  }

  @Test
  void zkeyVerifyRejectsTheKeyForAnotherCircuit() throws IOException {
    Path other = dir.resolve("squarings.r1cs");
    R1csFile.write(TinyCircuit.squarings(4), other);
    CliRun r = CliRun.expect(ExitCode.INVALID, "zkv", s(other), s(ptauFinal), s(zkeyFinal));
    assertTrue(r.out().contains("INVALID ZKEY"), r.out());
  }

  @Test
  void solidityCalldataListsTheProofAndSignalsInVerifyProofsOrder() throws IOException {
    CliRun r = CliRun.ok("zkey", "export", "soliditycalldata", s(publicJson), s(proof));
    JsonNode p = JSON.readTree(proof.toFile());
    List<BigInteger> expected = new ArrayList<>();
    for (String path : List.of("/pi_a/0", "/pi_a/1", "/pi_b/0/1", "/pi_b/0/0", "/pi_b/1/1", "/pi_b/1/0", "/pi_c/0",
        "/pi_c/1")) {
      expected.add(new BigInteger(p.at(path).asText()));
    }
    for (JsonNode signal : JSON.readTree(publicJson.toFile())) {
      expected.add(new BigInteger(signal.asText()));
    }
    List<BigInteger> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"0x([0-9a-f]{64})\"").matcher(r.out());
    while (m.find()) {
      words.add(new BigInteger(m.group(1), 16));
    }
    assertEquals(expected, words);
    assertTrue(r.out().startsWith("[\"0x") && r.out().strip().endsWith("]"), r.out());
  }

  @Test
  void solidityVerifierCarriesTheKeysPoints() throws IOException {
    Path sol = dir.resolve("Verifier.sol");
    CliRun.ok("zkesv", s(zkeyFinal), s(sol));
    String source = Files.readString(sol);
    assertTrue(source.contains("contract Groth16Verifier"), source);
    JsonNode key = JSON.readTree(vk.toFile());
    for (String path : List.of("/vk_alpha_1/0", "/vk_alpha_1/1", "/IC/0/0", "/IC/1/1", "/IC/2/0")) {
      assertTrue(source.contains(key.at(path).asText()), path + " in the contract");
    }
  }

  /** The cross-tool check: snarkjs accepts the proof, the keys and the ceremony made through the command. */
  @Test
  void snarkjsAcceptsWhatTheCommandMade() throws IOException {
    SnarkjsCli.assumeAvailable();
    SnarkjsCli.Result verified = SnarkjsCli.run("groth16", "verify", s(vk), s(publicJson), s(proof));
    assertEquals(0, verified.exitCode(), verified.output());
    assertTrue(verified.output().contains("OK!"), verified.output());

    Path tampered = dir.resolve("public_snarkjs_tampered.json");
    Files.writeString(tampered, "[\"43\", \"7\"]");
    assertNotEquals(0, SnarkjsCli.run("groth16", "verify", s(vk), s(tampered), s(proof)).exitCode());

    SnarkjsCli.Result calldata = SnarkjsCli.run("zkey", "export", "soliditycalldata", s(publicJson), s(proof));
    assertEquals(0, calldata.exitCode(), calldata.output());
    assertEquals(calldata.output().strip(), CliRun.ok("zkesc", s(publicJson), s(proof)).out().strip());

    Path snarkjsVk = dir.resolve("snarkjs_vk.json");
    assertEquals(0, SnarkjsCli.run("zkey", "export", "verificationkey", s(zkeyFinal), s(snarkjsVk)).exitCode());
    assertEquals(JSON.readTree(snarkjsVk.toFile()), JSON.readTree(vk.toFile()));

    SnarkjsCli.Result ptau = SnarkjsCli.run("powersoftau", "verify", s(ptauFinal));
    assertEquals(0, ptau.exitCode(), ptau.output());
    SnarkjsCli.Result zkey = SnarkjsCli.run("zkey", "verify", s(r1cs), s(ptauFinal), s(zkeyFinal));
    assertEquals(0, zkey.exitCode(), zkey.output());
    assertTrue(zkey.output().contains("ZKey Ok!"), zkey.output());
    String hash = setupOutput.substring(setupOutput.indexOf("Circuit hash:") + "Circuit hash:".length()).strip();
    assertEquals(4, hash.lines().count(), hash);
    assertTrue(zkey.output().contains(hash), "snarkjs prints the same circuit hash, laid out the same:\n" + hash
        + "\n" + zkey.output());
  }
}
