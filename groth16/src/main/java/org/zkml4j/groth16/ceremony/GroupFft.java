package org.zkml4j.groth16.ceremony;

import java.util.function.Supplier;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The inverse discrete Fourier transform over a vector of curve points, with snarkjs's roots of
 * unity: out_j = (1/m) sum_i P_i w^(-ij) for the primitive m-th root w of {@link EvaluationDomain}.
 * Applied to tau^i * G this gives the Lagrange basis L_j(tau) * G of the size-m domain.
 *
 * <p>Iterative radix-2 decimation in time on Jacobian points: a bit-reversal permutation, then
 * log2(m) layers of butterflies (u, v) -&gt; (u + t v, u - t v), each layer split across the
 * executor. A twiddle t is a full-size scalar, so each butterfly costs one scalar multiplication
 * (skipped when t = 1) and two additions; the scaling by 1/m costs one more multiplication per
 * point.
 */
final class GroupFft {
  private static final PrimeField FR = Bn254.FR;
  /** Butterflies per task at least: each costs a scalar multiplication, so small tasks pay. */
  private static final int MIN_CHUNK = 16;

  private GroupFft() {}

  /**
   * Transforms the m = 2^log2m Jacobian points of {@code jac} in place.
   *
   * @param progress counts butterflies and scalings: m/2 * log2m + m in all
   */
  static void inverse(Supplier<CurveGroup> groups, long[] jac, int log2m, Parallelism parallelism,
      ProgressCounter progress) {
    int m = 1 << log2m;
    int js = groups.get().jacobianSize();
    bitReverse(jac, log2m, js);
    long[] twiddles = inverseRootPowers(log2m);
    for (int l = 1; l <= log2m; l++) {
      int layer = l;
      int half = 1 << (layer - 1);
      int stride = m >>> layer; // twiddle j of this layer is w_m^(-j * stride)
      parallelism.forRange(m / 2, MIN_CHUNK, (from, to) -> {
        CurveGroup group = groups.get();
        ScalarMultiplier mul = ScalarMultiplier.of(group);
        long[] tv = new long[js];
        for (int b = from; b < to; b++) {
          int j = b & (half - 1);
          int i1 = ((b >>> (layer - 1)) << layer) + j;
          int i2 = i1 + half;
          if (j == 0) {
            System.arraycopy(jac, i2 * js, tv, 0, js);
          } else {
            mul.multiply(tv, 0, jac, i2 * js, twiddles, 4 * j * stride);
          }
          group.neg(jac, i2 * js, tv, 0);
          group.add(jac, i2 * js, jac, i1 * js, jac, i2 * js);
          group.add(jac, i1 * js, jac, i1 * js, tv, 0);
        }
        progress.add(to - from);
      });
    }
    long[] invM = FR.element(m);
    FR.inverse(invM, 0, invM, 0);
    parallelism.forRange(m, MIN_CHUNK, (from, to) -> {
      ScalarMultiplier mul = ScalarMultiplier.of(groups.get());
      for (int i = from; i < to; i++) {
        mul.multiply(jac, i * js, jac, i * js, invM, 0);
      }
      progress.add(to - from);
    });
  }

  /** w^(-j) for j &lt; m/2, w the primitive m-th root of unity (at least one entry). */
  private static long[] inverseRootPowers(int log2m) {
    int n = Math.max(1, (1 << log2m) / 2);
    long[] w = new long[4 * n];
    FR.setOne(w, 0);
    if (n > 1) {
      long[] inv = EvaluationDomain.rootOfUnity(log2m);
      FR.inverse(inv, 0, inv, 0);
      for (int j = 1; j < n; j++) {
        FR.mul(w, 4 * j, w, 4 * (j - 1), inv, 0);
      }
    }
    return w;
  }

  private static void bitReverse(long[] jac, int log2m, int js) {
    int m = 1 << log2m;
    long[] tmp = new long[js];
    for (int i = 0; i < m; i++) {
      int j = Integer.reverse(i) >>> (32 - log2m);
      if (log2m > 0 && i < j) {
        System.arraycopy(jac, i * js, tmp, 0, js);
        System.arraycopy(jac, j * js, jac, i * js, js);
        System.arraycopy(tmp, 0, jac, j * js, js);
      }
    }
  }
}
