package org.zkml4j.groth16.ceremony;

import org.zkml4j.circuit.SparseMatrix;

/**
 * The column view of a {@link SparseMatrix}: for each wire, the terms that use it, in row order,
 * as flat arrays (compressed sparse column form built by a counting sort). Entry e of column w
 * (start(w) &lt;= e &lt; end(w)) names its row and its term index in the matrix, where the
 * coefficient is.
 */
final class Columns {
  private final int[] start;
  private final int[] rows;
  private final int[] terms;

  private Columns(int[] start, int[] rows, int[] terms) {
    this.start = start;
    this.rows = rows;
    this.terms = terms;
  }

  static Columns of(SparseMatrix m, int wires) {
    int[] start = new int[wires + 1];
    int n = m.terms();
    for (int k = 0; k < n; k++) {
      start[m.wire(k) + 1]++;
    }
    for (int w = 0; w < wires; w++) {
      start[w + 1] += start[w];
    }
    int[] next = start.clone();
    int[] rows = new int[n];
    int[] terms = new int[n];
    for (int row = 0; row < m.rows(); row++) {
      for (int k = m.rowStart(row); k < m.rowEnd(row); k++) {
        int e = next[m.wire(k)]++;
        rows[e] = row;
        terms[e] = k;
      }
    }
    return new Columns(start, rows, terms);
  }

  int start(int wire) {
    return start[wire];
  }

  int end(int wire) {
    return start[wire + 1];
  }

  int row(int entry) {
    return rows[entry];
  }

  int term(int entry) {
    return terms[entry];
  }
}
