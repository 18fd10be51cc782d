package org.zkml4j.math.poseidon;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Small dense linear algebra over Fr for deriving Poseidon's optimized constants: n x n matrices
 * as flat row-major vectors of Montgomery-form elements (entry (i, j) at offset 4*(i*n + j)).
 * Setup-time code; every method allocates its result.
 */
final class FrMatrix {
  private static final PrimeField FR = Bn254.FR;

  private FrMatrix() {}

  static long[] identity(int n) {
    long[] id = FR.newVector(n * n);
    for (int i = 0; i < n; i++) {
      FR.setOne(id, 4 * (i * n + i));
    }
    return id;
  }

  /** The (n-1) x (n-1) block of an n x n matrix without its first row and column. */
  static long[] withoutFirstRowAndColumn(long[] a, int n) {
    int m = n - 1;
    long[] sub = FR.newVector(m * m);
    for (int i = 0; i < m; i++) {
      System.arraycopy(a, 4 * ((i + 1) * n + 1), sub, 4 * i * m, 4 * m);
    }
    return sub;
  }

  static long[] multiply(long[] a, long[] b, int n) {
    long[] c = FR.newVector(n * n);
    long[] product = new long[PrimeField.LIMBS];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int o = 4 * (i * n + j);
        for (int k = 0; k < n; k++) {
          FR.mul(product, 0, a, 4 * (i * n + k), b, 4 * (k * n + j));
          FR.add(c, o, c, o, product, 0);
        }
      }
    }
    return c;
  }

  /** a^e by square-and-multiply, e &gt;= 0. */
  static long[] power(long[] a, int n, int e) {
    long[] result = identity(n);
    for (int bit = 31 - Integer.numberOfLeadingZeros(Math.max(e, 1)); bit >= 0; bit--) {
      result = multiply(result, result, n);
      if (((e >>> bit) & 1) != 0) {
        result = multiply(result, a, n);
      }
    }
    return result;
  }

  /** The column vector a * x, x given as n elements. */
  static long[] timesVector(long[] a, int n, long[] x) {
    long[] y = FR.newVector(n);
    long[] product = new long[PrimeField.LIMBS];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        FR.mul(product, 0, a, 4 * (i * n + k), x, 4 * k);
        FR.add(y, 4 * i, y, 4 * i, product, 0);
      }
    }
    return y;
  }

  /** The row vector x^T * a, x given as n elements. */
  static long[] vectorTimes(long[] x, long[] a, int n) {
    long[] y = FR.newVector(n);
    long[] product = new long[PrimeField.LIMBS];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < n; k++) {
        FR.mul(product, 0, x, 4 * k, a, 4 * (k * n + j));
        FR.add(y, 4 * j, y, 4 * j, product, 0);
      }
    }
    return y;
  }

  /**
   * The inverse of a by Gauss-Jordan elimination.
   *
   * @throws ArithmeticException if a is singular
   */
  static long[] inverse(long[] a, int n) {
    long[] m = a.clone();
    long[] inv = identity(n);
    long[] factor = new long[PrimeField.LIMBS];
    long[] product = new long[PrimeField.LIMBS];
    for (int col = 0; col < n; col++) {
      int pivot = col;
      while (pivot < n && FR.isZero(m, 4 * (pivot * n + col))) {
        pivot++;
      }
      if (pivot == n) {
        throw new ArithmeticException("singular matrix");
      }
      swapRows(m, n, pivot, col);
      swapRows(inv, n, pivot, col);
      FR.inverse(factor, 0, m, 4 * (col * n + col));
      for (int j = 0; j < n; j++) {
        FR.mul(m, 4 * (col * n + j), m, 4 * (col * n + j), factor, 0);
        FR.mul(inv, 4 * (col * n + j), inv, 4 * (col * n + j), factor, 0);
      }
      for (int i = 0; i < n; i++) {
        if (i == col || FR.isZero(m, 4 * (i * n + col))) {
          continue;
        }
        PrimeField.copy(factor, 0, m, 4 * (i * n + col));
        for (int j = 0; j < n; j++) {
          FR.mul(product, 0, factor, 0, m, 4 * (col * n + j));
          FR.sub(m, 4 * (i * n + j), m, 4 * (i * n + j), product, 0);
          FR.mul(product, 0, factor, 0, inv, 4 * (col * n + j));
          FR.sub(inv, 4 * (i * n + j), inv, 4 * (i * n + j), product, 0);
        }
      }
    }
    return inv;
  }

  private static void swapRows(long[] m, int n, int r1, int r2) {
    if (r1 == r2) {
      return;
    }
    long[] row = new long[4 * n];
    System.arraycopy(m, 4 * r1 * n, row, 0, 4 * n);
    System.arraycopy(m, 4 * r2 * n, m, 4 * r1 * n, 4 * n);
    System.arraycopy(row, 0, m, 4 * r2 * n, 4 * n);
  }
}
