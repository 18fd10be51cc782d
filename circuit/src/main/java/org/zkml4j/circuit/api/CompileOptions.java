package org.zkml4j.circuit.api;

/**
 * Settings of {@link CircuitCompiler}.
 *
 * @param maxLinearTerms the largest linear combination kept symbolic: a sum, difference or
 *     weighted sum with more terms is materialized at once into a new wire (one constraint), so that
 *     combinations stay bounded in size however deep a stack of linear layers is, and later uses
 *     mention one wire instead of copying every term into each constraint. At least 2.
 */
public record CompileOptions(int maxLinearTerms) {
  /** The default threshold: a dense layer of a few hundred inputs stays one combination. */
  public static final int DEFAULT_MAX_LINEAR_TERMS = 256;

  public CompileOptions {
    if (maxLinearTerms < 2) {
      throw new IllegalArgumentException("maxLinearTerms must be at least 2, was " + maxLinearTerms);
    }
  }

  public static CompileOptions defaults() {
    return new CompileOptions(DEFAULT_MAX_LINEAR_TERMS);
  }
}
