package org.zkml4j.circuit.api;

import java.util.Arrays;
import java.util.BitSet;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csBuilder;

/**
 * The constraints of a circuit under construction, as three growable CSR matrices over
 * provisional wire numbers; {@link #toR1cs} renumbers them into circom's order.
 */
final class ConstraintRows {
  private final Matrix[] matrices = {new Matrix(), new Matrix(), new Matrix()};
  private int rows;

  int rows() {
    return rows;
  }

  /**
   * Appends the constraint {@code <a> * <b> = <c>}, each side given as (wires, coefficients,
   * count); returns its index.
   */
  int add(int[] aw, long[] ac, int an, int[] bw, long[] bc, int bn, int[] cw, long[] cc, int cn) {
    if (rows == Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("a circuit holds at most " + rows + " constraints");
    }
    matrices[0].addRow(aw, ac, an);
    matrices[1].addRow(bw, bc, bn);
    matrices[2].addRow(cw, cc, cn);
    return rows++;
  }

  /** Marks every wire some constraint mentions. */
  BitSet usedWires() {
    BitSet used = new BitSet();
    for (Matrix m : matrices) {
      for (int k = 0; k < m.terms; k++) {
        used.set(m.wires[k]);
      }
    }
    return used;
  }

  /** The frozen system, wire w renamed {@code wireMap[w]}. */
  R1cs toR1cs(int numOutputs, int numPublicInputs, int numPrivateInputs, int numWires, int[] wireMap) {
    R1csBuilder builder = new R1csBuilder(numOutputs, numPublicInputs, numPrivateInputs).numWires(numWires);
    R1cs.Matrix[] names = R1cs.Matrix.values();
    for (int row = 0; row < rows; row++) {
      for (int m = 0; m < 3; m++) {
        Matrix matrix = matrices[m];
        for (int k = matrix.rowStart[row]; k < matrix.rowStart[row + 1]; k++) {
          builder.term(names[m], wireMap[matrix.wires[k]], matrix.coefficients, 4 * k);
        }
      }
      builder.endConstraint();
    }
    return builder.build();
  }

  private static final class Matrix {
    int[] rowStart = new int[64];
    int[] wires = new int[256];
    long[] coefficients = new long[4 * 256];
    int terms;
    int rows;

    void addRow(int[] w, long[] c, int n) {
      if (terms + n > wires.length) {
        long capacity = Math.max((long) terms + n, wires.length + ((long) wires.length >> 1));
        if (capacity > (Integer.MAX_VALUE - 8) / 4) {
          throw new IllegalStateException("a constraint matrix holds at most " + (Integer.MAX_VALUE - 8) / 4 + " terms");
        }
        wires = Arrays.copyOf(wires, (int) capacity);
        coefficients = Arrays.copyOf(coefficients, 4 * (int) capacity);
      }
      System.arraycopy(w, 0, wires, terms, n);
      System.arraycopy(c, 0, coefficients, 4 * terms, 4 * n);
      terms += n;
      rows++;
      if (rows + 1 > rowStart.length) {
        rowStart = Arrays.copyOf(rowStart, rowStart.length + (rowStart.length >> 1));
      }
      rowStart[rows] = terms;
    }
  }
}
