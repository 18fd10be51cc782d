package org.zkml4j.circuit.gadget.fixedpoint;

import org.zkml4j.circuit.api.Variable;

/**
 * The result of a {@link Division}: x + offset = quotient * d + remainder with the remainder in
 * [0, d) and the quotient proven in its signed range; and the quotient's sign bit, which the range
 * proof produced for free, so a following ReLU costs one constraint ({@link Relu#relu(
 * org.zkml4j.circuit.api.Api, Quotient)}).
 *
 * @param quotient proven in [-2^(q-1), 2^(q-1)) for the division's quotient bits q
 * @param remainder proven in [0, d)
 * @param nonNegative boolean-constrained; 1 exactly when the quotient is &gt;= 0
 */
public record Quotient(Variable quotient, Variable remainder, Variable nonNegative) {}
