/**
 * Test harness for Solidity on a real EVM: {@link org.zkml4j.groth16.evm.Solc} compiles with the
 * pinned solcjs, {@link org.zkml4j.groth16.evm.Anvil} runs a local node and speaks JSON-RPC to it,
 * {@link org.zkml4j.groth16.evm.InteropNode} runs the Node.js tools of interop/.
 */
package org.zkml4j.groth16.evm;
