package org.zkml4j.groth16;

import java.util.Arrays;
import java.util.Optional;
import org.zkml4j.groth16.VerificationResult.Reason;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;

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

  /**
   * Checks that A and C are on G1 and B on the twist and in the order-r subgroup G2.
   *
   * @return the first problem found, in words, or empty when the points are valid
   */
  public Optional<String> checkPoints() {
    VerificationResult r = pointCheck();
    return r.isValid() ? Optional.empty() : Optional.of(r.message());
  }

  /** {@link VerificationResult#VALID}, or the first point problem with its reason. */
  VerificationResult pointCheck() {
    G1 g1 = new G1();
    G2 g2 = new G2();
    if (!g1.isOnCurve(a, 0)) {
      return new VerificationResult(Reason.POINT_NOT_ON_CURVE, "A " + PointChecks.describe(a, 0, false)
          + " is not on G1");
    }
    if (!g2.isOnCurve(b, 0)) {
      return new VerificationResult(Reason.POINT_NOT_ON_CURVE, "B " + PointChecks.describe(b, 0, true)
          + " is not on the twist (G2's curve)");
    }
    if (!g1.isOnCurve(c, 0)) {
      return new VerificationResult(Reason.POINT_NOT_ON_CURVE, "C " + PointChecks.describe(c, 0, false)
          + " is not on G1");
    }
    if (!g2.isInSubgroup(b, 0)) {
      return new VerificationResult(Reason.POINT_NOT_IN_SUBGROUP, "B " + PointChecks.describe(b, 0, true)
          + " is on the twist but not in the subgroup G2");
    }
    return VerificationResult.VALID;
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
