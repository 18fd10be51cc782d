package org.zkml4j.circuit.api;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * A value in a circuit under construction: a linear combination {@code c_0 + sum c_i * w_i} of
 * wires with constant coefficients in Fr. Inputs, products and hint outputs are single wires;
 * sums, differences and multiples by constants are new combinations and cost no constraint.
 *
 * <p>Instances are cheap handles belonging to the {@link Api} that made them; using one with
 * another circuit is an error. The linear combination never changes; the builder only notes on the
 * handle when a constraint has proven the value boolean, so that it does not assert it again. The
 * terms are an implementation detail; only {@link #terms()} is exposed, for tests and reports.
 */
public final class Variable {
  private static final PrimeField FR = Bn254.FR;

  final Object owner;
  /** Provisional wire numbers, strictly ascending; wire 0 is the constant 1. */
  final int[] wires;
  /** Montgomery-form coefficients, four longs per term, none zero; shared arrays are never written. */
  final long[] coefficients;
  /**
   * True once a constraint proves this value is 0 or 1, so that a later boolean check of the same
   * handle can be skipped. Set only by the builder, and only after it emitted such a constraint.
   */
  boolean provenBoolean;

  Variable(Object owner, int[] wires, long[] coefficients) {
    this.owner = owner;
    this.wires = wires;
    this.coefficients = coefficients;
  }

  /** Number of terms of the linear combination, the constant term included. */
  public int terms() {
    return wires.length;
  }

  /** True when the value is the constant {@code c_0} (no wire terms). */
  boolean isConstant() {
    return wires.length == 0 || (wires.length == 1 && wires[0] == 0);
  }

  /** True when the value is exactly one wire with coefficient 1 and no constant. */
  boolean isUnitWire() {
    return wires.length == 1 && wires[0] != 0 && FR.isOne(coefficients, 0);
  }

  /** The constant value in [0, r); only for {@link #isConstant()} values. */
  BigInteger constantValue() {
    return wires.length == 0 ? BigInteger.ZERO : FR.toBigInteger(coefficients, 0);
  }

  @Override
  public String toString() {
    if (wires.length == 0) {
      return "0";
    }
    StringBuilder s = new StringBuilder();
    BigInteger half = Bn254.R_MODULUS.shiftRight(1);
    for (int i = 0; i < Math.min(wires.length, 8); i++) {
      BigInteger c = FR.toBigInteger(coefficients, 4 * i);
      if (c.compareTo(half) > 0) {
        c = c.subtract(Bn254.R_MODULUS);
      }
      s.append(i == 0 ? "" : " + ").append(c);
      if (wires[i] != 0) {
        s.append("*w").append(wires[i]);
      }
    }
    if (wires.length > 8) {
      s.append(" + ... (").append(wires.length).append(" terms)");
    }
    return s.toString();
  }
}
