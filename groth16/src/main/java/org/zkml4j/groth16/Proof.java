package org.zkml4j.groth16;

import java.util.Arrays;

/**
 * A Groth16 proof: A and C in G1, B in G2, affine in the project layout (8, 16 and 8 longs,
 * Montgomery form), as in snarkjs's {@code proof.json} (pi_a, pi_b, pi_c).
 *
 * <p>Construction checks only the shape (lengths, coordinates below q), not that the points are
 * on their curves: a proof is untrusted input, and {@link Groth16#verify} reports such a proof as
 * invalid with the reason. Immutable; accessors return copies.
 */
public final class Proof {
  private final long[] a, b, c;

  private Proof(long[] a, long[] b, long[] c) {
    this.a = a;
    this.b = b;
    this.c = c;
  }

  /**
   * A proof from its points (copied).
   *
   * @throws IllegalArgumentException if a length is wrong or a coordinate is not below q
   */
  public static Proof of(long[] a, long[] b, long[] c) {
    return new Proof(shaped(a, 8, "A"), shaped(b, 16, "B"), shaped(c, 8, "C"));
  }

  private static long[] shaped(long[] p, int longs, String name) {
    if (p.length != longs) {
      throw new IllegalArgumentException("proof point " + name + " has " + p.length + " longs, expected " + longs);
    }
    if (!PointChecks.canonical(p, 0, longs)) {
      throw new IllegalArgumentException("proof point " + name + " has a coordinate not below q");
    }
    return p.clone();
  }

  /** pi_a, in G1. */
  public long[] a() {
    return a.clone();
  }

  /** pi_b, in G2. */
  public long[] b() {
    return b.clone();
  }

  /** pi_c, in G1. */
  public long[] c() {
    return c.clone();
  }

  long[] rawA() {
    return a;
  }

  long[] rawB() {
    return b;
  }

  long[] rawC() {
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Proof p && Arrays.equals(p.a, a) && Arrays.equals(p.b, b) && Arrays.equals(p.c, c);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(a) * 31 + Arrays.hashCode(b)) * 31 + Arrays.hashCode(c);
  }

  @Override
  public String toString() {
    return "Proof[A=" + PointChecks.describe(a, 0, false) + ", B=" + PointChecks.describe(b, 0, true) + ", C="
        + PointChecks.describe(c, 0, false) + "]";
  }
}
