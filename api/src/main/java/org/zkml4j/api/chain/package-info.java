/**
 * Groth16 proofs checked on an Ethereum-compatible chain.
 *
 * <pre>{@code
 * NodeTools tools = NodeTools.find().orElseThrow(() -> new IOException(NodeTools.howToInstall()));
 * try (EvmChain chain = EvmChain.startLocal(tools)) {          // or EvmChain.connect(rpcUrl)
 *   VerifierContract verifier = VerifierContract.deploy(chain, keys.verifyingKey(), tools);
 *   OnChainVerdict verdict = verifier.verify(proof.proof(), proof.publicSignals());
 *   System.out.println(verdict.accepted() + " for " + verdict.gasUsed() + " gas");
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link org.zkml4j.api.chain.EvmChain}: a local anvil or an existing node, over JSON-RPC.
 *   <li>{@link org.zkml4j.api.chain.VerifierContract}: the exported verifier of one key, compiled
 *       with the pinned solc and deployed; reuse it for every proof under that key.
 *   <li>{@link org.zkml4j.api.chain.OnChainVerdict}: the contract's answer and its gas.
 * </ul>
 *
 * The same classes are the project's test harness for its Solidity verifier on a real EVM, so the
 * code a user runs is the code the tests judge against snarkjs's verifier.
 */
package org.zkml4j.api.chain;
