package org.zkml4j.circuit.api;

/**
 * A circuit definition: declares inputs and outputs on the {@link Api} and builds the constraints
 * between them. Run once by {@link CircuitCompiler#compile}; it must not keep the {@code Api} or
 * its variables after returning.
 *
 * <pre>{@code
 * Circuit square = api -> {
 *   Variable x = api.privateInput("x");
 *   api.output("y", api.mul(x, x));
 * };
 * CompiledCircuit c = CircuitCompiler.compile(square);
 * Witness w = c.witness(Assignment.builder().set("x", 7).build()); // y = 49
 * }</pre>
 */
@FunctionalInterface
public interface Circuit {
  void define(Api api);
}
