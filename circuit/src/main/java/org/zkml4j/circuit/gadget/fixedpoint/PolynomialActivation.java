package org.zkml4j.circuit.gadget.fixedpoint;

import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;

/**
 * The polynomial activation x^2 + n*x ({@link FixedPoint#polynomial}), a ReLU substitute that needs
 * no range check: x * (x + n), <b>one constraint</b>, sound because the product constraint defines
 * the output. The result has twice x's scale; rescale it afterwards as the model requires, and note
 * that its bound is about twice x's bit width.
 */
public final class PolynomialActivation {
  private PolynomialActivation() {}

  /** x^2 + n*x. */
  public static Variable apply(Api api, Variable x, long n) {
    return api.mul(x, api.add(x, api.constant(n)));
  }
}
