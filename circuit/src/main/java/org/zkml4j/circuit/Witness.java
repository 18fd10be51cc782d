package org.zkml4j.circuit;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * The value of every wire of a circuit, in circom's wire order: wire 0 is the constant 1, then
 * outputs, public inputs, private inputs and internal wires (see {@link R1cs}).
 *
 * <p>Values are held as one flat vector of Fr elements in Montgomery form (wire i at longs
 * 4i..4i+3), the layout the prover's multi-scalar multiplications read. Instances are immutable.
 */
public final class Witness {
  private static final PrimeField FR = Bn254.FR;

  private final long[] values;

  private Witness(long[] values) {
    this.values = values;
  }

  /**
   * A witness from a copy of a flat Montgomery-form vector.
   *
   * @throws IllegalArgumentException if the vector is empty or not a whole number of elements, an
   *     element is not canonical, or wire 0 is not 1
   */
  public static Witness of(long[] montgomeryValues) {
    if (montgomeryValues.length == 0 || montgomeryValues.length % 4 != 0) {
      throw new IllegalArgumentException("a witness vector has 4 longs per wire and at least wire 0; got "
          + montgomeryValues.length + " longs");
    }
    for (int o = 0; o < montgomeryValues.length; o += 4) {
      if (!FR.isCanonical(montgomeryValues, o)) {
        throw new IllegalArgumentException("wire " + o / 4 + " is not a canonical field element");
      }
    }
    if (!FR.isOne(montgomeryValues, 0)) {
      throw new IllegalArgumentException("wire 0 must be 1, is " + FR.toBigInteger(montgomeryValues, 0));
    }
    return new Witness(montgomeryValues.clone());
  }

  /**
   * A witness from integer values, each taken modulo r (so negative values work).
   *
   * @throws IllegalArgumentException if the list is empty or its first value is not 1 mod r
   */
  public static Witness ofValues(List<BigInteger> values) {
    long[] v = FR.newVector(values.size());
    for (int i = 0; i < values.size(); i++) {
      FR.fromBigInteger(v, 4 * i, values.get(i));
    }
    return of(v);
  }

  /** Number of wires. */
  public int size() {
    return values.length / 4;
  }

  /** Copies wire {@code wire}'s value, in Montgomery form, to z[zo..zo+3]. */
  public void get(int wire, long[] z, int zo) {
    PrimeField.copy(z, zo, values, 4 * wire);
  }

  /** Wire {@code wire}'s value as an integer in [0, r). */
  public BigInteger value(int wire) {
    return FR.toBigInteger(values, 4 * wire);
  }

  /** A copy of the whole Montgomery-form vector. */
  public long[] toArray() {
    return values.clone();
  }

  /**
   * A copy of this witness with one wire set to another value (mod r): the way tests build a
   * cheating witness.
   *
   * @throws IllegalArgumentException for wire 0, which is always 1
   */
  public Witness with(int wire, BigInteger value) {
    if (wire == 0) {
      throw new IllegalArgumentException("wire 0 is the constant 1");
    }
    Objects.checkIndex(wire, size());
    long[] v = values.clone();
    FR.fromBigInteger(v, 4 * wire, value);
    return new Witness(v);
  }

  /** The backing vector, for package code that only reads it. */
  long[] raw() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Witness w && Arrays.equals(w.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Witness(" + size() + " wires)";
  }
}
