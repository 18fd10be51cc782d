/**
 * Circuits as rank-1 constraint systems over BN254's Fr: the immutable
 * {@link org.zkml4j.circuit.R1cs} (three CSR {@link org.zkml4j.circuit.SparseMatrix} matrices in
 * circom's wire order) and its {@link org.zkml4j.circuit.R1csBuilder}, the
 * {@link org.zkml4j.circuit.Witness} vector, and {@link org.zkml4j.circuit.R1csChecker}, which names
 * the first constraint a witness breaks. The builder API for circuits and the gadget library
 * follow; file formats live in {@code org.zkml4j.circuit.format}.
 */
package org.zkml4j.circuit;
