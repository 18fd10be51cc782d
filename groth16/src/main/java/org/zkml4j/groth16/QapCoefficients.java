package org.zkml4j.groth16;

import org.zkml4j.math.field.Bn254;

/**
 * The non-zero entries of the QAP's A and B matrices as a snarkjs proving key stores them
 * (section 4 of a .zkey): entry i says that constraint {@link #constraint(int)} of matrix
 * {@link #matrix(int)} (0 = A, 1 = B) has coefficient {@link #value} on signal
 * {@link #signal(int)}. The prover evaluates A and B on the domain from these entries and the
 * witness; C is never stored, because on the domain C = A * B pointwise.
 *
 * <p>snarkjs's setup adds, for every public signal s (and the constant wire 0), one extra A entry
 * of constraint (number of R1CS constraints + s) with value 1; this keeps the public inputs
 * linearly independent, and is part of the entries here like any other.
 *
 * <p>Storage is four parallel arrays (matrix, constraint, signal, and the value in Fr Montgomery
 * form, 4 longs each), so millions of entries cost 44 bytes each and no objects. Immutable: the
 * arrays passed to {@link #of} are taken over, not copied, and must not be changed afterwards.
 */
public final class QapCoefficients {
  private final int[] matrix;
  private final int[] constraint;
  private final int[] signal;
  private final long[] values;

  private QapCoefficients(int[] matrix, int[] constraint, int[] signal, long[] values) {
    this.matrix = matrix;
    this.constraint = constraint;
    this.signal = signal;
    this.values = values;
  }

  /**
   * Entries from parallel arrays, taken over without copying.
   *
   * @param matrix 0 (A) or 1 (B) per entry
   * @param constraint the constraint (row) index per entry, non-negative
   * @param signal the signal (wire) index per entry, non-negative
   * @param values 4 longs per entry: the coefficient in Fr Montgomery form, below r
   * @throws IllegalArgumentException if the lengths disagree or an entry is out of range; the
   *     ranges that depend on the key (rows below the domain size, signals below nVars) are
   *     checked by {@link ProvingKey}
   */
  public static QapCoefficients of(int[] matrix, int[] constraint, int[] signal, long[] values) {
    int n = matrix.length;
    if (constraint.length != n || signal.length != n || values.length != 4L * n) {
      throw new IllegalArgumentException("coefficient arrays disagree: " + n + " matrices, " + constraint.length
          + " constraints, " + signal.length + " signals, " + values.length + " value longs (4 per entry)");
    }
    for (int i = 0; i < n; i++) {
      if (matrix[i] != 0 && matrix[i] != 1) {
        throw new IllegalArgumentException("coefficient " + i + ": matrix " + matrix[i] + " is neither 0 (A) nor 1 (B)");
      }
      if (constraint[i] < 0 || signal[i] < 0) {
        throw new IllegalArgumentException("coefficient " + i + ": negative index");
      }
      if (!Bn254.FR.isCanonical(values, 4 * i)) {
        throw new IllegalArgumentException("coefficient " + i + ": value is not below r");
      }
    }
    return new QapCoefficients(matrix, constraint, signal, values);
  }

  /** Number of entries. */
  public int size() {
    return matrix.length;
  }

  /** 0 for an entry of A, 1 for B. */
  public int matrix(int i) {
    return matrix[i];
  }

  public int constraint(int i) {
    return constraint[i];
  }

  public int signal(int i) {
    return signal[i];
  }

  /** Copies entry i's value (Fr, Montgomery form) to {@code z[zo..zo+4)}. */
  public void value(int i, long[] z, int zo) {
    System.arraycopy(values, 4 * i, z, zo, 4);
  }

  int[] matrixArray() {
    return matrix;
  }

  int[] constraintArray() {
    return constraint;
  }

  int[] signalArray() {
    return signal;
  }

  long[] valueArray() {
    return values;
  }
}
