package org.zkml4j.math.pairing;

import java.util.ArrayList;
import java.util.List;
import org.zkml4j.math.field.Fq12;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The optimal ate pairing e: G1 x G2 -> GT of BN254, and the product-of-pairings check that Groth16
 * verification and the EVM precompile 0x08 (EIP-197) perform.
 *
 * <p>Points are affine in the project's layout, coordinates in Montgomery form: G1 is 8 longs
 * (x, y) on y^2 = x^3 + 3 over Fq, G2 is 16 longs (x, y as Fq2 elements, c0 then c1) on the twist
 * y^2 = x^3 + 3/(9+u). The point at infinity is all zeros, and a pair containing it contributes 1,
 * as in the precompile.
 *
 * <p><b>The caller must validate inputs</b>: coordinates canonical, points on their curves, and
 * G2 points in the order-r subgroup (G1 of BN254 has cofactor 1, so on-curve suffices there).
 * The precompile rejects invalid points; this class does not check and gives a meaningless
 * answer for them.
 *
 * <p>Values in GT are ffjavascript's (so snarkjs's) and, per their documentation, libff's and
 * gnark's: e(P, Q) is the Miller loop value raised to s (q^12 - 1)/r with s = 2x(6x^2 + 3x + 1),
 * i.e. the textbook reduced pairing to the power s. Since s is coprime to r this is still a
 * non-degenerate bilinear pairing, and a product is 1 exactly when the textbook product is.
 * Methods are thread-safe (each call uses its own scratch space).
 */
public final class Pairing {
  /**
   * Each thread gets at least this many pairs: every batch pays its own chain of 64 Fq12
   * squarings, which a batch of one pair would not earn back.
   */
  private static final int MIN_PAIRS_PER_BATCH = 2;

  private Pairing() {}

  /**
   * e(P, Q) as a new Fq12 element (48 longs), for P a G1 point at p[0..8) and Q a G2 point at
   * q[0..16). One if either point is at infinity.
   *
   * @throws IllegalArgumentException if the Miller loop degenerates, which happens only for
   *     points outside the order-r subgroups
   */
  public static long[] pairing(long[] p, long[] q) {
    checkLengths(p, q, 1);
    long[] f = new long[Fq12.SIZE];
    new MillerLoop().run(f, 0, p, 0, q, 0, 1);
    if (!new FinalExponentiation().apply(f, 0, f, 0)) {
      throw new IllegalArgumentException("pairing of points outside the order-r subgroups");
    }
    return f;
  }

  /**
   * Whether e(P_0, Q_0) * ... * e(P_{n-1}, Q_{n-1}) = 1, with one shared final exponentiation:
   * the precompile 0x08's answer for valid input. P_i is the G1 point at g1Points[8i..8i+8) and
   * Q_i the G2 point at g2Points[16i..16i+16). n = 0 gives true. Runs the Miller loops in
   * parallel on {@link Parallelism#shared()} when there are several pairs.
   */
  public static boolean productIsOne(long[] g1Points, long[] g2Points, int n) {
    return productIsOne(g1Points, g2Points, n, Parallelism.shared());
  }

  /** {@link #productIsOne(long[], long[], int)} on the given executor. */
  public static boolean productIsOne(long[] g1Points, long[] g2Points, int n, Parallelism parallelism) {
    checkLengths(g1Points, g2Points, n);
    long[] f = millerLoopProduct(g1Points, g2Points, n, parallelism);
    return new FinalExponentiation().apply(f, 0, f, 0) && Fq12.isOne(f, 0);
  }

  /** The product of the n Miller loop values, split into one batch per thread. */
  static long[] millerLoopProduct(long[] g1, long[] g2, int n, Parallelism parallelism) {
    int batches = Math.min(parallelism.threads(), n / MIN_PAIRS_PER_BATCH);
    long[] f = new long[Fq12.SIZE];
    if (batches <= 1) {
      new MillerLoop().run(f, 0, g1, 0, g2, 0, n);
      return f;
    }
    long[] parts = Fq12.newVector(batches);
    List<Runnable> work = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      int from = n * b / batches, to = n * (b + 1) / batches, slot = b * Fq12.SIZE;
      work.add(() -> new MillerLoop().run(parts, slot, g1, 8 * from, g2, 16 * from, to - from));
    }
    parallelism.invokeAll(work);
    Fq12 fq12 = new Fq12();
    Fq12.copy(f, 0, parts, 0);
    for (int b = 1; b < batches; b++) {
      fq12.mul(f, 0, f, 0, parts, b * Fq12.SIZE);
    }
    return f;
  }

  private static void checkLengths(long[] g1, long[] g2, int n) {
    if (n < 0 || g1.length < 8L * n || g2.length < 16L * n) {
      throw new IllegalArgumentException("need " + n + " G1 points (8 longs each) and G2 points (16 longs each), got "
          + g1.length + " and " + g2.length + " longs");
    }
  }
}
