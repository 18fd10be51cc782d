package org.zkml4j.math.msm;

import org.zkml4j.math.curve.CurveGroup;

/**
 * The classic bucket method, kept as a second opinion for tests: each point is added into its
 * digit's bucket with one mixed (Jacobian + affine) addition through the curve package's tested
 * group law, then the buckets are combined by a running sum. It shares only the digit recoding
 * and the task scheduling with the batched affine production code.
 */
final class JacobianWindowSum implements WindowSum {
  private final CurveGroup g;
  private final int affine, jacobian;
  private long[] buckets = new long[0];
  private final long[] negated, running, total;

  JacobianWindowSum(CurveGroup g) {
    this.g = g;
    this.affine = g.affineSize();
    this.jacobian = g.jacobianSize();
    this.negated = new long[affine];
    this.running = new long[jacobian];
    this.total = new long[jacobian];
  }

  @Override
  public void sum(long[] bases, long[] scalars, int[] members, int from, int to, WindowPlan plan, int w,
      long[] out, int oo) {
    int nb = plan.buckets();
    if (buckets.length < nb * jacobian) {
      buckets = new long[nb * jacobian];
    }
    for (int b = 0; b < nb; b++) {
      g.setInfinity(buckets, b * jacobian);
    }
    int top = 0;
    for (int j = from; j < to; j++) {
      int e = members[j], i = e >= 0 ? e : ~e;
      int d = plan.digit(scalars, i, w);
      if (d == 0) {
        continue;
      }
      int b = Math.abs(d) - 1, bo = b * jacobian;
      top = Math.max(top, b + 1);
      if ((d < 0) != (e < 0)) {
        g.negAffine(negated, 0, bases, i * affine);
        g.addMixed(buckets, bo, buckets, bo, negated, 0);
      } else {
        g.addMixed(buckets, bo, buckets, bo, bases, i * affine);
      }
    }
    // sum of (b+1) * bucket_b = sum over b of the running sums from the top bucket down to b
    g.setInfinity(running, 0);
    g.setInfinity(total, 0);
    for (int b = top - 1; b >= 0; b--) {
      g.add(running, 0, running, 0, buckets, b * jacobian);
      g.add(total, 0, total, 0, running, 0);
    }
    System.arraycopy(total, 0, out, oo, jacobian);
  }
}
