/**
 * Groth16 on Ethereum: {@link org.zkml4j.groth16.solidity.SolidityVerifierExporter} writes a
 * Solidity verifier contract for a verifying key, with snarkjs's {@code verifyProof} ABI and the
 * BN254 precompiles of EIP-196 (ecAdd, ecMul) and EIP-197 (pairing check), and
 * {@link org.zkml4j.groth16.solidity.SolidityCalldata} writes the arguments of a call for one proof,
 * as the text snarkjs prints and as ABI-encoded bytes.
 */
package org.zkml4j.groth16.solidity;
