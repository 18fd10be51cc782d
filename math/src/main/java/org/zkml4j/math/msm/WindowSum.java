package org.zkml4j.math.msm;

/**
 * One task of a Pippenger run: the weighted sum of one window over a range of one class's scalars.
 * Implementations hold scratch space and are confined to one thread.
 */
interface WindowSum {
  /**
   * Writes to {@code out} (Jacobian) the sum over j in [from, to) of d_j * P_j, where the entry
   * e = {@code members[j]} names point i = e (or i = ~e with the point negated, when e is negative)
   * of {@code bases}, and d_j is the window-w digit of scalar i under {@code plan}.
   */
  void sum(long[] bases, long[] scalars, int[] members, int from, int to, WindowPlan plan, int w, long[] out, int oo);
}
