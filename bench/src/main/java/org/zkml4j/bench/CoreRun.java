package org.zkml4j.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.msm.BucketArithmetic;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Times zkml4j on the operations of the side-by-side core benchmark ({@code scripts/bench-core}),
 * built the same way as the ffjavascript side ({@code bench/peers/ffjavascript-core.mjs}).
 *
 * <p>Usage: {@code CoreRun <msm-random|msm-bits|g2msm-random|fft> <log2 size> <timed runs>};
 * prints one JSON line with the milliseconds of each timed run, after one untimed warm-up run.
 */
public final class CoreRun {
  /** Steady state is what is compared: the lane kernels from the first call (both warm up once). */
  private static final BucketArithmetic ARITHMETIC = BucketArithmetic.fastest();

  private CoreRun() {}

  public static void main(String[] args) {
    String op = args[0];
    int log2 = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    int n = 1 << log2;
    SplittableRandom rnd = new SplittableRandom();
    Runnable work;
    if (op.equals("fft")) {
      EvaluationDomain domain = EvaluationDomain.ofLog2Size(log2, Parallelism.shared());
      long[] v = randomScalars(n, rnd, false);
      work = () -> domain.fft(v, 0);
    } else {
      boolean g2 = op.startsWith("g2");
      CurveGroup group = g2 ? new G2() : new G1();
      long[] bases = bases(group, n);
      long[] scalars = randomScalars(n, rnd, op.endsWith("bits"));
      work = g2
          ? () -> Msm.g2(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared(), ARITHMETIC)
          : () -> Msm.g1(bases, scalars, n, ScalarForm.MONTGOMERY, Parallelism.shared(), ARITHMETIC);
    }
    work.run();
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    System.out.println("{\"peer\":\"zkml4j\",\"op\":\"" + op + "\",\"log2\":" + log2 + ",\"ms\":"
        + Arrays.toString(ms) + "}");
  }

  /** n affine bases: G, 2G, ... up to 2^16 distinct multiples, repeated to fill n (as the peer side). */
  static long[] bases(CurveGroup group, int n) {
    int distinct = Math.min(n, 1 << 16);
    int jac = group.jacobianSize(), aff = group.affineSize();
    long[] g = group.generator();
    long[] points = new long[distinct * jac];
    group.fromAffine(points, 0, g, 0);
    for (int i = 1; i < distinct; i++) {
      group.addMixed(points, i * jac, points, (i - 1) * jac, g, 0);
    }
    long[] out = new long[n * aff];
    group.batchToAffine(out, 0, points, 0, distinct);
    for (int off = distinct * aff; off < out.length; off += distinct * aff) {
      System.arraycopy(out, 0, out, off, Math.min(distinct * aff, out.length - off));
    }
    return out;
  }

  /** n Fr scalars in Montgomery form: uniform below 2^253, or each 0 or 1. */
  static long[] randomScalars(int n, SplittableRandom rnd, boolean bits) {
    PrimeField fr = Bn254.FR;
    long[] s = new long[4 * n];
    long[] one = fr.element(1);
    for (int i = 0; i < n; i++) {
      if (bits) {
        if (rnd.nextBoolean()) {
          PrimeField.copy(s, 4 * i, one, 0);
        }
      } else {
        long[] raw = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong() >>> 3};
        fr.toMontgomery(s, 4 * i, raw, 0);
      }
    }
    return s;
  }
}
