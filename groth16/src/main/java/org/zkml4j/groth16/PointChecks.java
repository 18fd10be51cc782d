package org.zkml4j.groth16;

import java.util.concurrent.atomic.AtomicInteger;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Validation of affine points in the project layout (G1: 8 longs, G2: 16 longs, Montgomery form,
 * all zeros for infinity): coordinates canonical (below q) and on the curve. Keys come from files,
 * so every point is checked once when a key object is made.
 */
final class PointChecks {
  private static final PrimeField FQ = Bn254.FQ;
  /** Points per parallel task when checking long vectors. */
  private static final int MIN_CHUNK = 4096;

  private PointChecks() {}

  /** Longs per affine point of G1 or G2. */
  static int size(boolean g2) {
    return g2 ? 16 : 8;
  }

  static CurveGroup group(boolean g2) {
    return g2 ? new G2() : new G1();
  }

  /** True when all {@code longs} longs at {@code off} form Fq elements below q. */
  static boolean canonical(long[] v, int off, int longs) {
    for (int i = 0; i < longs; i += 4) {
      if (!FQ.isCanonical(v, off + i)) {
        return false;
      }
    }
    return true;
  }

  /** Canonical and on its curve, or infinity (not the G2 subgroup check). */
  static boolean valid(long[] p, int off, CurveGroup group) {
    return canonical(p, off, group.affineSize()) && group.isOnCurve(p, off);
  }

  /**
   * The index of the first of n points that is not canonical or not on its curve, or -1; runs in
   * parallel.
   */
  static int firstInvalid(long[] points, int n, boolean g2, Parallelism parallelism) {
    AtomicInteger first = new AtomicInteger(Integer.MAX_VALUE);
    int size = size(g2);
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> {
      CurveGroup group = group(g2);
      for (int i = from; i < to && i < first.get(); i++) {
        if (!valid(points, size * i, group)) {
          first.accumulateAndGet(i, Math::min);
          return;
        }
      }
    });
    return first.get() == Integer.MAX_VALUE ? -1 : first.get();
  }

  /** The affine point as decimal coordinates, for messages. */
  static String describe(long[] p, int off, boolean g2) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < size(g2); i += 4) {
      s.append(i == 0 ? "" : ", ").append(FQ.isCanonical(p, off + i) ? FQ.toBigInteger(p, off + i) : "(not below q)");
    }
    return s.append(')').toString();
  }
}
