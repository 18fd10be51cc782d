/**
 * Test support shared by every module: {@link org.zkml4j.testkit.Peers} runs the npm peers pinned
 * in the project's {@code interop/} folder (snarkjs, circom2, circomlibjs, ffjavascript, solc) with
 * Node.js, skipping a test when the tools are not installed and failing it when they misbehave.
 * Other modules depend on this one in test scope only.
 */
package org.zkml4j.testkit;
