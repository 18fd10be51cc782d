package org.zkml4j.groth16.solidity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.ProverOutput;
import org.zkml4j.groth16.evm.Anvil;
import org.zkml4j.groth16.evm.Solc;
import org.zkml4j.groth16.format.FileProver;
import org.zkml4j.groth16.format.ProofJson;
import org.zkml4j.groth16.format.PublicSignalsJson;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.math.field.Bn254;

/**
 * Proofs made by zkml4j's prover, from snarkjs's keys and witnesses, on a real EVM: the verifier
 * exported by zkml4j and the one exported by snarkjs must both accept them with the public signals
 * snarkjs computes, and reject them with a changed signal. Two circuits: the hand-written one of
 * {@link VerifierFixture} (signals including 0 and 1) and circom's Poseidon-with-range-check
 * circuit (432 constraints, public signals hash and bound).
 */
class Zkml4jProofsOnEvmTest {
  private static final byte[] TRUE = CallWords.word(BigInteger.ONE);
  private static final byte[] FALSE = CallWords.word(BigInteger.ZERO);

  private static Anvil anvil;

  @BeforeAll
  static void startAnvil() {
    anvil = Anvil.start();
  }

  @AfterAll
  static void stopAnvil() {
    if (anvil != null) {
      anvil.close();
    }
  }

  @Test
  void handWrittenCircuit() throws Exception {
    VerifierFixture fixture = VerifierFixture.shared();
    Path zkey = fixture.dir().resolve("final.zkey");
    Deployed verifiers = deploy(zkey, fixture.dir().resolve("snarkjs_verifier.sol"), fixture.dir().resolve("zkml4j"));
    for (int i = 0; i < fixture.proofs().size(); i++) {
      ProverOutput out = FileProver.prove(zkey, fixture.dir().resolve("witness_" + i + ".wtns"));
      assertEquals(fixture.proofs().get(i).signals(), out.publicSignals(), "public signals of witness " + i);
      verifiers.assertAcceptsOnlyTheRightSignals(out, "witness " + i);
    }
  }

  @Test
  void circomPoseidonCircuit() throws Exception {
    SnarkjsFixture.Circuit circuit = SnarkjsFixture.poseidonRange();
    Path dir = Files.createDirectories(Path.of("target", "solidity-evm-circom").toAbsolutePath());
    Path theirs = dir.resolve("snarkjs_verifier.sol");
    SnarkjsFixture.snarkjs("zkey", "export", "solidityverifier", circuit.zkey().toString(), theirs.toString());
    Deployed verifiers = deploy(circuit.zkey(), theirs, dir);

    ProverOutput ours = FileProver.prove(circuit.zkey(), circuit.wtns());
    List<BigInteger> snarkjsSignals = PublicSignalsJson.read(circuit.publicSignals());
    assertEquals(snarkjsSignals, ours.publicSignals());
    verifiers.assertAcceptsOnlyTheRightSignals(ours, "zkml4j's proof");

    Proof snarkjsProof = ProofJson.read(circuit.proof());
    verifiers.assertAcceptsOnlyTheRightSignals(new ProverOutput(snarkjsProof, snarkjsSignals), "snarkjs's proof");
    String calldata = SnarkjsFixture.snarkjs("zkey", "export", "soliditycalldata",
        circuit.publicSignals().toString(), circuit.proof().toString());
    assertEquals(calldata.strip(), SolidityCalldata.text(snarkjsProof, snarkjsSignals));
    System.out.printf("circom Poseidon circuit, %d public signals: verifyProof gas zkml4j %d, snarkjs %d%n",
        snarkjsSignals.size(), verifiers.gas(ours, true), verifiers.gas(ours, false));
  }

  /** Our verifier for the zkey, and snarkjs's, on the chain. */
  private record Deployed(String ours, String theirs) {
    void assertAcceptsOnlyTheRightSignals(ProverOutput out, String what) {
      byte[] call = SolidityCalldata.abiEncoded(out.proof(), out.publicSignals());
      assertArrayEquals(TRUE, anvil.call(ours, call), "zkml4j's verifier accepts " + what);
      assertArrayEquals(TRUE, anvil.call(theirs, call), "snarkjs's verifier accepts " + what);
      for (int i = 0; i < out.publicSignals().size(); i++) {
        BigInteger[] words = CallWords.parse(SolidityCalldata.text(out.proof(), out.publicSignals()));
        words[8 + i] = words[8 + i].add(BigInteger.ONE).mod(Bn254.R_MODULUS);
        assertArrayEquals(FALSE, anvil.call(ours, CallWords.encode(words)), what + " with signal " + i + " changed");
        words[8 + i] = words[8 + i].subtract(BigInteger.ONE).mod(Bn254.R_MODULUS).add(Bn254.R_MODULUS);
        assertArrayEquals(FALSE, anvil.call(ours, CallWords.encode(words)), what + " with signal " + i + " + r");
      }
    }

    long gas(ProverOutput out, boolean zkml4j) {
      return anvil.gasUsed(zkml4j ? ours : theirs, SolidityCalldata.abiEncoded(out.proof(), out.publicSignals()));
    }
  }

  /** Exports our verifier from the zkey into {@code dir}, compiles it with snarkjs's, deploys both. */
  private static Deployed deploy(Path zkey, Path snarkjsVerifier, Path dir) throws Exception {
    Files.createDirectories(dir);
    Path ours = dir.resolve("zkml4j_verifier.sol");
    Files.writeString(ours, SolidityVerifierExporter.export(ZkeyReader.read(zkey).verifyingKey()));
    Solc.Output out = Solc.compile(ours, snarkjsVerifier);
    return new Deployed(anvil.deploy(out.contract("zkml4j_verifier.sol", "Groth16Verifier").bytecode()),
        anvil.deploy(out.contract("snarkjs_verifier.sol", "Groth16Verifier").bytecode()));
  }
}
