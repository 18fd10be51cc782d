/**
 * The gadget library, one package per family. Each gadget is a static method taking the
 * {@link org.zkml4j.circuit.api.Api}; its class comment gives preconditions, cost and why it is
 * sound. Costs in constraints, for non-constant operands (constants fold for free), with n the
 * operands' bit bound:
 *
 * <table>
 *   <caption>Gadget costs</caption>
 *   <tr><th>gadget</th><th>constraints</th></tr>
 *   <tr><td>{@code bits.Bits.toBits}, {@code signedToBits}: n bits</td><td>n</td></tr>
 *   <tr><td>{@code rangecheck.RangeCheck.unsigned}, {@code signed}</td><td>n</td></tr>
 *   <tr><td>{@code rangecheck.RangeCheck.below(bound)}, m = bitLength(bound - 1)</td>
 *       <td>m for a power of two, else 2m</td></tr>
 *   <tr><td>{@code cmp.Comparison.isLess}, {@code isLessOrEqual}, ...</td><td>n + 1</td></tr>
 *   <tr><td>{@code cmp.Comparison.isNegative}</td><td>n</td></tr>
 *   <tr><td>{@code fixedpoint.Division.rescale} by 2^k, quotient in q bits</td><td>k + q</td></tr>
 *   <tr><td>{@code fixedpoint.Division.divRound}, {@code divFloor} by d (not a power of two)</td>
 *       <td>q + 2 bitLength(d - 1)</td></tr>
 *   <tr><td>{@code fixedpoint.Relu.relu(x, n)}</td><td>n + 1</td></tr>
 *   <tr><td>{@code fixedpoint.Relu.relu(quotient)} after a division</td><td>1</td></tr>
 *   <tr><td>{@code fixedpoint.Maximum.max}, {@code min} of two</td><td>n + 2</td></tr>
 *   <tr><td>{@code fixedpoint.Maximum.max} of m values</td><td>(m - 1)(n + 2)</td></tr>
 *   <tr><td>{@code fixedpoint.Maximum.clamp}</td><td>2(n + 2)</td></tr>
 *   <tr><td>{@code fixedpoint.Argmax.of} (index and maximum) of m values</td><td>(m - 1)(n + 3) - 1</td></tr>
 *   <tr><td>{@code fixedpoint.Argmax.oneHot}</td><td>2(m - 2) more</td></tr>
 *   <tr><td>{@code fixedpoint.PolynomialActivation.apply}: x^2 + c x</td><td>1</td></tr>
 *   <tr><td>{@code poseidon.PoseidonGadget.hash} of t - 1 inputs</td><td>3(8t + R_P) - 3</td></tr>
 * </table>
 *
 * <p>One more constraint is added wherever an operand has so many terms that a derived linear
 * combination passes {@link org.zkml4j.circuit.api.CompileOptions#maxLinearTerms()}. The test
 * {@code ConstraintCountTest} keeps these numbers in a snapshot.
 */
package org.zkml4j.circuit.gadget;
