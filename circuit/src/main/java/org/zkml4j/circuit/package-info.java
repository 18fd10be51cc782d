/**
 * Circuits as rank-1 constraint systems over BN254's Fr: the R1CS itself, a checker that names the
 * first unsatisfied constraint, and (to come) the builder API and the gadget library.
 */
package org.zkml4j.circuit;
