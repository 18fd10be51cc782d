package org.zkml4j.groth16.format;

import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.curve.LaneCoordinates;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;

/**
 * Checks that affine points are valid curve points, eight at a time in vector lanes: every
 * coordinate below q, and y^2 - x^3 equal to the curve's b (or the point all zeros, infinity).
 * A prepared .ptau file holds millions of points, and the readers check every one; in lanes the
 * three products per check cost about a fifth of the scalar code's. The constant b is not copied
 * in: it is y^2 - x^3 of the group's generator, computed by the same code. One instance per thread.
 */
final class LaneCurveCheck {
  private static final int CAP = 256;

  private final LaneCoordinates f;
  /** Longs per coordinate and per point (4c, 8c). */
  private final int coordinate, point;
  private final long[] x, y, t, u;
  /** b's limbs, canonical, per component: the form y^2 - x^3 is compared in. */
  private final long[] b;
  private final boolean[] skip = new boolean[CAP];

  LaneCurveCheck(boolean g2) {
    f = g2 ? LaneCoordinates.fq2(CAP) : LaneCoordinates.fq(CAP);
    coordinate = 4 * f.components();
    point = 2 * coordinate;
    x = f.newBatch();
    y = f.newBatch();
    t = f.newBatch();
    u = f.newBatch();
    CurveGroup group = g2 ? new G2() : new G1();
    long[] generator = group.generator();
    f.load(x, 0, generator, 0);
    f.load(y, 0, generator, coordinate);
    yySubXxx(LaneField.BLOCK);
    b = new long[f.components() * LaneField.LIMBS];
    for (int j = 0; j < f.components(); j++) {
      for (int l = 0; l < LaneField.LIMBS; l++) {
        b[j * LaneField.LIMBS + l] = t[limb(j, 0, l)];
      }
    }
  }

  /** The index of the first invalid point among points [from, to) of {@code points}, or -1. */
  int firstInvalid(long[] points, int from, int to) {
    for (int start = from; start < to; start += CAP) {
      int count = Math.min(CAP, to - start);
      for (int k = 0; k < count; k++) {
        int off = (start + k) * point;
        boolean zero = true;
        for (int i = off; i < off + point; i++) {
          zero &= points[i] == 0;
        }
        for (int i = off; i < off + point; i += 4) {
          if (!Bn254.FQ.isCanonical(points, i)) {
            return start + k;
          }
        }
        skip[k] = zero;
        f.load(x, k, points, off);
        f.load(y, k, points, off + coordinate);
      }
      yySubXxx((count + LaneField.BLOCK - 1) & -LaneField.BLOCK);
      for (int k = 0; k < count; k++) {
        if (!skip[k]) {
          for (int j = 0; j < f.components(); j++) {
            for (int l = 0; l < LaneField.LIMBS; l++) {
              if (t[limb(j, k, l)] != b[j * LaneField.LIMBS + l]) {
                return start + k;
              }
            }
          }
        }
      }
    }
    return -1;
  }

  /** t = y^2 - x^3 for the first n elements, canonical (so equal values have equal limbs). */
  private void yySubXxx(int n) {
    f.square(t, y, 0, n);
    f.square(u, x, 0, n);
    f.mul(u, u, x, 0, n);
    f.sub(t, t, u, 0, n);
    f.canonicalize(t, t, 0, n);
  }

  /** Index of limb l of component j of element k in a batch array ({@link LaneField}'s layout). */
  private static int limb(int j, int k, int l) {
    int e = j * CAP + k;
    return (e >>> 3) * LaneField.LIMBS * LaneField.BLOCK + (e & (LaneField.BLOCK - 1)) + LaneField.BLOCK * l;
  }
}
