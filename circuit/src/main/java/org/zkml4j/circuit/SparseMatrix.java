package org.zkml4j.circuit;

import java.math.BigInteger;
import java.util.Arrays;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * One of an R1CS's three matrices (A, B or C) in compressed sparse row form: row i is the linear
 * combination of wires that constraint i applies to the witness.
 *
 * <p>Terms of row i are the indices {@code rowStart(i) <= k < rowEnd(i)}; term k has a wire index
 * and a coefficient in Fr. Storage is three flat arrays (an int row pointer per row, an int wire per
 * term, four longs of Montgomery-form coefficient per term), so a term costs 36 bytes and millions
 * of constraints fit comfortably in memory. A matrix holds at most {@code 2^29 - 1} terms (the
 * coefficient array is a Java array).
 *
 * <p>Instances are immutable and made by {@link R1csBuilder}. Equality is structural: the same
 * rows with the same terms in the same order.
 */
public final class SparseMatrix {
  private static final PrimeField FR = Bn254.FR;
  /** Montgomery form of 1: terms with this coefficient skip the multiplication. */
  private static final long[] ONE = FR.element(1);

  private final int rows;
  private final int[] rowStart;
  private final int[] wires;
  private final long[] coefficients;
  private final int maxWire;

  /** Takes ownership of the arrays; {@code rowStart} has rows + 1 entries, the last being the term count. */
  SparseMatrix(int rows, int[] rowStart, int[] wires, long[] coefficients) {
    this.rows = rows;
    this.rowStart = rowStart;
    this.wires = wires;
    this.coefficients = coefficients;
    int max = -1;
    for (int k = 0; k < rowStart[rows]; k++) {
      max = Math.max(max, wires[k]);
    }
    this.maxWire = max;
  }

  public int rows() {
    return rows;
  }

  /** Number of stored terms over all rows. */
  public int terms() {
    return rowStart[rows];
  }

  /** Index of the first term of {@code row}. */
  public int rowStart(int row) {
    return rowStart[row];
  }

  /** One past the index of the last term of {@code row}. */
  public int rowEnd(int row) {
    return rowStart[row + 1];
  }

  /** The wire that term {@code term} multiplies. */
  public int wire(int term) {
    return wires[term];
  }

  /** Copies term {@code term}'s coefficient, in Montgomery form, to z[zo..zo+3]. */
  public void coefficient(int term, long[] z, int zo) {
    PrimeField.copy(z, zo, coefficients, 4 * term);
  }

  /** Term {@code term}'s coefficient as an integer in [0, r). */
  public BigInteger coefficientValue(int term) {
    return FR.toBigInteger(coefficients, 4 * term);
  }

  /**
   * Evaluates every row against a witness: out[4i..4i+3] = &lt;row i, w&gt; (Montgomery form).
   * Rows are split across the given executor.
   *
   * @param out at least {@code 4 * rows()} longs
   * @throws IllegalArgumentException if the witness is too short for a wire the matrix uses
   */
  public void multiply(Witness w, long[] out, Parallelism parallelism) {
    if (out.length < 4L * rows) {
      throw new IllegalArgumentException("output has room for " + out.length / 4 + " rows, need " + rows);
    }
    if (maxWire >= w.size()) {
      throw new IllegalArgumentException("witness has " + w.size() + " wires, the matrix uses wire " + maxWire);
    }
    long[] values = w.raw();
    parallelism.forRange(rows, 4096, (from, to) -> {
      long[] tmp = new long[4];
      for (int row = from; row < to; row++) {
        dot(row, values, out, 4 * row, tmp);
      }
    });
  }

  /**
   * z = &lt;row, values&gt; for a flat Montgomery vector that covers every wire of the row.
   *
   * @param tmp four longs of scratch
   */
  void dot(int row, long[] values, long[] z, int zo, long[] tmp) {
    FR.setZero(z, zo);
    for (int k = rowStart[row], end = rowStart[row + 1]; k < end; k++) {
      int wo = 4 * wires[k];
      int co = 4 * k;
      if (PrimeField.equal(coefficients, co, ONE, 0)) {
        FR.add(z, zo, z, zo, values, wo);
      } else {
        FR.mul(tmp, 0, coefficients, co, values, wo);
        FR.add(z, zo, z, zo, tmp, 0);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SparseMatrix m) || m.rows != rows) {
      return false;
    }
    int n = terms();
    return Arrays.equals(rowStart, 0, rows + 1, m.rowStart, 0, rows + 1)
        && Arrays.equals(wires, 0, n, m.wires, 0, n)
        && Arrays.equals(coefficients, 0, 4 * n, m.coefficients, 0, 4 * n);
  }

  @Override
  public int hashCode() {
    return 31 * rows + Arrays.hashCode(rowStart);
  }

  @Override
  public String toString() {
    return "SparseMatrix(" + rows + " rows, " + terms() + " terms)";
  }
}
