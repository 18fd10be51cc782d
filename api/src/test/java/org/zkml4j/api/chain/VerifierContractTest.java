package org.zkml4j.api.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkml4j.api.tools.NodeTools;
import org.zkml4j.groth16.solidity.SolidityCalldata;
import org.zkml4j.groth16.solidity.SolidityVerifierExporter;
import org.zkml4j.math.field.Bn254;

/**
 * zkml4j's exported verifier deployed by {@link VerifierContract} on a real EVM (anvil, Prague),
 * next to the verifier snarkjs exports for the same key: both must accept snarkjs's proofs; ours
 * must return false (not revert) for tampered proofs, wrong public signals, signals >= r and
 * coordinates >= q; and ours should cost less gas. Raw calls are built from snarkjs's calldata
 * text, not from the code under test.
 */
class VerifierContractTest {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final byte[] TRUE = CallWords.word(BigInteger.ONE);
  private static final byte[] FALSE = CallWords.word(BigInteger.ZERO);
  /** EIP-1108's price of the pairing precompile for 4 pairs: 45000 + 4 * 34000. */
  static final long PAIRING_GAS = 45_000 + 4 * 34_000;
  private static final String OURS = "zkml4j_verifier.sol";
  private static final String THEIRS = "snarkjs_verifier.sol";

  private static SnarkjsProofs fixture;
  private static Solc.Output compiled;
  private static EvmChain chain;
  private static VerifierContract ours;
  private static String theirs;

  @BeforeAll
  static void deployBoth() throws IOException {
    NodeTools tools = ChainTools.withAnvil();
    fixture = SnarkjsProofs.shared();
    compiled = Solc.compile(tools, Map.of(OURS, SolidityVerifierExporter.export(fixture.vk()),
        THEIRS, Files.readString(fixture.dir().resolve(THEIRS))));
    chain = EvmChain.startLocal(tools);
    ours = VerifierContract.deploy(chain, fixture.vk(), tools);
    theirs = chain.deploy(compiled.contract(THEIRS, "Groth16Verifier").bytecode()).contractAddress();
  }

  @AfterAll
  static void stopChain() {
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void ourContractCompilesWithoutWarnings() {
    assertEquals(List.of(), compiled.warnings(OURS), "solc " + compiled.version());
  }

  @Test
  void deployedCodeIsWhatSolcCompiled() throws IOException {
    String code = chain.rpc("eth_getCode", ours.address(), "latest").asText();
    assertEquals(2 + 2 * compiled.contract(OURS, "Groth16Verifier").runtimeSize(), code.length(), ours.address());
    assertTrue(ours.deploymentGas() > 21_000, "deployment gas " + ours.deploymentGas());
    assertEquals(fixture.vk().nPublic(), ours.publicSignalCount());
  }

  @Test
  void bothAcceptSnarkjsProofs_oursForLessGas() throws IOException {
    System.out.printf("verifyProof gas (tx gasUsed, %d public signals, solc %s, optimizer 200 runs):%n",
        fixture.vk().nPublic(), compiled.version());
    System.out.printf("  runtime code: zkml4j %d bytes, snarkjs %d bytes; zkml4j deployment %d gas%n",
        compiled.contract(OURS, "Groth16Verifier").runtimeSize(), compiled.contract(THEIRS, "Groth16Verifier").runtimeSize(),
        ours.deploymentGas());
    for (SnarkjsProofs.Case proof : fixture.proofs()) {
      byte[] call = CallWords.encode(CallWords.parse(proof.snarkjsCalldata()));
      assertArrayEquals(TRUE, chain.call(ours.address(), call), "ours accepts the proof for " + proof.signals());
      assertArrayEquals(TRUE, chain.call(theirs, call), "snarkjs's accepts the proof for " + proof.signals());
      OnChainVerdict verdict = ours.verify(proof.proof(), proof.signals());
      assertTrue(verdict.accepted(), "VerifierContract.verify accepts the proof for " + proof.signals());
      EvmChain.Receipt tx = chain.transact(ours.address(), call);
      assertEquals(tx.gasUsed(), verdict.gasUsed(), "the verdict's gas is the gas of the raw call's transaction");
      assertTrue(verdict.transactionHash().matches("0x[0-9a-f]{64}"), verdict.transactionHash());
      long gasTheirs = chain.transact(theirs, call).gasUsed();
      System.out.printf("  signals %s: zkml4j %d, snarkjs %d (%+d)%n",
          shortSignals(proof.signals()), verdict.gasUsed(), gasTheirs, verdict.gasUsed() - gasTheirs);
      assertTrue(verdict.gasUsed() < gasTheirs, "ours " + verdict.gasUsed() + " gas, snarkjs's " + gasTheirs);
      assertTrue(verdict.gasUsed() > PAIRING_GAS, "a 4-pair check costs the pairing precompile " + PAIRING_GAS
          + " gas alone (EIP-1108), yet the verdict reports " + verdict.gasUsed());
    }
  }

  @Test
  void ourAbiEncodedCallIsAcceptedByBothVerifiers() throws IOException {
    for (SnarkjsProofs.Case proof : fixture.proofs()) {
      byte[] call = SolidityCalldata.abiEncoded(proof.proof(), proof.signals());
      assertArrayEquals(TRUE, chain.call(ours.address(), call), "ours, signals " + proof.signals());
      assertArrayEquals(TRUE, chain.call(theirs, call), "snarkjs's, signals " + proof.signals());
    }
  }

  /** The API passes a signal >= r to the contract unchanged, and the contract's own check rejects it. */
  @Test
  void verifyPassesSignalsAtOrAboveRToTheContract_whichRejectsThem() throws IOException {
    SnarkjsProofs.Case proof = fixture.proofs().get(1);
    for (int i = 0; i < proof.signals().size(); i++) {
      List<BigInteger> signals = new ArrayList<>(proof.signals());
      signals.set(i, signals.get(i).add(R));
      OnChainVerdict verdict = ours.verify(proof.proof(), signals);
      assertFalse(verdict.accepted(), "signal " + i + " + r");
      assertTrue(verdict.gasUsed() > 21_000, "gas of the rejected call " + verdict.gasUsed());
      BigInteger[] words = CallWords.parse(proof.snarkjsCalldata());
      words[8 + i] = words[8 + i].add(R);
      assertEquals(chain.transact(ours.address(), CallWords.encode(words)).gasUsed(), verdict.gasUsed(),
          "the call went out with the signal + r, unreduced");
    }
  }

  @Test
  void verifyRejectsCallsTheAbiCannotCarry() {
    SnarkjsProofs.Case proof = fixture.proofs().get(0);
    assertThrows(IllegalArgumentException.class, () -> ours.verify(proof.proof(), proof.signals().subList(0, 2)));
    List<BigInteger> negative = new ArrayList<>(proof.signals());
    negative.set(0, BigInteger.ONE.negate());
    assertThrows(IllegalArgumentException.class, () -> ours.verify(proof.proof(), negative));
    List<BigInteger> wide = new ArrayList<>(proof.signals());
    wide.set(0, BigInteger.ONE.shiftLeft(256));
    assertThrows(IllegalArgumentException.class, () -> ours.verify(proof.proof(), wide));
  }

  /** A change to the call words of proof {@code proofIndex}. */
  record Tamper(String name, int proofIndex, Consumer<BigInteger[]> change) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> tampered() {
    List<Tamper> t = new ArrayList<>();
    t.add(new Tamper("A negated (on the curve)", 0, w -> w[1] = Q.subtract(w[1])));
    t.add(new Tamper("A of another proof", 0, w -> copy(w, 1, 0, 2)));
    t.add(new Tamper("A at infinity", 0, w -> w[0] = w[1] = BigInteger.ZERO));
    t.add(new Tamper("A off the curve", 0, w -> w[1] = w[1].add(BigInteger.ONE).mod(Q)));
    t.add(new Tamper("A.x + q", 0, w -> w[0] = w[0].add(Q)));
    t.add(new Tamper("B negated (in G2)", 0, w -> {
      w[4] = Q.subtract(w[4]);
      w[5] = Q.subtract(w[5]);
    }));
    t.add(new Tamper("B of another proof", 0, w -> copy(w, 1, 2, 4)));
    t.add(new Tamper("B real parts first", 0, w -> {
      swap(w, 2, 3);
      swap(w, 4, 5);
    }));
    t.add(new Tamper("B.y.re + q", 0, w -> w[5] = w[5].add(Q)));
    t.add(new Tamper("C negated (on the curve)", 0, w -> w[7] = Q.subtract(w[7])));
    t.add(new Tamper("C of another proof", 0, w -> copy(w, 1, 6, 2)));
    t.add(new Tamper("C.y + q", 0, w -> w[7] = w[7].add(Q)));
    t.add(new Tamper("the proof of other signals", 0, w -> copy(w, 2, 0, 8)));
    t.add(new Tamper("signal 0 plus 1", 0, w -> w[8] = w[8].add(BigInteger.ONE)));
    t.add(new Tamper("signals 1 and 2 swapped", 0, w -> swap(w, 9, 10)));
    t.add(new Tamper("signal 2 = 1 instead of 2", 1, w -> w[10] = BigInteger.ONE));
    t.add(new Tamper("signal 1 = 0 instead of 1", 1, w -> w[9] = BigInteger.ZERO));
    for (int proof = 0; proof < 2; proof++) {
      for (int i = 0; i < 3; i++) {
        int word = 8 + i;
        t.add(new Tamper("proof " + proof + ", signal " + i + " + r", proof, w -> w[word] = w[word].add(R)));
      }
    }
    return t.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampered")
  void tamperedCallsAreRejected(Tamper tamper) throws IOException {
    BigInteger[] words = CallWords.parse(fixture.proofs().get(tamper.proofIndex()).snarkjsCalldata());
    tamper.change().accept(words);
    byte[] call = CallWords.encode(words);
    assertArrayEquals(FALSE, chain.call(ours.address(), call), "ours returns false for " + tamper);
    assertArrayEquals(FALSE, chain.call(theirs, call), "snarkjs's returns false for " + tamper);
  }

  /** Why the range check is needed: ecMul (0x07) reduces the scalar, so s + r acts as s. */
  @Test
  void ecMulPrecompileTreatsSignalPlusRAsSignal() throws IOException {
    BigInteger s = CallWords.parse(fixture.proofs().get(0).snarkjsCalldata())[8];
    String ecMul = "0x0000000000000000000000000000000000000007";
    byte[] withS = chain.call(ecMul, concat(CallWords.word(BigInteger.ONE), CallWords.word(BigInteger.TWO), CallWords.word(s)));
    byte[] withSPlusR = chain.call(ecMul, concat(CallWords.word(BigInteger.ONE), CallWords.word(BigInteger.TWO),
        CallWords.word(s.add(R))));
    assertEquals(64, withS.length);
    assertArrayEquals(withS, withSPlusR);
  }

  private static void copy(BigInteger[] w, int fromProof, int start, int count) {
    BigInteger[] other = CallWords.parse(fixture.proofs().get(fromProof).snarkjsCalldata());
    System.arraycopy(other, start, w, start, count);
  }

  private static void swap(BigInteger[] w, int i, int j) {
    BigInteger t = w[i];
    w[i] = w[j];
    w[j] = t;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  private static String shortSignals(List<BigInteger> signals) {
    return signals.stream().map(s -> s.bitLength() > 20 ? "(" + s.bitLength() + " bits)" : s.toString()).toList().toString();
  }
}
