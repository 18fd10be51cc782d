package org.zkml4j.circuit.api;

import java.util.Arrays;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Arithmetic on the sparse linear combinations behind {@link Variable}s: terms sorted by wire,
 * merged on addition, zero coefficients dropped. Every operation allocates fresh arrays and never
 * writes its operands', so variables can share coefficient arrays.
 */
final class LinearCombinations {
  private static final PrimeField FR = Bn254.FR;
  static final long[] ONE = FR.element(1);
  static final int[] NO_WIRES = {};
  static final long[] NO_COEFFICIENTS = {};

  private LinearCombinations() {}

  /** a + factor * b; {@code factor} (Montgomery form) is non-zero. */
  static Variable addScaled(Object owner, Variable a, Variable b, long[] factor) {
    int na = a.wires.length, nb = b.wires.length;
    int[] wires = new int[na + nb];
    long[] coefficients = new long[4 * (na + nb)];
    long[] scaled = new long[4];
    boolean unit = FR.isOne(factor, 0);
    int i = 0, j = 0, n = 0;
    while (i < na || j < nb) {
      int wa = i < na ? a.wires[i] : Integer.MAX_VALUE;
      int wb = j < nb ? b.wires[j] : Integer.MAX_VALUE;
      if (wa < wb) {
        wires[n] = wa;
        PrimeField.copy(coefficients, 4 * n++, a.coefficients, 4 * i++);
        continue;
      }
      if (unit) {
        PrimeField.copy(scaled, 0, b.coefficients, 4 * j);
      } else {
        FR.mul(scaled, 0, b.coefficients, 4 * j, factor, 0);
      }
      j++;
      if (wb < wa) {
        wires[n] = wb;
        PrimeField.copy(coefficients, 4 * n++, scaled, 0);
      } else {
        FR.add(scaled, 0, scaled, 0, a.coefficients, 4 * i++);
        if (!FR.isZero(scaled, 0)) {
          wires[n] = wa;
          PrimeField.copy(coefficients, 4 * n++, scaled, 0);
        }
      }
    }
    return trimmed(owner, wires, coefficients, n);
  }

  /** factor * a, for a non-zero factor (Montgomery form). */
  static Variable scale(Object owner, Variable a, long[] factor) {
    int n = a.wires.length;
    long[] coefficients = new long[4 * n];
    for (int i = 0; i < n; i++) {
      FR.mul(coefficients, 4 * i, a.coefficients, 4 * i, factor, 0);
    }
    return new Variable(owner, a.wires, coefficients);
  }

  /**
   * sum factors[i] * terms[i], factors in Montgomery form (four longs each). All terms are
   * gathered, sorted by wire and merged in one pass, so a sum of many variables costs
   * O(T log T) for T terms in total, with no intermediate combinations.
   */
  static Variable weightedSum(Object owner, long[] factors, Variable[] terms) {
    int total = 0;
    for (int t = 0; t < terms.length; t++) {
      if (!FR.isZero(factors, 4 * t)) {
        total += terms[t].wires.length;
      }
    }
    long[] keys = new long[total];
    long[] products = new long[4 * total];
    int k = 0;
    for (int t = 0; t < terms.length; t++) {
      if (FR.isZero(factors, 4 * t)) {
        continue;
      }
      Variable v = terms[t];
      boolean unit = FR.isOne(factors, 4 * t);
      for (int i = 0; i < v.wires.length; i++, k++) {
        keys[k] = ((long) v.wires[i] << 32) | k;
        if (unit) {
          PrimeField.copy(products, 4 * k, v.coefficients, 4 * i);
        } else {
          FR.mul(products, 4 * k, v.coefficients, 4 * i, factors, 4 * t);
        }
      }
    }
    Arrays.sort(keys);
    int[] wires = new int[total];
    long[] coefficients = new long[4 * total];
    int n = 0;
    for (int s = 0; s < total; ) {
      int wire = (int) (keys[s] >>> 32);
      int o = 4 * n;
      PrimeField.copy(coefficients, o, products, 4 * (int) keys[s]);
      for (s++; s < total && (int) (keys[s] >>> 32) == wire; s++) {
        FR.add(coefficients, o, coefficients, o, products, 4 * (int) keys[s]);
      }
      if (!FR.isZero(coefficients, o)) {
        wires[n++] = wire;
      }
    }
    return trimmed(owner, wires, coefficients, n);
  }

  /** The terms of v with every coefficient negated, followed by {@code target} with coefficient 1. */
  static void negatedPlusTarget(Variable v, int target, int[] wires, long[] coefficients) {
    for (int i = 0; i < v.wires.length; i++) {
      wires[i] = v.wires[i];
      FR.neg(coefficients, 4 * i, v.coefficients, 4 * i);
    }
    wires[v.wires.length] = target;
    PrimeField.copy(coefficients, 4 * v.wires.length, ONE, 0);
  }

  /** True when both combinations have the same terms. */
  static boolean same(Variable a, Variable b) {
    return Arrays.equals(a.wires, b.wires) && Arrays.equals(a.coefficients, b.coefficients);
  }

  private static Variable trimmed(Object owner, int[] wires, long[] coefficients, int n) {
    if (n == 0) {
      return new Variable(owner, NO_WIRES, NO_COEFFICIENTS);
    }
    return n == wires.length ? new Variable(owner, wires, coefficients)
        : new Variable(owner, Arrays.copyOf(wires, n), Arrays.copyOf(coefficients, 4 * n));
  }
}
