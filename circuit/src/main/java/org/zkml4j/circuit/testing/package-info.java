/**
 * Adversarial testing of circuits: {@link org.zkml4j.circuit.testing.CircuitAssert} runs a gadget
 * over a domain of inputs in every allocation (constant, public, private), checks its outputs
 * against an oracle, and plays a cheating prover (every hint output replaced by plausible wrong
 * values, malicious hints, single-wire changes) that must always be caught by
 * {@link org.zkml4j.circuit.R1csChecker}; {@link org.zkml4j.circuit.testing.ConstraintSnapshot}
 * compares constraint counts with a checked-in file, so a change in cost is a deliberate one.
 *
 * <p>It ships in the main artifact (it needs no test framework: failures are
 * {@link java.lang.AssertionError}s) so that the model's layer tests can use it too.
 */
package org.zkml4j.circuit.testing;
