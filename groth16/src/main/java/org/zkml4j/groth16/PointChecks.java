package org.zkml4j.groth16;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Validation of affine points in the project layout (G1: 8 longs, G2: 16 longs, Montgomery form,
 * all zeros for infinity): coordinates canonical (below q) and on the curve. Keys and proofs come
 * from files, so every point is checked once when a key or proof object is made.
 */
final class PointChecks {
  private static final PrimeField FQ = Bn254.FQ;
  private static final long[] G1_B = FQ.element(3);
  /** 3/(9+u), the twist's constant. */
  private static final long[] G2_B = new long[8];
  /** Points per parallel task when checking long vectors. */
  private static final int MIN_CHUNK = 4096;

  static {
    Fq2 fq2 = new Fq2();
    fq2.inverse(G2_B, 0, Fq2.element(BigInteger.valueOf(9), BigInteger.ONE), 0);
    fq2.mul(G2_B, 0, G2_B, 0, Fq2.element(BigInteger.valueOf(3), BigInteger.ZERO), 0);
  }

  private PointChecks() {}

  /** Longs per affine point of G1 or G2. */
  static int size(boolean g2) {
    return g2 ? 16 : 8;
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

  static boolean isInfinity(long[] p, int off, boolean g2) {
    for (int i = 0; i < size(g2); i++) {
      if (p[off + i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** y^2 = x^3 + 3, or infinity; coordinates must be canonical. */
  static boolean onG1(long[] p, int off, long[] scratch) {
    if (isInfinity(p, off, false)) {
      return true;
    }
    FQ.square(scratch, 0, p, off + 4);
    FQ.square(scratch, 4, p, off);
    FQ.mul(scratch, 4, scratch, 4, p, off);
    FQ.add(scratch, 4, scratch, 4, G1_B, 0);
    return PrimeField.equal(scratch, 0, scratch, 4);
  }

  /** y^2 = x^3 + 3/(9+u) over Fq2, or infinity; coordinates must be canonical. */
  static boolean onTwist(long[] p, int off, Fq2 fq2, long[] scratch) {
    if (isInfinity(p, off, true)) {
      return true;
    }
    fq2.square(scratch, 0, p, off + 8);
    fq2.square(scratch, 8, p, off);
    fq2.mul(scratch, 8, scratch, 8, p, off);
    Fq2.add(scratch, 8, scratch, 8, G2_B, 0);
    return Fq2.equal(scratch, 0, scratch, 8);
  }

  /**
   * True when the twist point (on the curve, checked by the caller) has order dividing r: r * P
   * is infinity, by affine double-and-add. Slow (milliseconds), so used for a few points only.
   */
  static boolean inG2Subgroup(long[] p, int off) {
    if (isInfinity(p, off, true)) {
      return true;
    }
    Fq2 fq2 = new Fq2();
    long[] base = java.util.Arrays.copyOfRange(p, off, off + 16);
    long[] acc = new long[16];
    BigInteger r = Bn254.R_MODULUS;
    for (int bit = r.bitLength() - 1; bit >= 0; bit--) {
      addAffine(fq2, acc, acc);
      if (r.testBit(bit)) {
        addAffine(fq2, acc, base);
      }
    }
    return isInfinity(acc, 0, true);
  }

  /** acc += q on the twist, affine, with infinity as all zeros. */
  private static void addAffine(Fq2 fq2, long[] acc, long[] q) {
    if (isInfinity(q, 0, true)) {
      return;
    }
    if (isInfinity(acc, 0, true)) {
      System.arraycopy(q, 0, acc, 0, 16);
      return;
    }
    long[] t = new long[32];
    if (Fq2.equal(acc, 0, q, 0)) {
      if (!Fq2.equal(acc, 8, q, 8) || Fq2.isZero(acc, 8)) {
        java.util.Arrays.fill(acc, 0);
        return;
      }
      fq2.square(t, 0, acc, 0); // lambda = 3x^2 / 2y
      Fq2.add(t, 8, t, 0, t, 0);
      Fq2.add(t, 0, t, 8, t, 0);
      Fq2.dbl(t, 8, acc, 8);
    } else {
      Fq2.sub(t, 0, q, 8, acc, 8); // lambda = (y2 - y1) / (x2 - x1)
      Fq2.sub(t, 8, q, 0, acc, 0);
    }
    fq2.inverse(t, 8, t, 8);
    fq2.mul(t, 0, t, 0, t, 8);
    fq2.square(t, 16, t, 0); // x3 = lambda^2 - x1 - x2
    Fq2.sub(t, 16, t, 16, acc, 0);
    Fq2.sub(t, 16, t, 16, q, 0);
    Fq2.sub(t, 24, acc, 0, t, 16); // y3 = lambda (x1 - x3) - y1
    fq2.mul(t, 24, t, 24, t, 0);
    Fq2.sub(t, 24, t, 24, acc, 8);
    System.arraycopy(t, 16, acc, 0, 16);
  }

  /** Canonical and on its curve (not the G2 subgroup check). */
  static boolean valid(long[] p, int off, boolean g2, Fq2 fq2, long[] scratch) {
    return canonical(p, off, size(g2)) && (g2 ? onTwist(p, off, fq2, scratch) : onG1(p, off, scratch));
  }

  /**
   * The index of the first of n points that is not canonical or not on its curve, or -1; runs in
   * parallel.
   */
  static int firstInvalid(long[] points, int n, boolean g2, Parallelism parallelism) {
    AtomicInteger first = new AtomicInteger(Integer.MAX_VALUE);
    int size = size(g2);
    parallelism.forRange(n, MIN_CHUNK, (from, to) -> {
      Fq2 fq2 = new Fq2();
      long[] scratch = new long[16];
      for (int i = from; i < to && i < first.get(); i++) {
        if (!valid(points, size * i, g2, fq2, scratch)) {
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
