package org.zkml4j.groth16.solidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;

/**
 * The exported contract's text for a key made of the published generators (G1 (1, 2), G2 as in
 * EIP-197), whose constants are known: G2 points must appear negated and imaginary part first.
 * The contract exported from snarkjs's .zkey must equal the one exported from its
 * verification_key.json. (Whether the contract verifies is the business of the api module's
 * chain tests, which deploy it on anvil.)
 */
class SolidityVerifierExporterTest {
  private static final BigInteger Q = Bn254.Q_MODULUS;
  private static final BigInteger G2_X_RE = new BigInteger(
      "10857046999023057135944570762232829481370756359578518086990519993285655852781");
  private static final BigInteger G2_X_IM = new BigInteger(
      "11559732032986387107991004021392285783925812861821192530917403151452391805634");
  private static final BigInteger G2_Y_RE = new BigInteger(
      "8495653923123431417604973247489272438418190587263600148770280649306958101930");
  private static final BigInteger G2_Y_IM = new BigInteger(
      "4082367875863433681332203403145435568316851327593401208105741076214120093531");
  private static final Pattern CONSTANT = Pattern.compile("uint256 internal constant (\\w+) = (\\d+);");

  private static long[] g1Generator() {
    long[] p = new long[8];
    Bn254.FQ.fromLong(p, 0, 1);
    Bn254.FQ.fromLong(p, 4, 2);
    return p;
  }

  private static long[] g2Generator() {
    long[] p = new long[16];
    System.arraycopy(Fq2.element(G2_X_RE, G2_X_IM), 0, p, 0, 8);
    System.arraycopy(Fq2.element(G2_Y_RE, G2_Y_IM), 0, p, 8, 8);
    return p;
  }

  private static VerifyingKey generatorKey(int nPublic) {
    long[] ic = new long[8 * (nPublic + 1)];
    for (int i = 0; i <= nPublic; i++) {
      System.arraycopy(g1Generator(), 0, ic, 8 * i, 8);
    }
    return VerifyingKey.of(g1Generator(), g2Generator(), g2Generator(), g2Generator(), ic);
  }

  /** The user's path: snarkjs's .zkey read by zkml4j gives the same contract as its verification_key.json. */
  @Test
  void exportFromZkeyEqualsExportFromVerificationKeyJson() throws Exception {
    VerifierFixture fixture = VerifierFixture.shared();
    VerifierFixture.Key vk = fixture.vk();
    String fromJson = SolidityVerifierExporter.export(VerifyingKey.of(vk.alpha1(), vk.beta2(), vk.gamma2(), vk.delta2(),
        vk.ic()));
    assertEquals(fromJson, SolidityVerifierExporter.export(ZkeyReader.read(fixture.dir().resolve("final.zkey"))
        .verifyingKey()));
  }

  @Test
  void constantsAreTheKeyWithG2NegatedImaginaryFirst() {
    String sol = SolidityVerifierExporter.export(generatorKey(2));
    Map<String, BigInteger> constants = new LinkedHashMap<>();
    Matcher m = CONSTANT.matcher(sol);
    while (m.find()) {
      constants.put(m.group(1), new BigInteger(m.group(2)));
    }
    Map<String, BigInteger> expected = new LinkedHashMap<>();
    expected.put("R", Bn254.R_MODULUS);
    expected.put("ALPHA_X", BigInteger.ONE);
    expected.put("ALPHA_Y", BigInteger.TWO);
    for (String g : new String[] {"BETA", "GAMMA", "DELTA"}) {
      expected.put("NEG_" + g + "_X_IM", G2_X_IM);
      expected.put("NEG_" + g + "_X_RE", G2_X_RE);
      expected.put("NEG_" + g + "_Y_IM", Q.subtract(G2_Y_IM));
      expected.put("NEG_" + g + "_Y_RE", Q.subtract(G2_Y_RE));
    }
    for (int i = 0; i <= 2; i++) {
      expected.put("IC" + i + "_X", BigInteger.ONE);
      expected.put("IC" + i + "_Y", BigInteger.TWO);
    }
    assertEquals(expected, constants);
  }

  @Test
  void hasSnarkjsAbiAndNoPlaceholderLeft() {
    String sol = SolidityVerifierExporter.export(generatorKey(3), "MnistVerifier");
    assertTrue(sol.contains("contract MnistVerifier {"), sol);
    String abi = "function verifyProof(\n        uint256[2] calldata _pA,\n        uint256[2][2] calldata _pB,\n"
        + "        uint256[2] calldata _pC,\n        uint256[3] calldata _pubSignals\n    ) public view returns (bool valid)";
    assertTrue(sol.contains(abi), sol);
    for (int i = 0; i < 3; i++) {
      assertTrue(sol.contains("calldataload(add(_pubSignals, " + 32 * i + "))"), "signal " + i);
    }
    assertFalse(sol.contains("{{"), sol);
    assertFalse(sol.contains("}}"), sol);
  }

  @Test
  void rejectsBadContractNamesAndKeysWithoutPublicSignals() {
    VerifyingKey key = generatorKey(1);
    for (String name : new String[] {"", "1Verifier", "my-verifier", "a b", "Verifier{}"}) {
      assertThrows(IllegalArgumentException.class, () -> SolidityVerifierExporter.export(key, name), name);
    }
    assertThrows(IllegalArgumentException.class, () -> SolidityVerifierExporter.export(key, null));
    assertThrows(IllegalArgumentException.class, () -> SolidityVerifierExporter.export(generatorKey(0)));
  }
}
