package org.zkml4j.groth16;

import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.parallel.Parallelism;

/** The checks behind {@link ProvingKey.Builder#build()} and {@link VerifyingKey}, with their messages. */
final class KeyChecks {
  private KeyChecks() {}

  static void checkSizes(int nVars, int nPublic, int domainSize) {
    if (nVars < 1 || nPublic < 0 || domainSize < 1) {
      throw new IllegalArgumentException("sizes not set or negative: nVars " + nVars + ", nPublic " + nPublic
          + ", domainSize " + domainSize);
    }
    if (nPublic > nVars - 1) {
      throw new IllegalArgumentException(nPublic + " public signals do not fit in " + nVars + " signals (wire 0 is 1)");
    }
    if (Integer.bitCount(domainSize) != 1 || domainSize > 1 << ProvingKey.MAX_LOG2_DOMAIN) {
      throw new IllegalArgumentException("domainSize " + domainSize + " is not a power of two up to 2^28");
    }
    if (domainSize < nPublic + 1) {
      throw new IllegalArgumentException("domainSize " + domainSize + " has no room for the " + (nPublic + 1)
          + " rows of the public signals");
    }
  }

  static void requireHeaderG1(long[] p, String name) {
    requirePoint(p, false, name);
    if (new G1().isInfinityAffine(p, 0)) {
      throw new IllegalArgumentException(name + " is the point at infinity");
    }
  }

  static void requireHeaderG2(long[] p, String name) {
    requirePoint(p, true, name);
    G2 g2 = new G2();
    if (g2.isInfinityAffine(p, 0)) {
      throw new IllegalArgumentException(name + " is the point at infinity");
    }
    if (!g2.isInSubgroup(p, 0)) {
      throw new IllegalArgumentException(name + " " + PointChecks.describe(p, 0, true)
          + " is on the twist but not in the order-r subgroup G2");
    }
  }

  /** A single point, canonical and on its curve. */
  static void requirePoint(long[] p, boolean g2, String name) {
    if (p == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    int size = PointChecks.size(g2);
    if (p.length != size) {
      throw new IllegalArgumentException(name + " has " + p.length + " longs, expected " + size);
    }
    if (!PointChecks.valid(p, 0, PointChecks.group(g2))) {
      throw new IllegalArgumentException(name + " " + PointChecks.describe(p, 0, g2) + " is not a point of "
          + (g2 ? "the twist (G2)" : "G1") + " with coordinates below q");
    }
  }

  static void requirePoints(long[] points, long n, boolean g2, String name, Parallelism parallelism) {
    if (points == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    int size = PointChecks.size(g2);
    if (points.length != size * n) {
      throw new IllegalArgumentException(name + " has " + points.length / size + " points, expected " + n);
    }
    int bad = PointChecks.firstInvalid(points, (int) n, g2, parallelism);
    if (bad >= 0) {
      throw new IllegalArgumentException(name + ": point " + bad + " " + PointChecks.describe(points, size * bad, g2)
          + " is not on " + (g2 ? "the twist (G2)" : "G1") + " or has a coordinate not below q");
    }
  }

  static void requireCoefficients(QapCoefficients k, int nVars, int domainSize) {
    if (k == null) {
      throw new IllegalArgumentException("the coefficients (section 4) are missing");
    }
    for (int i = 0; i < k.size(); i++) {
      if (k.constraint(i) >= domainSize) {
        throw new IllegalArgumentException("coefficient " + i + " (section 4): constraint " + k.constraint(i)
            + " is outside the domain of size " + domainSize);
      }
      if (k.signal(i) >= nVars) {
        throw new IllegalArgumentException("coefficient " + i + " (section 4): signal " + k.signal(i)
            + " is not below nVars " + nVars);
      }
    }
  }
}
