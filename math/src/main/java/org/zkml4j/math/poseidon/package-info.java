/**
 * The Poseidon hash (Grassi, Khovratovich, Rechberger, Roy, Schofnegger: "Poseidon: A New Hash
 * Function for Zero-Knowledge Proof Systems", USENIX Security 2021, eprint 2019/458) over BN254's
 * scalar field, in the instance circomlib and circomlibjs use, so digests agree with circuits and
 * tools built on them. {@link org.zkml4j.math.poseidon.Poseidon} is the entry point; its constants
 * are derived from the paper's Grain LFSR rather than stored.
 */
package org.zkml4j.math.poseidon;
