package org.zkml4j.api.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.zkml4j.api.tools.NodeTools;
import org.zkml4j.groth16.Proof;
import org.zkml4j.groth16.VerifyingKey;
import org.zkml4j.groth16.solidity.SolidityCalldata;
import org.zkml4j.groth16.solidity.SolidityVerifierExporter;
import org.zkml4j.math.field.Bn254;

/**
 * The Groth16 verifier of one verifying key, as a contract on an {@link EvmChain}:
 * {@link SolidityVerifierExporter}'s Solidity compiled by the pinned solc and deployed by
 * {@link #deploy}; {@link #verify} asks it about a proof and reports its verdict and gas.
 *
 * <p>Deploying costs a compiler run and a transaction, so keep the object per key and reuse it;
 * it is immutable and thread-safe (as is the chain it uses), and lives as long as the chain does.
 */
public final class VerifierContract {
  static final String SOURCE_FILE = "Verifier.sol";
  private static final int WORD = 32;
  private static final int PROOF_WORDS = 8;

  private final EvmChain chain;
  private final String address;
  private final long deploymentGas;
  private final int nPublic;

  private VerifierContract(EvmChain chain, String address, long deploymentGas, int nPublic) {
    this.chain = chain;
    this.address = address;
    this.deploymentGas = deploymentGas;
    this.nPublic = nPublic;
  }

  /**
   * Exports the verifier of {@code vk}, compiles it with the npm tools' solc (optimizer on, 200
   * runs) and deploys it on {@code chain}, waiting for the receipt.
   *
   * @throws IOException if solc is missing or fails, or the chain refuses the deployment (for
   *     example a contract over the 24 KiB code size limit, past about 220 public signals)
   * @throws IllegalArgumentException if the key has no public signal
   */
  public static VerifierContract deploy(EvmChain chain, VerifyingKey vk, NodeTools tools) throws IOException {
    String source = SolidityVerifierExporter.export(vk);
    Solc.Output compiled = Solc.compile(tools, Map.of(SOURCE_FILE, source));
    Solc.Contract contract = compiled.contract(SOURCE_FILE, SolidityVerifierExporter.DEFAULT_CONTRACT_NAME);
    EvmChain.Receipt receipt = chain.deploy(contract.bytecode());
    return new VerifierContract(chain, receipt.contractAddress(), receipt.gasUsed(), vk.nPublic());
  }

  /** The contract's address on the chain (0x-prefixed hex). */
  public String address() {
    return address;
  }

  /** The gas the deployment transaction used. */
  public long deploymentGas() {
    return deploymentGas;
  }

  /** The number of public signals {@code verifyProof} takes. */
  public int publicSignalCount() {
    return nPublic;
  }

  /**
   * Asks the contract about a proof: {@code verifyProof} by {@code eth_call} for the verdict, then
   * the same call as a transaction for the gas it costs. Signals go to the contract as they are,
   * even those &gt;= r: rejecting them is the contract's job, and this way its check can be seen
   * at work.
   *
   * @param publicSignals outputs first, then public inputs, as in public.json
   * @throws IllegalArgumentException if the number of signals is not {@link #publicSignalCount()},
   *     or a signal is negative or wider than 256 bits (not a uint256)
   * @throws IOException if the node fails or the call reverts
   */
  public OnChainVerdict verify(Proof proof, List<BigInteger> publicSignals) throws IOException {
    byte[] data = calldata(proof, publicSignals);
    byte[] result = chain.call(address, data);
    boolean accepted = isTrue(result);
    EvmChain.Receipt receipt = chain.transact(address, data);
    return new OnChainVerdict(accepted, receipt.gasUsed(), receipt.transactionHash());
  }

  @Override
  public String toString() {
    return "Groth16 verifier at " + address + " on " + chain.describe();
  }

  /** The call data of verifyProof, the signals written unchecked over SolidityCalldata's words. */
  private byte[] calldata(Proof proof, List<BigInteger> publicSignals) {
    if (publicSignals.size() != nPublic) {
      throw new IllegalArgumentException("this verifier takes " + nPublic + " public signals, got "
          + publicSignals.size());
    }
    // SolidityCalldata rejects signals >= r, so encode reduced ones and put the originals back.
    List<BigInteger> reduced = publicSignals.stream().map(s -> {
      if (s.signum() < 0 || s.bitLength() > 8 * WORD) {
        throw new IllegalArgumentException("public signal " + s + " is not a uint256");
      }
      return s.mod(Bn254.R_MODULUS);
    }).toList();
    byte[] data = SolidityCalldata.abiEncoded(proof, reduced);
    for (int i = 0; i < nPublic; i++) {
      byte[] raw = publicSignals.get(i).toByteArray();
      int length = Math.min(raw.length, WORD);
      int end = 4 + WORD * (PROOF_WORDS + i + 1);
      Arrays.fill(data, end - WORD, end, (byte) 0);
      System.arraycopy(raw, raw.length - length, data, end - length, length);
    }
    return data;
  }

  /** A Solidity bool return: one word, 1 for true. Anything else is not a verdict. */
  private boolean isTrue(byte[] result) throws IOException {
    if (result.length != WORD) {
      throw new IOException("verifyProof at " + address + " returned " + result.length
          + " bytes, not one bool; is this a Groth16 verifier with " + nPublic + " public signals?");
    }
    for (int i = 0; i < WORD - 1; i++) {
      if (result[i] != 0) {
        throw new IOException("verifyProof at " + address + " returned a word that is not a bool");
      }
    }
    return switch (result[WORD - 1]) {
      case 0 -> false;
      case 1 -> true;
      default -> throw new IOException("verifyProof at " + address + " returned a word that is not a bool");
    };
  }
}
