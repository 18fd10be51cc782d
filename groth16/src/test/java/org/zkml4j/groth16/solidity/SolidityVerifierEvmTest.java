package org.zkml4j.groth16.solidity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.evm.Anvil;
import org.zkml4j.groth16.evm.Solc;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.math.field.Bn254;

/**
 * Our exported verifier on a real EVM (anvil, Prague), next to the verifier snarkjs exports for
 * the same key: both must accept snarkjs's proofs; ours must return false (not revert) for
 * tampered proofs, wrong public signals, signals >= r and coordinates >= q; and ours should cost
 * less gas. Calls are built from snarkjs's calldata text, not from the code under test.
 */
class SolidityVerifierEvmTest {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private static final BigInteger R = Bn254.R_MODULUS;
  private static final byte[] TRUE = CallWords.word(BigInteger.ONE);
  private static final byte[] FALSE = CallWords.word(BigInteger.ZERO);

  private static VerifierFixture fixture;
  private static Solc.Output compiled;
  private static Anvil anvil;
  private static String ours;
  private static String theirs;

  private static String exported;

  @BeforeAll
  static void deployBoth() throws IOException {
    fixture = VerifierFixture.shared();
    VerifierFixture.Key vk = fixture.vk();
    Path source = fixture.dir().resolve("zkml4j_verifier.sol");
    exported = SolidityVerifierExporter.export(VerifyingKey.of(vk.alpha1(), vk.beta2(), vk.gamma2(), vk.delta2(), vk.ic()));
    Files.writeString(source, exported);
    compiled = Solc.compile(source, fixture.dir().resolve("snarkjs_verifier.sol"));
    anvil = Anvil.start();
    ours = anvil.deploy(compiled.contract("zkml4j_verifier.sol", "Groth16Verifier").bytecode());
    theirs = anvil.deploy(compiled.contract("snarkjs_verifier.sol", "Groth16Verifier").bytecode());
  }

  @AfterAll
  static void stopAnvil() {
    if (anvil != null) {
      anvil.close();
    }
  }

  /** The user's path: snarkjs's .zkey read by zkml4j gives the same contract as its verification_key.json. */
  @Test
  void exportFromZkeyEqualsExportFromVerificationKeyJson() throws Exception {
    ProvingKey pk = ZkeyReader.read(fixture.dir().resolve("final.zkey"));
    assertEquals(exported, SolidityVerifierExporter.export(pk.verifyingKey()));
  }

  @Test
  void ourContractCompilesWithoutWarnings() {
    assertEquals(List.of(), compiled.warnings("zkml4j_verifier.sol"), "solc " + compiled.version());
  }

  @Test
  void bothAcceptSnarkjsProofs_oursForLessGas() {
    System.out.printf("verifyProof gas (tx gasUsed, %d public signals, solc %s, optimizer 200 runs):%n",
        fixture.vk().ic().length / 8 - 1, compiled.version());
    System.out.printf("  runtime code: zkml4j %d bytes, snarkjs %d bytes%n",
        compiled.contract("zkml4j_verifier.sol", "Groth16Verifier").runtimeSize(),
        compiled.contract("snarkjs_verifier.sol", "Groth16Verifier").runtimeSize());
    for (VerifierFixture.Case proof : fixture.proofs()) {
      byte[] call = CallWords.encode(CallWords.parse(proof.snarkjsCalldata()));
      assertArrayEquals(TRUE, anvil.call(ours, call), "ours accepts the proof for " + proof.signals());
      assertArrayEquals(TRUE, anvil.call(theirs, call), "snarkjs's accepts the proof for " + proof.signals());
      long gasOurs = anvil.gasUsed(ours, call);
      long gasTheirs = anvil.gasUsed(theirs, call);
      System.out.printf("  signals %s: zkml4j %d, snarkjs %d (%+d)%n",
          shortSignals(proof.signals()), gasOurs, gasTheirs, gasOurs - gasTheirs);
      assertTrue(gasOurs < gasTheirs, "ours " + gasOurs + " gas, snarkjs's " + gasTheirs);
    }
  }

  @Test
  void ourAbiEncodedCallIsAcceptedByBothVerifiers() {
    for (VerifierFixture.Case proof : fixture.proofs()) {
      byte[] call = SolidityCalldata.abiEncoded(Proof.of(proof.a(), proof.b(), proof.c()), proof.signals());
      assertArrayEquals(TRUE, anvil.call(ours, call), "ours, signals " + proof.signals());
      assertArrayEquals(TRUE, anvil.call(theirs, call), "snarkjs's, signals " + proof.signals());
    }
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
  void tamperedCallsAreRejected(Tamper tamper) {
    BigInteger[] words = CallWords.parse(fixture.proofs().get(tamper.proofIndex()).snarkjsCalldata());
    tamper.change().accept(words);
    byte[] call = CallWords.encode(words);
    assertArrayEquals(FALSE, anvil.call(ours, call), "ours returns false for " + tamper);
    assertArrayEquals(FALSE, anvil.call(theirs, call), "snarkjs's returns false for " + tamper);
  }

  /** Why the range check is needed: ecMul (0x07) reduces the scalar, so s + r acts as s. */
  @Test
  void ecMulPrecompileTreatsSignalPlusRAsSignal() {
    BigInteger[] words = CallWords.parse(fixture.proofs().get(0).snarkjsCalldata());
    BigInteger s = words[8];
    String ecMul = "0x0000000000000000000000000000000000000007";
    byte[] withS = anvil.call(ecMul, concat(CallWords.word(BigInteger.ONE), CallWords.word(BigInteger.TWO), CallWords.word(s)));
    byte[] withSPlusR = anvil.call(ecMul, concat(CallWords.word(BigInteger.ONE), CallWords.word(BigInteger.TWO), CallWords.word(s.add(R))));
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
