/**
 * The project's pinned npm tools (snarkjs, solc, anvil) found and run from main code:
 * {@link org.zkml4j.api.tools.NodeTools}. They are optional peers: a second opinion on proofs, a
 * Solidity compiler, a local EVM; everything else in zkml4j runs without Node.js.
 */
package org.zkml4j.api.tools;
