/**
 * Poseidon hashing inside circuits ({@link org.zkml4j.circuit.gadget.poseidon.PoseidonGadget}),
 * equal to {@code org.zkml4j.math.poseidon.Poseidon} and circomlib's {@code Poseidon(n)}: used to
 * commit private inputs, weights or outputs to public digests.
 *
 * <p>Reference: Grassi, Khovratovich, Rechberger, Roy, Schofnegger, "Poseidon: A New Hash Function
 * for Zero-Knowledge Proof Systems", USENIX Security 2021 (eprint 2019/458), appendix E for the
 * constant generation.
 */
package org.zkml4j.circuit.gadget.poseidon;
