package org.zkml4j.model.ir;

/**
 * Gemm and MatMul on flat row-major float arrays. The inner loops run along contiguous rows: an
 * {@code a[i,k] * b[k,:]} update for a plain right operand, a dot product of two rows for a
 * transposed one (PyTorch's Linear layers are {@code Gemm} with {@code transB}).
 */
final class MatrixProducts {
  private MatrixProducts() {}

  static Tensor gemm(Op.Gemm op, Tensor a, Tensor b, Tensor c, Shape out) {
    int m = out.dim(0);
    int n = out.dim(1);
    int k = op.transA() ? a.shape().dim(0) : a.shape().dim(1);
    float[] left = op.transA() ? transpose(a.floatData(), k, m) : a.floatData();
    float[] y = new float[m * n];
    if (op.transB()) {
      dotRows(left, 0, b.floatData(), 0, y, 0, m, k, n);
    } else {
      multiply(left, 0, b.floatData(), 0, y, 0, m, k, n);
    }
    float alpha = op.alpha();
    float beta = op.beta();
    float[] bias = c == null ? null : c.floatData();
    int rowStride = 0;
    int colStride = 0;
    if (c != null) {
      Shape cs = c.shape();
      colStride = cs.rank() >= 1 && cs.dim(cs.rank() - 1) != 1 ? 1 : 0;
      rowStride = cs.rank() == 2 && cs.dim(0) != 1 ? cs.dim(1) : 0;
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float v = alpha * y[i * n + j];
        y[i * n + j] = bias == null ? v : v + beta * bias[i * rowStride + j * colStride];
      }
    }
    return Tensor.wrap(out, y);
  }

  /** numpy matmul: rank-1 operands are promoted, leading axes broadcast as batches. */
  static Tensor matMul(Tensor a, Tensor b, Shape out) {
    Shape as = a.shape();
    Shape bs = b.shape();
    int m = as.rank() == 1 ? 1 : as.dim(as.rank() - 2);
    int k = as.dim(as.rank() - 1);
    int n = bs.rank() == 1 ? 1 : bs.dim(bs.rank() - 1);
    int batchRank = Math.max(0, Math.max(as.rank(), bs.rank()) - 2);
    int[] batch = new int[batchRank];
    int[] sa = new int[batchRank];
    int[] sb = new int[batchRank];
    batchStrides(as, batch, sa, m * k);
    batchStrides(bs, batch, sb, k * n);
    int batches = out.size() / Math.max(1, m * n);
    float[] y = new float[out.size()];
    if (out.size() == 0) {
      return Tensor.wrap(out, y);
    }
    int[] idx = new int[batchRank];
    int oa = 0;
    int ob = 0;
    for (int t = 0; t < batches; t++) {
      multiply(a.floatData(), oa, b.floatData(), ob, y, t * m * n, m, k, n);
      for (int d = batchRank - 1; d >= 0; d--) {
        idx[d]++;
        oa += sa[d];
        ob += sb[d];
        if (idx[d] < batch[d]) {
          break;
        }
        oa -= sa[d] * batch[d];
        ob -= sb[d] * batch[d];
        idx[d] = 0;
      }
    }
    return Tensor.wrap(out, y);
  }

  /** Fills the broadcast batch dims and an operand's batch strides (0 where it broadcasts). */
  private static void batchStrides(Shape s, int[] batch, int[] strides, int matrixSize) {
    int own = Math.max(0, s.rank() - 2);
    int offset = batch.length - own;
    int acc = matrixSize;
    for (int i = own - 1; i >= 0; i--) {
      int d = s.dim(i);
      batch[i + offset] = Math.max(batch[i + offset], d);
      strides[i + offset] = d == 1 ? 0 : acc;
      acc *= d;
    }
  }

  /** {@code y[m,n] = a[m,k] * b[k,n]} at the given offsets; y starts zeroed. */
  private static void multiply(float[] a, int oa, float[] b, int ob, float[] y, int oy, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      int row = oy + i * n;
      for (int p = 0; p < k; p++) {
        float v = a[oa + i * k + p];
        int bRow = ob + p * n;
        for (int j = 0; j < n; j++) {
          y[row + j] += v * b[bRow + j];
        }
      }
    }
  }

  /** {@code y[m,n] = a[m,k] * bt[n,k]ᵀ}: dot products of rows. */
  private static void dotRows(float[] a, int oa, float[] bt, int ob, float[] y, int oy, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float acc = 0;
        int ra = oa + i * k;
        int rb = ob + j * k;
        for (int p = 0; p < k; p++) {
          acc += a[ra + p] * bt[rb + p];
        }
        y[oy + i * n + j] = acc;
      }
    }
  }

  /** The transpose of a {@code rows x cols} matrix. */
  private static float[] transpose(float[] x, int rows, int cols) {
    float[] t = new float[x.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = x[r * cols + c];
      }
    }
    return t;
  }
}
