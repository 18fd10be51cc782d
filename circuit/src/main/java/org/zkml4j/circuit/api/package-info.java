/**
 * The circuit-building API: a {@link org.zkml4j.circuit.api.Circuit} declares inputs and outputs on
 * an {@link org.zkml4j.circuit.api.Api} and builds constraints between
 * {@link org.zkml4j.circuit.api.Variable}s (sparse linear combinations of wires: additions and
 * constant factors are free, products and assertions cost one rank-1 constraint);
 * {@link org.zkml4j.circuit.api.CircuitCompiler} turns it into a
 * {@link org.zkml4j.circuit.api.CompiledCircuit}: an {@link org.zkml4j.circuit.R1cs} in circom's
 * wire order, the witness generator that fills it from input values, and constraint counts per
 * named {@link org.zkml4j.circuit.api.Scope}.
 *
 * <pre>{@code
 * CompiledCircuit c = CircuitCompiler.compile(api -> {
 *   Variable[] x = api.privateInputs("x", 3);
 *   Variable[] w = api.privateInputs("w", 3);
 *   Variable acc = api.constant(0);
 *   try (Scope s = api.scope("dot")) {
 *     for (int i = 0; i < 3; i++) {
 *       acc = api.add(acc, api.mul(x[i], w[i]));     // one constraint per product
 *     }
 *   }
 *   Quotient q = Division.rescale(api, acc, 8, 16);  // gadget.fixedpoint: 24 constraints
 *   api.output("y", Relu.relu(api, q));               // 1 constraint
 * });
 * Witness witness = c.witness(Assignment.builder().set("x", 1, 2, 3).set("w", 256, -512, 768).build());
 * c.report().constraints("dot");                      // 3
 * }</pre>
 *
 * <p>The design follows gnark's {@code frontend} (an API interface with the R1CS builder behind it;
 * hints with explicit ids). See {@link org.zkml4j.circuit.api.Api} for costs and the linear
 * combination policy.
 */
package org.zkml4j.circuit.api;
