package org.zkml4j.math.msm;

/**
 * How one Pippenger run cuts its scalars: window width c, number of windows, and into how many
 * point ranges ("chunks") each window is split so that all threads have work.
 *
 * <p>Digits: with one window, a scalar below 2^c is its own digit in [0, 2^c). With several, the
 * c-bit window values v_w are recoded into d_w = v_w + b_(cw-1) - 2^c * b_(cw+c-1), where b_i is
 * bit i of the scalar: a window whose top bit is set borrows 2^c from the next window, and the
 * carry it passes on is exactly that bit, so every window's digit is computed on its own from the
 * scalar's bits, and the sum of d_w 2^(cw) telescopes back to the scalar. Each d_w lies in
 * [-2^(c-1), 2^(c-1)]; the top window does not borrow and, because scalars are below 2^(cW-1),
 * its digit is at most 2^(c-1) too. Either way a digit's magnitude is at most {@link #buckets()},
 * and a negative digit adds the negated point, which costs nothing in affine form.
 *
 * @param c window width in bits
 * @param windows number of windows W
 * @param chunks number of point ranges each window is split into
 */
record WindowPlan(int c, int windows, int chunks) {
  /** Window widths above this would need bucket arrays too large to pay off. */
  static final int MAX_WIDTH = 22;

  /** Number of buckets: the largest digit magnitude. */
  int buckets() {
    return windows == 1 ? (1 << c) - 1 : 1 << (c - 1);
  }

  /**
   * The digit of window w of the plain scalar at {@code scalars[4*i..4*i+3]}, which must be below
   * 2^c for a single window and below 2^(c*windows - 1) otherwise.
   */
  int digit(long[] scalars, int i, int w) {
    int lo = c * w;
    int window = bits(scalars, 4 * i, lo, c);
    if (windows == 1) {
      return window;
    }
    int v = w > 0 ? window + bits(scalars, 4 * i, lo - 1, 1) : window;
    return w < windows - 1 && window >= 1 << (c - 1) ? v - (1 << c) : v;
  }

  /** Bits [pos, pos+len) of the 256-bit little-endian value at s[o..o+3]; len at most 32. */
  private static int bits(long[] s, int o, int pos, int len) {
    int limb = pos >>> 6, shift = pos & 63;
    if (limb >= 4) {
      return 0;
    }
    long v = s[o + limb] >>> shift;
    if (shift + len > 64 && limb < 3) {
      v |= s[o + limb + 1] << (64 - shift);
    }
    return (int) (v & ((1L << len) - 1));
  }

  /**
   * The cheapest plan for {@code count} scalars of at most {@code bits} bits on {@code threads}
   * threads, under a cost model in field multiplications: each window of each chunk costs one
   * bucket addition per point ({@code addCost}) plus a running-sum reduction over its buckets
   * ({@code reduceCost} each), and the tasks (windows times chunks) run in rounds of
   * {@code threads}.
   */
  static WindowPlan choose(int count, int bits, int threads, double addCost, double reduceCost) {
    WindowPlan best = null;
    double bestCost = Double.MAX_VALUE;
    for (int c = 1; c <= Math.min(bits, MAX_WIDTH); c++) {
      int windows = c == bits ? 1 : (bits + 1 + c - 1) / c;
      if (windows > 1 && c == 1) {
        continue; // one-bit signed windows have no room for positive digits
      }
      for (int chunks = 1; chunks <= Math.min(threads, count); chunks++) {
        WindowPlan plan = new WindowPlan(c, windows, chunks);
        long rounds = ((long) windows * chunks + threads - 1) / threads;
        double cost = rounds * (Math.ceil((double) count / chunks) * addCost + plan.buckets() * reduceCost);
        if (cost < bestCost) {
          bestCost = cost;
          best = plan;
        }
      }
    }
    return best;
  }
}
