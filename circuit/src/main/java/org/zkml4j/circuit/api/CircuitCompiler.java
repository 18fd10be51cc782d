package org.zkml4j.circuit.api;

/**
 * Compiles a {@link Circuit} definition into an R1CS and its witness generator by running the
 * definition once against an {@link Api} that records constraints.
 */
public final class CircuitCompiler {
  private CircuitCompiler() {}

  /** {@link #compile(Circuit, CompileOptions)} with {@link CompileOptions#defaults()}. */
  public static CompiledCircuit compile(Circuit circuit) {
    return compile(circuit, CompileOptions.defaults());
  }

  /**
   * Runs the definition and freezes what it built.
   *
   * @throws UnsatisfiableException if the definition asserts something false about constants
   * @throws IllegalStateException if a scope is left open, or a hint output appears in no
   *     constraint
   */
  public static CompiledCircuit compile(Circuit circuit, CompileOptions options) {
    CircuitBuilder builder = new CircuitBuilder(options);
    circuit.define(builder);
    return builder.finish();
  }
}
