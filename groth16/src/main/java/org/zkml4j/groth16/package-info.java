/**
 * Groth16 over BN254 (J. Groth, "On the Size of Pairing-based Non-interactive Arguments",
 * EUROCRYPT 2016), compatible with snarkjs: ceremony, circuit setup, prover and verifier.
 */
package org.zkml4j.groth16;
