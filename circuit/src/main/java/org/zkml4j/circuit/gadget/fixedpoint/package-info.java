/**
 * Fixed-point operators for quantized networks, with the exact integer semantics of
 * {@link org.zkml4j.circuit.gadget.fixedpoint.FixedPoint} (the plain-Java reference the model's
 * {@code evaluate()} calls, and where the rounding rule is stated):
 * {@link org.zkml4j.circuit.gadget.fixedpoint.Division} (rescale by 2^k, division by a constant
 * with proven remainder), {@link org.zkml4j.circuit.gadget.fixedpoint.Relu},
 * {@link org.zkml4j.circuit.gadget.fixedpoint.Maximum} (max, min, max pooling, clamp),
 * {@link org.zkml4j.circuit.gadget.fixedpoint.Argmax} (lowest index on ties, optional one-hot) and
 * {@link org.zkml4j.circuit.gadget.fixedpoint.PolynomialActivation} (x^2 + n*x).
 *
 * <p>Values are signed integers encoded as field elements (r - |v| for negative v, DESIGN §5).
 * Every operator proves its operand's signed range first, or states that the caller must have; the
 * class comments give each one's cost and why a cheating prover cannot change its result.
 */
package org.zkml4j.circuit.gadget.fixedpoint;
