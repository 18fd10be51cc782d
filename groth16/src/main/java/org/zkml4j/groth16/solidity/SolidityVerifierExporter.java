package org.zkml4j.groth16.solidity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Writes a Solidity contract that verifies Groth16 proofs for one verifying key, on any EVM chain
 * with the BN254 precompiles (ecAdd 0x06, ecMul 0x07, pairing 0x08; EIP-196, EIP-197).
 *
 * <p>The contract has snarkjs's ABI, so it replaces a verifier made by {@code snarkjs zkey export
 * solidityverifier} without changing its callers: {@code function verifyProof(uint[2] calldata
 * _pA, uint[2][2] calldata _pB, uint[2] calldata _pC, uint[N] calldata _pubSignals) public view
 * returns (bool)}, G2 coordinates imaginary part first, the arguments exactly as {@code snarkjs zkey
 * export soliditycalldata} (or {@link SolidityCalldata}) prints them. It returns false, and does not
 * revert, for a public signal &gt;= r (which the pairing equation alone would accept, as pub + r
 * and pub are the same scalar), for coordinates &gt;= q, for points off their curves and for a
 * wrong proof.
 *
 * <p>Gas: it checks e(A, B) e(C, -delta) e(alpha, -beta) e(vk_x, -gamma) = 1 with a single
 * pairing call of four pairs (the key's G2 points are negated at export time, so the proof needs no
 * work); vk_x = IC_0 + sum pub_i IC_i costs an ecMul and an ecAdd per signal, none for a signal
 * of 0 and only the ecAdd for a signal of 1. The per-signal code is unrolled: the deployed code
 * is about 835 + 105 N bytes with solc 0.8.30 (optimizer on), so past about 220 public signals the
 * contract exceeds Ethereum's 24 KiB code size limit (EIP-170); hash the public values into a few
 * signals instead.
 */
public final class SolidityVerifierExporter {
  /** The contract name snarkjs gives its verifier. */
  public static final String DEFAULT_CONTRACT_NAME = "Groth16Verifier";

  private static final String TEMPLATE = "Groth16Verifier.sol.template";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final PrimeField FQ = Bn254.FQ;

  private SolidityVerifierExporter() {}

  /**
   * The Solidity source of a verifier contract named {@value #DEFAULT_CONTRACT_NAME} for {@code vk}.
   *
   * @throws IllegalArgumentException if the key has no public signal ({@code uint[0]} is not
   *     valid Solidity, so snarkjs's ABI cannot express it)
   */
  public static String export(VerifyingKey vk) {
    return export(vk, DEFAULT_CONTRACT_NAME);
  }

  /**
   * The Solidity source of a verifier contract named {@code contractName} for {@code vk}.
   *
   * @throws IllegalArgumentException if the name is not a Solidity identifier or the key has no
   *     public signal
   */
  public static String export(VerifyingKey vk, String contractName) {
    return render(contractName, vk.alpha1(), vk.beta2(), vk.gamma2(), vk.delta2(), vk.ic());
  }

  /**
   * The verifier contract's Solidity source, in the layout of the verifying key's points (affine,
   * Montgomery form, G1 8 longs, G2 16 longs as x.c0, x.c1, y.c0, y.c1), for {@code ic.length / 8 - 1}
   * public signals.
   *
   * @throws IllegalArgumentException if the contract name is not a Solidity identifier or there
   *     is no public signal ({@code uint[0]} is not valid Solidity)
   */
  static String render(String contractName, long[] alpha1, long[] beta2, long[] gamma2, long[] delta2, long[] ic) {
    if (contractName == null || !IDENTIFIER.matcher(contractName).matches()) {
      throw new IllegalArgumentException("contract name " + contractName + " is not a Solidity identifier");
    }
    int nPublic = ic.length / 8 - 1;
    if (nPublic < 1) {
      throw new IllegalArgumentException("the verifying key has no public signal; snarkjs's verifyProof ABI"
          + " takes uint[nPublic] and uint[0] is not valid Solidity");
    }
    Map<String, String> values = new HashMap<>();
    values.put("CONTRACT_NAME", contractName);
    values.put("N_PUBLIC", Integer.toString(nPublic));
    values.put("ALPHA_X", decimal(alpha1, 0));
    values.put("ALPHA_Y", decimal(alpha1, 4));
    putNegatedG2(values, "NEG_BETA", beta2);
    putNegatedG2(values, "NEG_GAMMA", gamma2);
    putNegatedG2(values, "NEG_DELTA", delta2);
    values.put("IC0_X", decimal(ic, 0));
    values.put("IC0_Y", decimal(ic, 4));
    List<Map<String, String>> signals = new ArrayList<>(nPublic);
    for (int i = 1; i <= nPublic; i++) {
      signals.add(Map.of(
          "I", Integer.toString(i),
          "IC_X", decimal(ic, 8 * i),
          "IC_Y", decimal(ic, 8 * i + 4),
          "OFFSET", Integer.toString(32 * (i - 1))));
    }
    return SolidityTemplate.load(TEMPLATE).render(values, Map.of("EACH_SIGNAL", signals));
  }

  /** -P = (x, -y) in EIP-197's order: x imaginary, x real, y imaginary, y real. */
  private static void putNegatedG2(Map<String, String> values, String name, long[] p) {
    long[] negY = new long[8];
    FQ.neg(negY, 0, p, 8);
    FQ.neg(negY, 4, p, 12);
    values.put(name + "_X_IM", decimal(p, 4));
    values.put(name + "_X_RE", decimal(p, 0));
    values.put(name + "_Y_IM", decimal(negY, 4));
    values.put(name + "_Y_RE", decimal(negY, 0));
  }

  private static String decimal(long[] x, int offset) {
    return FQ.toBigInteger(x, offset).toString();
  }
}
