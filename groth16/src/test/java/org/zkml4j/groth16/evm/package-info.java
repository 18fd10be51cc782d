/**
 * Test harness for Solidity on a real EVM: {@link org.zkml4j.groth16.evm.Solc} compiles with the
 * pinned solcjs and {@link org.zkml4j.groth16.evm.Anvil} runs a local node and speaks JSON-RPC to
 * it; both find their tools in interop/ through {@link org.zkml4j.testkit.Peers}.
 */
package org.zkml4j.groth16.evm;
