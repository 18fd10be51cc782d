package org.zkml4j.circuit;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Collects constraints term by term and freezes them into an {@link R1cs}.
 *
 * <p>A constraint is written by adding its terms to A, B and C with {@code term(...)} in any order
 * and closing it with {@link #endConstraint()}; an empty linear combination is zero. The builder
 * stores terms in growable flat arrays, so adding a term allocates nothing, and is meant for both
 * compilers and file readers. {@link #build()} checks the whole system and may be called again
 * after more constraints are added. Not thread-safe.
 */
public final class R1csBuilder {
  /** Terms per matrix: the coefficient array (4 longs a term) must stay a Java array. */
  static final int MAX_TERMS = (Integer.MAX_VALUE - 8) / 4;
  private static final PrimeField FR = Bn254.FR;

  private final int numOutputs;
  private final int numPublicInputs;
  private final int numPrivateInputs;
  private final Rows[] rows = {new Rows(), new Rows(), new Rows()};
  private final long[] scratch = new long[4];
  private int numConstraints;
  private int numWires = -1;
  private int maxWire;
  private long numLabels = -1;
  private long[] wireLabels;

  /**
   * Starts an empty system with the given public and private interface (circom's wire order).
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public R1csBuilder(int numOutputs, int numPublicInputs, int numPrivateInputs) {
    if (numOutputs < 0 || numPublicInputs < 0 || numPrivateInputs < 0) {
      throw new IllegalArgumentException("negative signal count: outputs " + numOutputs + ", public inputs "
          + numPublicInputs + ", private inputs " + numPrivateInputs);
    }
    this.numOutputs = numOutputs;
    this.numPublicInputs = numPublicInputs;
    this.numPrivateInputs = numPrivateInputs;
  }

  /**
   * Sets the total number of wires (wire 0 included). Without it, {@link #build()} uses the
   * smallest count that covers the interface and every wire a term names.
   */
  public R1csBuilder numWires(int numWires) {
    if (numWires < 1) {
      throw new IllegalArgumentException("an R1CS has at least wire 0, asked for " + numWires + " wires");
    }
    this.numWires = numWires;
    return this;
  }

  /**
   * Sets the wire-to-label map (one label per wire, label of wire 0 being 0) and the total number
   * of labels. Without it, wire i has label i and there are as many labels as wires.
   */
  public R1csBuilder labels(long numLabels, long[] wireLabels) {
    this.numLabels = numLabels;
    this.wireLabels = wireLabels.clone();
    return this;
  }

  /**
   * Adds coefficient * wire to the current constraint's linear combination in {@code matrix}.
   *
   * @param coefficient holds the coefficient in Montgomery form at {@code offset}; must be canonical
   */
  public R1csBuilder term(R1cs.Matrix matrix, int wire, long[] coefficient, int offset) {
    if (wire < 0) {
      throw new IllegalArgumentException("negative wire index " + wire);
    }
    if (!FR.isCanonical(coefficient, offset)) {
      throw new IllegalArgumentException("coefficient is not a canonical field element");
    }
    rows[matrix.ordinal()].add(wire, coefficient, offset);
    maxWire = Math.max(maxWire, wire);
    return this;
  }

  /** Adds coefficient * wire; the coefficient is taken modulo r, so negative values work. */
  public R1csBuilder term(R1cs.Matrix matrix, int wire, BigInteger coefficient) {
    FR.fromBigInteger(scratch, 0, coefficient);
    return term(matrix, wire, scratch, 0);
  }

  /** Closes the current constraint: the terms added since the previous call form A_i, B_i, C_i. */
  public R1csBuilder endConstraint() {
    if (numConstraints == Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many constraints");
    }
    for (Rows r : rows) {
      r.endRow(numConstraints);
    }
    numConstraints++;
    return this;
  }

  public int numConstraints() {
    return numConstraints;
  }

  /**
   * Checks the system and freezes a copy of it.
   *
   * @throws IllegalStateException naming the problem: terms added after the last
   *     {@link #endConstraint()}, more interface wires than wires, a wire index out of range, a wire
   *     repeated within one linear combination (its meaning would differ between tools: snarkjs keeps
   *     the last term, a sum would add them), or a bad label map
   */
  public R1cs build() {
    for (R1cs.Matrix m : R1cs.Matrix.values()) {
      Rows r = rows[m.ordinal()];
      if (r.terms != r.rowStart[numConstraints]) {
        throw new IllegalStateException("matrix " + m + " has " + (r.terms - r.rowStart[numConstraints])
            + " terms added after the last endConstraint()");
      }
    }
    long interfaceWires = 1L + numOutputs + numPublicInputs + numPrivateInputs;
    int wires;
    if (numWires < 0) {
      if (interfaceWires > Integer.MAX_VALUE) {
        throw new IllegalStateException("the interface needs " + interfaceWires + " wires, too many");
      }
      wires = (int) Math.max(interfaceWires, maxWire + 1L);
    } else {
      wires = numWires;
      if (interfaceWires > wires) {
        throw new IllegalStateException("1 + " + numOutputs + " outputs + " + numPublicInputs + " public inputs + "
            + numPrivateInputs + " private inputs need " + interfaceWires + " wires, but there are " + wires);
      }
    }
    checkWires(wires);
    long[] labels = checkedLabels(wires);
    long labelCount = wireLabels == null ? wires : numLabels;
    return new R1cs(wires, numOutputs, numPublicInputs, numPrivateInputs, labelCount, labels,
        rows[0].freeze(numConstraints), rows[1].freeze(numConstraints), rows[2].freeze(numConstraints));
  }

  /** Every wire index below the wire count, and no wire twice in one row. */
  private void checkWires(int wires) {
    int[] lastRow = new int[wires];
    for (R1cs.Matrix m : R1cs.Matrix.values()) {
      Rows r = rows[m.ordinal()];
      Arrays.fill(lastRow, -1);
      for (int row = 0; row < numConstraints; row++) {
        for (int k = r.rowStart[row]; k < r.rowStart[row + 1]; k++) {
          int w = r.wires[k];
          if (w >= wires) {
            throw new IllegalStateException("constraint " + row + ", matrix " + m + ": wire " + w
                + " is out of range; there are " + wires + " wires");
          }
          if (lastRow[w] == row) {
            throw new IllegalStateException("constraint " + row + ", matrix " + m + ": wire " + w
                + " appears twice in one linear combination");
          }
          lastRow[w] = row;
        }
      }
    }
  }

  private long[] checkedLabels(int wires) {
    if (wireLabels == null) {
      long[] identity = new long[wires];
      Arrays.setAll(identity, i -> i);
      return identity;
    }
    if (wireLabels.length != wires) {
      throw new IllegalStateException("the label map has " + wireLabels.length + " entries for " + wires + " wires");
    }
    if (wireLabels[0] != 0) {
      throw new IllegalStateException("wire 0 (the constant 1) must have label 0, has " + wireLabels[0]);
    }
    for (int i = 0; i < wires; i++) {
      if (wireLabels[i] < 0 || wireLabels[i] >= numLabels) {
        throw new IllegalStateException("wire " + i + " has label " + Long.toUnsignedString(wireLabels[i])
            + ", outside [0, " + numLabels + ")");
      }
    }
    return wireLabels.clone();
  }

  /** One matrix under construction, CSR with room to grow. */
  private static final class Rows {
    int[] rowStart = new int[16];
    int[] wires = new int[64];
    long[] coefficients = new long[4 * 64];
    int terms;

    void add(int wire, long[] coefficient, int offset) {
      if (terms == wires.length) {
        if (terms == MAX_TERMS) {
          throw new IllegalStateException("a matrix can hold at most " + MAX_TERMS + " terms");
        }
        int capacity = (int) Math.min(MAX_TERMS, terms + (terms >> 1) + 16L);
        wires = Arrays.copyOf(wires, capacity);
        coefficients = Arrays.copyOf(coefficients, 4 * capacity);
      }
      wires[terms] = wire;
      PrimeField.copy(coefficients, 4 * terms, coefficient, offset);
      terms++;
    }

    /** Records that row {@code row} ends at the current term count. */
    void endRow(int row) {
      if (row + 2 > rowStart.length) {
        rowStart = Arrays.copyOf(rowStart, (int) Math.min(Integer.MAX_VALUE - 8, row + 2 + (row >> 1) + 16L));
      }
      rowStart[row + 1] = terms;
    }

    SparseMatrix freeze(int numRows) {
      int n = rowStart[numRows];
      return new SparseMatrix(numRows, Arrays.copyOf(rowStart, numRows + 1), Arrays.copyOf(wires, n),
          Arrays.copyOf(coefficients, 4 * n));
    }
  }
}
