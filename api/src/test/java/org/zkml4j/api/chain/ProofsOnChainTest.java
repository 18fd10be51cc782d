package org.zkml4j.api.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.api.Keys;
import org.zkml4j.api.ModelInput;
import org.zkml4j.api.ProofBundle;
import org.zkml4j.api.SetupOptions;
import org.zkml4j.api.ZkModel;
import org.zkml4j.api.tools.NodeTools;
import org.zkml4j.circuit.format.WtnsFile;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.ProverOutput;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.format.FileProver;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.solidity.SolidityCalldata;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.testkit.Peers;

/**
 * Proofs made by zkml4j's prover on a real EVM: the verifier {@link VerifierContract} deploys and
 * the one snarkjs exports for the same key must both accept them with the public signals snarkjs
 * computes, and reject them with a changed signal or a signal plus r. Two circuits: the
 * hand-written one of {@link SnarkjsProofs} (snarkjs's keys and witnesses, signals including 0
 * and 1), and the tiny 7x7 MNIST model of the api tests end to end (zkml4j's compiler, setup and
 * prover; snarkjs proves the same witness with zkml4j's key).
 */
class ProofsOnChainTest {
  private static final byte[] TRUE = CallWords.word(BigInteger.ONE);

  @TempDir static Path work;
  private static NodeTools tools;
  private static EvmChain chain;

  @BeforeAll
  static void startChain() throws IOException {
    tools = ChainTools.withAnvil();
    chain = EvmChain.startLocal(tools);
  }

  @AfterAll
  static void stopChain() {
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void handWrittenCircuit() throws Exception {
    SnarkjsProofs fixture = SnarkjsProofs.shared();
    Path zkey = fixture.dir().resolve("final.zkey");
    Deployed verifiers = deploy(ZkeyReader.read(zkey).verifyingKey(), fixture.dir().resolve("snarkjs_verifier.sol"));
    for (int i = 0; i < fixture.proofs().size(); i++) {
      ProverOutput out = FileProver.prove(zkey, fixture.dir().resolve("witness_" + i + ".wtns"));
      assertEquals(fixture.proofs().get(i).signals(), out.publicSignals(), "public signals of witness " + i);
      verifiers.assertAcceptsOnlyTheRightSignals(out.proof(), out.publicSignals(), "witness " + i);
    }
  }

  @Test
  void tinyMnistModel() throws Exception {
    ZkModel model = ZkModel.load(resource("tiny.onnx")).calibrate(resource("calibration.json"))
        .compile(Visibility.defaults());
    Keys keys = model.setup(SetupOptions.local(work.resolve("cache")));
    Path dir = Files.createDirectories(work.resolve("model"));
    keys.save(dir);
    Path theirs = dir.resolve("snarkjs_verifier.sol");
    Peers.snarkjsOk("zkey", "export", "solidityverifier", dir.resolve(Keys.ZKEY).toString(), theirs.toString());
    Deployed verifiers = deploy(keys.verifyingKey(), theirs);

    ModelInput input = model.readInput(resource("digit-7.json"));
    ProofBundle ours = model.prove(keys, input);
    OnChainVerdict verdict = verifiers.assertAcceptsOnlyTheRightSignals(ours.proof(), ours.publicSignals(),
        "zkml4j's proof of the model");

    Path wtns = dir.resolve("witness.wtns");
    WtnsFile.write(model.witness(input).witness(), wtns);
    Path proofJson = dir.resolve("proof.json");
    Path publicJson = dir.resolve("public.json");
    Peers.snarkjsOk("groth16", "prove", dir.resolve(Keys.ZKEY).toString(), wtns.toString(), proofJson.toString(),
        publicJson.toString());
    List<BigInteger> snarkjsSignals = PublicSignalsJson.read(publicJson);
    assertEquals(snarkjsSignals, ours.publicSignals(), "the public signals snarkjs computes for the same witness");
    Proof snarkjsProof = ProofJson.read(proofJson);
    verifiers.assertAcceptsOnlyTheRightSignals(snarkjsProof, snarkjsSignals, "snarkjs's proof of the model");
    String calldata = Peers.snarkjsOk("zkey", "export", "soliditycalldata", publicJson.toString(), proofJson.toString());
    assertEquals(calldata.strip(), SolidityCalldata.text(snarkjsProof, snarkjsSignals));

    long theirsGas = chain.transact(verifiers.theirs(), SolidityCalldata.abiEncoded(ours.proof(), ours.publicSignals()))
        .gasUsed();
    System.out.printf("tiny MNIST model, %d public signals, %d constraints: verifyProof gas zkml4j %d, snarkjs %d;"
        + " zkml4j deployment %d gas%n", snarkjsSignals.size(), model.compiled().circuit().r1cs().numConstraints(),
        verdict.gasUsed(), theirsGas, verifiers.ours().deploymentGas());
    assertTrue(verdict.gasUsed() < theirsGas, "ours " + verdict.gasUsed() + " gas, snarkjs's " + theirsGas);
    assertTrue(verdict.gasUsed() > VerifierContractTest.PAIRING_GAS, "gas " + verdict.gasUsed());
  }

  /** Our verifier deployed through the API, and snarkjs's for the same key. */
  private record Deployed(VerifierContract ours, String theirs) {
    /** Returns the verdict on the untampered proof. */
    OnChainVerdict assertAcceptsOnlyTheRightSignals(Proof proof, List<BigInteger> signals, String what)
        throws IOException {
      OnChainVerdict verdict = ours.verify(proof, signals);
      assertTrue(verdict.accepted(), "zkml4j's verifier accepts " + what);
      assertArrayEquals(TRUE, chain.call(theirs, SolidityCalldata.abiEncoded(proof, signals)),
          "snarkjs's verifier accepts " + what);
      for (int i = 0; i < signals.size(); i++) {
        List<BigInteger> changed = new ArrayList<>(signals);
        changed.set(i, signals.get(i).add(BigInteger.ONE).mod(Bn254.R_MODULUS));
        assertFalse(ours.verify(proof, changed).accepted(), what + " with signal " + i + " changed");
        changed.set(i, signals.get(i).add(Bn254.R_MODULUS));
        assertFalse(ours.verify(proof, changed).accepted(), what + " with signal " + i + " + r");
      }
      return verdict;
    }
  }

  /** Deploys our verifier for {@code vk} through the API, and compiles and deploys snarkjs's. */
  private static Deployed deploy(VerifyingKey vk, Path snarkjsVerifier) throws IOException {
    Solc.Output out = Solc.compile(tools, Map.of("snarkjs_verifier.sol", Files.readString(snarkjsVerifier)));
    String theirs = chain.deploy(out.contract("snarkjs_verifier.sol", "Groth16Verifier").bytecode()).contractAddress();
    return new Deployed(VerifierContract.deploy(chain, vk, tools), theirs);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ProofsOnChainTest.class.getResource("/tiny-mnist/" + name).toURI());
  }
}
