package org.zkml4j.math.msm;

import org.zkml4j.math.parallel.Parallelism;

/**
 * Puts an MSM's bases (flat affine points in Montgomery form) into the representation its window
 * sums read: done once per MSM, in O(n), so that every window can copy bases as they are.
 */
@FunctionalInterface
interface BaseForm {
  /** The bases as given. */
  BaseForm AS_IS = (bases, n, par) -> bases;

  /** The first n bases in this form: a new array, or {@code bases} itself. */
  long[] convert(long[] bases, int n, Parallelism par);
}
