package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The inverse discrete Fourier transform over a vector of curve points, with snarkjs's roots of
 * unity: out_j = (1/m) sum_i P_i w^(-ij) for the primitive m-th root w of {@link EvaluationDomain}.
 * Applied to tau^i * G this gives the Lagrange basis L_j(tau) * G of the size-m domain.
 *
 * <p>Iterative radix-2 decimation in time on affine points: a bit-reversal permutation, then
 * log2(m) layers of butterflies (u, v) -&gt; (u + t v, u - t v), the last one also scaling by 1/m
 * (u/m + (t/m) v, u/m - (t/m) v), which saves m/2 multiplications over a separate pass. A twiddle
 * t is a full-size scalar, so a butterfly costs one scalar multiplication (none when t = 1). Each
 * layer is split across the executor, and each share runs in {@link LaneBatch}es: the twiddle
 * multiplications eight lanes wide, the two additions and the return to affine form with batched
 * inversions. The twiddles' {@link Recoding}s are made once per transform. Butterflies a batch
 * flags (a point at infinity among the inputs) are redone with the general scalar code.
 *
 * <p>In layer l a twiddle serves m / 2^l butterflies. Where that is at least eight (all layers
 * but the top two, and the 1/m of the last layer's u), the butterflies go to the batches twiddle
 * by twiddle, so each block of eight lanes shares one scalar and follows its NAF digits (about
 * a third fewer additions than the per-lane regular form, and no per-lane table gathers).
 */
final class GroupFft {
  private static final PrimeField FR = Bn254.FR;
  private static final int CAP = LaneBatch.CAPACITY;

  private GroupFft() {}

  /**
   * Transforms the m = 2^log2m affine points of {@code points} in place.
   *
   * @param progress counts butterflies and scalings: m/2 * log2m + m in all
   */
  static void inverse(boolean g2, long[] points, int log2m, Parallelism parallelism, ProgressCounter progress) {
    int m = 1 << log2m;
    int a = g2 ? 16 : 8;
    bitReverse(points, log2m, a);
    if (log2m == 0) {
      progress.add(1);
      return; // the transform of size 1 is the identity
    }
    Recoding twiddles = Recoding.inverseTwiddles(log2m, g2, false, parallelism);
    for (int l = 1; l < log2m; l++) {
      int layer = l;
      int half = 1 << (layer - 1);
      int stride = m >>> layer; // twiddle j of this layer is w_m^(-j * stride), shared by m / 2^layer butterflies
      // where a twiddle's butterflies fill whole blocks of lanes, take them twiddle by twiddle: position
      // t is butterfly (t % stride) * half + t / stride, and each block shares one scalar
      boolean shared = stride >= LaneField.BLOCK;
      parallelism.forRange(m / 2, CAP, (from, to) -> {
        LaneBatch batch = LaneBatch.forThread(g2);
        int[] list = new int[CAP];
        int[] uOffsets = new int[CAP];
        for (int trivial = 0; trivial < 2; trivial++) { // butterflies with t != 1, then those with t = 1
          int count = 0;
          for (int t = from; t < to; t++) {
            int b = shared ? (t % stride) * half + t / stride : t;
            boolean isTrivial = (b & (half - 1)) == 0;
            if (isTrivial == (trivial == 1)) {
              list[count++] = b;
            }
            if (count == CAP || (t == to - 1 && count > 0)) {
              butterflies(batch, points, list, count, uOffsets, layer, stride, twiddles, trivial == 1, shared, a, log2m);
              count = 0;
            }
          }
        }
        progress.add(to - from);
      });
    }
    lastLayer(g2, points, log2m, parallelism, progress);
  }

  /**
   * One batch of a layer's butterflies; with {@code shared}, every block of eight consecutive ones
   * has one twiddle (the caller's order guarantees it), so they take the shared-scalar path.
   */
  private static void butterflies(LaneBatch batch, long[] points, int[] list, int count, int[] uOffsets, int layer,
      int stride, Recoding twiddles, boolean trivial, boolean shared, int a, int log2m) {
    int half = 1 << (layer - 1);
    for (int k = 0; k < count; k++) {
      int b = list[k];
      int j = b & (half - 1);
      int i1 = ((b >>> (layer - 1)) << layer) + j;
      uOffsets[k] = i1 * a;
      batch.setBase(k, points, (i1 + half) * a);
      if (trivial) {
        continue;
      }
      if (shared) {
        batch.setSharedScalar(k, twiddles, j * stride);
      } else {
        batch.setScalar(k, twiddles, j * stride);
      }
    }
    if (!trivial) {
      int sharedLanes = shared ? (count + LaneField.BLOCK - 1) & -LaneField.BLOCK : 0;
      for (int k = count; k < sharedLanes; k++) { // padding lanes: the last job's scalar on whatever bases they hold
        batch.setSharedScalar(k, twiddles, (list[count - 1] & (half - 1)) * stride);
      }
      batch.multiply(sharedLanes, count);
    }
    batch.combine(count, points, uOffsets);
    for (int k = 0; k < count; k++) {
      int i1 = uOffsets[k] / a;
      int i2 = i1 + half;
      if (batch.failed[k]) {
        int j = list[k] & (half - 1);
        fallbackButterfly(batch.g2, points, i1, i2, trivial ? null : inverseRootPower(log2m, j * stride), a);
      } else {
        batch.resultTo(k, points, i1 * a);
        batch.secondTo(k, points, i2 * a);
      }
    }
  }

  /**
   * The last layer with the scaling by 1/m folded in: (u, v) to (u/m + (t/m) v, u/m - (t/m) v), two
   * multiplications per butterfly instead of one plus two scalings.
   */
  private static void lastLayer(boolean g2, long[] points, int log2m, Parallelism parallelism,
      ProgressCounter progress) {
    int m = 1 << log2m;
    int half = m / 2;
    int a = g2 ? 16 : 8;
    Recoding scaled = Recoding.inverseTwiddles(log2m, g2, true, parallelism); // w^(-j) / m
    long[] invM = FR.element(m);
    FR.inverse(invM, 0, invM, 0);
    Recoding byInvM = new Recoding(1, g2, true);
    byInvM.set(0, invM, 0);
    int per = CAP / 2;
    parallelism.forRange(half, per, (from, to) -> {
      LaneBatch batch = LaneBatch.forThread(g2);
      long[] results = new long[CAP * a];
      int[] uOffsets = new int[per];
      boolean[] failedPair = new boolean[per];
      for (int start = from; start < to; start += per) {
        int count = Math.min(per, to - start);
        // lanes [0, us): the u's, all times 1/m (a shared scalar); lanes [us, us + count): the v's
        int us = (count + LaneField.BLOCK - 1) & -LaneField.BLOCK;
        for (int k = 0; k < us; k++) {
          int j = start + Math.min(k, count - 1);
          batch.setBase(k, points, j * a);
          batch.setSharedScalar(k, byInvM, 0);
        }
        for (int k = 0; k < count; k++) {
          int j = start + k;
          batch.setBase(us + k, points, (j + half) * a);
          batch.setScalar(us + k, scaled, j);
        }
        batch.multiply(us, us + count);
        for (int k = 0; k < count; k++) {
          failedPair[k] = batch.failed[k] || batch.failed[us + k];
          batch.resultTo(k, results, 2 * k * a);
          batch.resultTo(us + k, results, (2 * k + 1) * a);
        }
        for (int k = 0; k < count; k++) {
          batch.setBase(k, results, (2 * k + 1) * a);
          uOffsets[k] = 2 * k * a;
        }
        batch.combine(count, results, uOffsets);
        for (int k = 0; k < count; k++) {
          int j = start + k;
          if (failedPair[k] || batch.failed[k]) {
            long[] t = inverseRootPower(log2m, j);
            FR.mul(t, 0, t, 0, invM, 0);
            fallbackLast(g2, points, j, j + half, invM, t, a);
          } else {
            batch.resultTo(k, points, j * a);
            batch.secondTo(k, points, (j + half) * a);
          }
        }
        progress.add(3L * count);
      }
    });
  }

  /** (u, v) to (s u + t v, s u - t v) with the general code. */
  private static void fallbackLast(boolean g2, long[] points, int i1, int i2, long[] s, long[] t, int a) {
    CurveGroup group = g2 ? new G2() : new G1();
    ScalarMultiplier mul = ScalarMultiplier.of(group);
    int js = group.jacobianSize();
    long[] tv = new long[js], su = new long[js], out = new long[js];
    mul.multiplyAffine(tv, 0, points, i2 * a, t, 0);
    mul.multiplyAffine(su, 0, points, i1 * a, s, 0);
    group.add(out, 0, su, 0, tv, 0);
    group.neg(tv, 0, tv, 0);
    group.add(su, 0, su, 0, tv, 0);
    group.toAffine(points, i1 * a, out, 0);
    group.toAffine(points, i2 * a, su, 0);
  }

  /** (u, v) to (u + t v, u - t v) with the general code; t null means 1. */
  private static void fallbackButterfly(boolean g2, long[] points, int i1, int i2, long[] t, int a) {
    CurveGroup group = g2 ? new G2() : new G1();
    int js = group.jacobianSize();
    long[] tv = new long[js], u = new long[js], out = new long[js];
    if (t == null) {
      group.fromAffine(tv, 0, points, i2 * a);
    } else {
      ScalarMultiplier.of(group).multiplyAffine(tv, 0, points, i2 * a, t, 0);
    }
    group.fromAffine(u, 0, points, i1 * a);
    group.add(out, 0, u, 0, tv, 0);
    group.neg(tv, 0, tv, 0);
    group.add(u, 0, u, 0, tv, 0);
    group.toAffine(points, i1 * a, out, 0);
    group.toAffine(points, i2 * a, u, 0);
  }

  /** w^(-e) for the primitive 2^log2m-th root w. */
  private static long[] inverseRootPower(int log2m, int e) {
    long[] w = EvaluationDomain.rootOfUnity(log2m);
    FR.inverse(w, 0, w, 0);
    FR.pow(w, 0, w, 0, BigInteger.valueOf(e));
    return w;
  }

  private static void bitReverse(long[] points, int log2m, int a) {
    if (log2m == 0) {
      return;
    }
    int m = 1 << log2m;
    long[] tmp = new long[a];
    for (int i = 0; i < m; i++) {
      int j = Integer.reverse(i) >>> (32 - log2m);
      if (i < j) {
        System.arraycopy(points, i * a, tmp, 0, a);
        System.arraycopy(points, j * a, points, i * a, a);
        System.arraycopy(tmp, 0, points, j * a, a);
      }
    }
  }
}
