package org.zkml4j.circuit.witness;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Values for the inputs of a circuit, by signal name: what a {@link WitnessGenerator} starts from.
 * Values are integers taken modulo r, so a negative integer v is assigned as r - |v| (the encoding
 * of DESIGN §5). Immutable; made with {@link #builder()}.
 */
public final class Assignment {
  private static final PrimeField FR = Bn254.FR;

  private final Map<String, long[]> values;

  private Assignment(Map<String, long[]> values) {
    this.values = values;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The assigned values of a signal as Fr elements in Montgomery form (a copy), if assigned. */
  public Optional<long[]> elements(String name) {
    long[] v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  /** The backing vector, for the generator, which only reads it. */
  long[] raw(String name) {
    return values.get(name);
  }

  /** Names of the assigned signals, in assignment order. */
  public Set<String> names() {
    return values.keySet();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Assignment{");
    values.forEach((name, v) -> s.append(name).append(": ").append(v.length / 4).append(" values, "));
    return s.append('}').toString();
  }

  /** Collects signal values; a later {@code set} of the same name replaces the earlier one. */
  public static final class Builder {
    private final Map<String, long[]> values = new LinkedHashMap<>();

    private Builder() {}

    /** Assigns integers (any sign) to the signal's wires, in order. */
    public Builder set(String name, long... integers) {
      long[] v = FR.newVector(integers.length);
      for (int i = 0; i < integers.length; i++) {
        FR.fromLong(v, 4 * i, integers[i]);
      }
      values.put(name, v);
      return this;
    }

    /** Assigns integers (any sign, any size; taken mod r) to the signal's wires, in order. */
    public Builder set(String name, BigInteger... integers) {
      long[] v = FR.newVector(integers.length);
      for (int i = 0; i < integers.length; i++) {
        FR.fromBigInteger(v, 4 * i, integers[i]);
      }
      values.put(name, v);
      return this;
    }

    /**
     * Assigns Fr elements in Montgomery form, four longs each (a copy is taken).
     *
     * @throws IllegalArgumentException if the length is not a multiple of 4 or an element is not
     *     canonical
     */
    public Builder setElements(String name, long[] montgomery) {
      if (montgomery.length % 4 != 0) {
        throw new IllegalArgumentException("signal " + name + ": " + montgomery.length + " longs is not a whole number"
            + " of field elements");
      }
      for (int o = 0; o < montgomery.length; o += 4) {
        if (!FR.isCanonical(montgomery, o)) {
          throw new IllegalArgumentException("signal " + name + ": value " + o / 4 + " is not a canonical Fr element");
        }
      }
      values.put(name, montgomery.clone());
      return this;
    }

    public Assignment build() {
      return new Assignment(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }
  }
}
