/**
 * Range checks without lookups: {@link org.zkml4j.circuit.gadget.rangecheck.RangeCheck} proves a
 * value is an integer in [0, 2^n), in a signed range, or below a constant bound.
 *
 * <p>R1CS has no lookup argument, and base-k digits cost more than bits (a digit in [0, k) needs
 * k - 1 multiplications for log2 k bits), so one boolean constraint per bit is the floor. Two savings
 * are taken: the recomposition is folded into the lowest bit (n constraints, not n + 1), and the
 * bits are shared: the same signed decomposition that range-checks a value gives its sign to ReLU,
 * comparisons and rescaling (see {@code gadget.cmp} and {@code gadget.fixedpoint}), so an operand
 * is never decomposed twice for one operation.
 */
package org.zkml4j.circuit.gadget.rangecheck;
