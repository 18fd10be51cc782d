package org.zkml4j.model.compile;

import java.math.BigInteger;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.IntegerBounds;

/**
 * A tensor inside a circuit under construction: one variable per element (row-major) and what the
 * circuit has proven about them.
 *
 * <p>{@code exact}: every element is the quantized graph's integer function of range-checked inputs
 * and constant parameters, so it lies in the graph's interval [lower, upper]. {@code proven}: a b
 * &gt; 0 such that the circuit proves every element in [-2^(b-1), 2^(b-1)) as an integer: by a
 * range check, a division, because it is exact, or, for a value computed from private weights
 * without a rescale, because its operands were proven and b bounds the worst case over every value
 * they may take ({@link LayerContext#worst}); b stays below the field's 254 bits, so such a value
 * never wraps modulo r. Comparisons need an operand proven in its graph bits
 * ({@link LayerContext#comparable}).
 *
 * @param fixed the elements' values when they are constants of the circuit (fixed parameters), else null
 * @param quotients the divisions that produced the elements, whose sign bits a ReLU reuses, else null
 */
record TensorVar(Shape shape, BigInteger lower, BigInteger upper, Variable[] v, long[] fixed, Quotient[] quotients,
    boolean exact, int proven) {

  TensorVar(Shape shape, long min, long max, Variable[] v, long[] fixed, Quotient[] quotients, boolean exact,
      int proven) {
    this(shape, BigInteger.valueOf(min), BigInteger.valueOf(max), v, fixed, quotients, exact, proven);
  }

  /** The signed bits of the graph's interval. */
  int bits() {
    return IntegerBounds.signedBits(lower, upper);
  }

  /** The least value, of a narrow tensor (the only kind comparisons read). */
  long min() {
    return lower.longValueExact();
  }

  /** The greatest value, of a narrow tensor. */
  long max() {
    return upper.longValueExact();
  }

  int size() {
    return v.length;
  }
}
