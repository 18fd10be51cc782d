package org.zkml4j.circuit.api;

import java.math.BigInteger;
import java.util.Optional;
import org.zkml4j.circuit.witness.Hint;

/**
 * What a {@link Circuit} builds with: inputs and outputs, linear combinations (free), products and
 * assertions (one rank-1 constraint each), and hints. Arithmetic is in BN254's Fr; an integer v is
 * the field element v mod r, so -1 is r - 1 (DESIGN §5).
 *
 * <p><b>Costs.</b> Constants, {@link #add}, {@link #sub}, {@link #neg}, {@link #scale}, the sums,
 * and a product with a constant factor cost nothing: they only build a sparse linear combination.
 * {@link #mul}, {@link #select}, {@link #assertEqual}, {@link #assertBoolean} and
 * {@link #materialize} cost one constraint each, except when their operands are constants (then
 * they are folded, or fail at once with {@link UnsatisfiableException}). Declaring an output costs
 * nothing when the value is a wire made by a product, a selection or a hint, and one constraint
 * otherwise.
 *
 * <p><b>Linear combination policy.</b> A combination is kept symbolic, sorted by wire with repeated
 * wires merged, and copied into each constraint that uses it. When a linear operation yields more
 * than {@link CompileOptions#maxLinearTerms()} terms, the result is materialized into a new wire
 * (one constraint), so combinations never grow past that bound however many linear layers are
 * stacked. Build a long sum with {@link #sum} or {@link #weightedSum}, which merge all terms in one
 * pass, rather than by repeated {@link #add}.
 *
 * <p><b>Hints.</b> {@link #hint} returns new wires whose values nothing constrains: the caller must
 * constrain every one of them right after the call (see {@link Hint}).
 *
 * <p>Implementations are not thread-safe; variables belong to the {@code Api} that made them.
 */
public interface Api {
  // ------------------------------------------------------------------ inputs and outputs

  /** Declares a public input (a statement value the verifier sees) named {@code name}. */
  Variable publicInput(String name);

  /** Declares {@code count} public inputs named {@code name}, assigned together as one array. */
  Variable[] publicInputs(String name, int count);

  /** Declares a private input (a value only the prover knows) named {@code name}. */
  Variable privateInput(String name);

  /** Declares {@code count} private inputs named {@code name}, assigned together as one array. */
  Variable[] privateInputs(String name, int count);

  /**
   * Declares a public output named {@code name} equal to {@code value}; its wire comes before all
   * inputs, as in circom.
   *
   * @throws IllegalArgumentException if the name is taken
   */
  void output(String name, Variable value);

  /** Declares {@code values.length} public outputs named {@code name}, in order. */
  void outputs(String name, Variable... values);

  // ------------------------------------------------------------------ linear (no constraints)

  /** The constant {@code value} (mod r, so negative values are r - |value|). */
  Variable constant(long value);

  /** The constant {@code value mod r}. */
  Variable constant(BigInteger value);

  /** a + b. */
  Variable add(Variable a, Variable b);

  /** a - b. */
  Variable sub(Variable a, Variable b);

  /** -a. */
  Variable neg(Variable a);

  /** factor * a. */
  Variable scale(Variable a, long factor);

  /** (factor mod r) * a. */
  Variable scale(Variable a, BigInteger factor);

  /** The sum of the terms, merged in one pass. */
  Variable sum(Variable... terms);

  /**
   * sum coefficients[i] * terms[i], merged in one pass: a dense layer with constant weights.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  Variable weightedSum(long[] coefficients, Variable[] terms);

  /** As {@link #weightedSum(long[], Variable[])}, coefficients taken mod r. */
  Variable weightedSum(BigInteger[] coefficients, Variable[] terms);

  /**
   * As {@link #weightedSum(long[], Variable[])}, with coefficients given as Fr elements in
   * Montgomery form, four longs each (as {@link org.zkml4j.math.field.PrimeField} stores them).
   *
   * @throws IllegalArgumentException if there are not {@code 4 * terms.length} longs or an
   *     element is not canonical
   */
  Variable weightedSumOfElements(long[] coefficients, Variable[] terms);

  // ------------------------------------------------------------------ constraints

  /** a * b: one constraint, or free when a factor is constant. */
  Variable mul(Variable a, Variable b);

  /**
   * {@code condition ? ifTrue : ifFalse}, as ifFalse + condition * (ifTrue - ifFalse): one
   * constraint, plus one that asserts the condition is boolean unless the builder already knows it
   * is (a bit from a decomposition, a constant 0 or 1, a product of such, or 1 minus one).
   */
  Variable select(Variable condition, Variable ifTrue, Variable ifFalse);

  /** Asserts a == b: one constraint. */
  void assertEqual(Variable a, Variable b);

  /** Asserts v is 0 or 1, as v * (v - 1) = 0: one constraint, skipped if already known. */
  void assertBoolean(Variable v);

  /**
   * A single wire equal to v (one constraint), so that later constraints mention one wire rather
   * than all of v's terms; v itself if it is already a wire or a constant. Call once and reuse the
   * result.
   */
  Variable materialize(Variable v);

  // ------------------------------------------------------------------ hints

  /**
   * {@code outputs} new wires that the witness generator fills by running {@code hint} on the
   * values of {@code inputs}. <b>Nothing constrains them</b>: the caller must.
   *
   * @throws IllegalArgumentException if a different hint with the same id was used before
   */
  Variable[] hint(Hint hint, int outputs, Variable... inputs);

  // ------------------------------------------------------------------ introspection

  /** The value of v if it is a constant, in [0, r). */
  Optional<BigInteger> constantValue(Variable v);

  /** Constraints made so far. */
  int numConstraints();

  /**
   * Opens a named scope; constraints made until it is closed are counted under it.
   *
   * @param name non-empty, without '/'
   */
  Scope scope(String name);
}
