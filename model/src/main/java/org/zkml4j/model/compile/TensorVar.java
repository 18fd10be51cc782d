package org.zkml4j.model.compile;

import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.fixedpoint.Quotient;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.IntegerBounds;

/**
 * A tensor inside a circuit under construction: one variable per element (row-major) and what the
 * circuit has proven about them.
 *
 * <p>{@code exact}: every element is the quantized graph's integer function of range-checked inputs
 * and constant parameters, so it lies in the graph's interval [min, max]. {@code proven}: a b &gt; 0
 * such that the circuit proves every element in [-2^(b-1), 2^(b-1)) (by a range check, a division,
 * or because it is exact), or 0 when nothing is proven (a product with private weights before its
 * rescale). Comparisons need a proven operand ({@link LayerContext#comparable}).
 *
 * @param fixed the elements' values when they are constants of the circuit (fixed parameters), else null
 * @param quotients the divisions that produced the elements, whose sign bits a ReLU reuses, else null
 */
record TensorVar(Shape shape, long min, long max, Variable[] v, long[] fixed, Quotient[] quotients, boolean exact,
    int proven) {

  /** The signed bits of the graph's interval. */
  int bits() {
    return IntegerBounds.signedBits(min, max);
  }

  int size() {
    return v.length;
  }
}
