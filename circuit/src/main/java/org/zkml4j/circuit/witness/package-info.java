/**
 * Witness solving: {@link org.zkml4j.circuit.witness.Hint}s (computations outside the constraint
 * system, whose outputs the calling gadget must constrain), the explicit
 * {@link org.zkml4j.circuit.witness.HintRegistry}, input
 * {@link org.zkml4j.circuit.witness.Assignment}s by signal name, and the
 * {@link org.zkml4j.circuit.witness.WitnessGenerator} that runs a compiled circuit's
 * {@link org.zkml4j.circuit.witness.WitnessProgram} to fill every wire, checking each assertion
 * (or not, to produce the witness a cheating prover would).
 *
 * <p>As in gnark's {@code constraint/solver}: hints are unconstrained by design, and a test swaps
 * one for a malicious implementation with {@link org.zkml4j.circuit.witness.WitnessGenerator#withHint}.
 * Unlike gnark, nothing registers itself globally and ids are explicit strings, not hashes of
 * function names.
 */
package org.zkml4j.circuit.witness;
