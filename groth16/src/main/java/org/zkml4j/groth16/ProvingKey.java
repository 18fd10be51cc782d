package org.zkml4j.groth16;

import java.nio.LongBuffer;
import java.util.Optional;
import org.zkml4j.math.parallel.Parallelism;

/**
 * A Groth16 proving key over BN254 with everything a snarkjs {@code .zkey} holds, so keys move
 * between zkml4j and snarkjs in both directions.
 *
 * <p>Sizes: nVars signals (wire 0 is the constant 1, then nPublic public signals, then private
 * ones) and a domain of domainSize = 2^k points, at least the number of constraints plus
 * nPublic + 1. Points are affine in the project layout (G1: x, y; G2: x, y in Fq2; Montgomery
 * form; all zeros for infinity):
 * <ul>
 *   <li>alpha1, beta1, delta1 in G1 and beta2, gamma2, delta2 in G2;
 *   <li>IC: nPublic + 1 G1 points, the public part of the C query, divided by gamma;
 *   <li>A, B1: nVars G1 points each; B2: nVars G2 points (the QAP polynomials at tau);
 *   <li>C: one G1 point per private signal (nVars - nPublic - 1; snarkjs omits the public ones),
 *       the private part of the C query, divided by delta;
 *   <li>H: domainSize G1 points, the Lagrange basis on the odd 2n-th roots of unity that
 *       snarkjs's h computation needs, divided by delta;
 *   <li>the A and B matrices ({@link QapCoefficients}), and the phase-2 record if present.
 * </ul>
 *
 * <p>Immutable and validated by {@link Builder#build()}. Small points are returned as copies; the
 * point vectors, which can be hundreds of MB, as read-only views (8 longs per G1 point, 16 per
 * G2 point).
 */
public final class ProvingKey {
  /** Fr's 2-adicity: the largest supported domain is 2^28. */
  public static final int MAX_LOG2_DOMAIN = 28;

  private final int nVars;
  private final int nPublic;
  private final int domainSize;
  private final long[] alpha1, beta1, delta1, beta2, gamma2, delta2;
  private final long[] ic;
  private final QapCoefficients coefficients;
  private final long[] a, b1, b2, c, h;
  private final Phase2Contributions contributions;

  private ProvingKey(Builder k) {
    nVars = k.nVars;
    nPublic = k.nPublic;
    domainSize = k.domainSize;
    alpha1 = k.alpha1;
    beta1 = k.beta1;
    delta1 = k.delta1;
    beta2 = k.beta2;
    gamma2 = k.gamma2;
    delta2 = k.delta2;
    ic = k.ic;
    coefficients = k.coefficients;
    a = k.a;
    b1 = k.b1;
    b2 = k.b2;
    c = k.c;
    h = k.h;
    contributions = k.contributions;
  }

  /** A builder for a new key. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this key's parts, to derive a modified key (e.g. after a contribution). */
  public Builder toBuilder() {
    Builder k = new Builder().sizes(nVars, nPublic, domainSize);
    k.alpha1 = alpha1;
    k.beta1 = beta1;
    k.delta1 = delta1;
    k.beta2 = beta2;
    k.gamma2 = gamma2;
    k.delta2 = delta2;
    k.ic = ic;
    k.coefficients = coefficients;
    k.a = a;
    k.b1 = b1;
    k.b2 = b2;
    k.c = c;
    k.h = h;
    k.contributions = contributions;
    return k;
  }

  /** Signals including the constant wire 0. */
  public int nVars() {
    return nVars;
  }

  /** Public signals (outputs then public inputs), not counting wire 0. */
  public int nPublic() {
    return nPublic;
  }

  /** The evaluation domain's size, a power of two. */
  public int domainSize() {
    return domainSize;
  }

  /** log2 of {@link #domainSize()}. */
  public int log2DomainSize() {
    return Integer.numberOfTrailingZeros(domainSize);
  }

  public long[] alpha1() {
    return alpha1.clone();
  }

  public long[] beta1() {
    return beta1.clone();
  }

  public long[] delta1() {
    return delta1.clone();
  }

  public long[] beta2() {
    return beta2.clone();
  }

  public long[] gamma2() {
    return gamma2.clone();
  }

  public long[] delta2() {
    return delta2.clone();
  }

  /** The nPublic + 1 IC points. */
  public LongBuffer ic() {
    return view(ic);
  }

  public QapCoefficients coefficients() {
    return coefficients;
  }

  /** The A query: nVars G1 points. */
  public LongBuffer pointsA() {
    return view(a);
  }

  /** The B query in G1: nVars points. */
  public LongBuffer pointsB1() {
    return view(b1);
  }

  /** The B query in G2: nVars points of 16 longs. */
  public LongBuffer pointsB2() {
    return view(b2);
  }

  /** The C query of the private signals: nVars - nPublic - 1 G1 points (signal nPublic + 1 first). */
  public LongBuffer pointsC() {
    return view(c);
  }

  /** The H query: domainSize G1 points. */
  public LongBuffer pointsH() {
    return view(h);
  }

  /** The phase-2 record (section 10), absent in keys written without one. */
  public Optional<Phase2Contributions> contributions() {
    return Optional.ofNullable(contributions);
  }

  /** The matching verifying key. */
  public VerifyingKey verifyingKey() {
    return VerifyingKey.trusted(nPublic, alpha1, beta2, gamma2, delta2, ic);
  }

  private static LongBuffer view(long[] v) {
    return LongBuffer.wrap(v).asReadOnlyBuffer();
  }

  // The prover's direct access, without copies.
  long[] rawA() {
    return a;
  }

  long[] rawB1() {
    return b1;
  }

  long[] rawB2() {
    return b2;
  }

  long[] rawC() {
    return c;
  }

  long[] rawH() {
    return h;
  }

  long[] rawAlpha1() {
    return alpha1;
  }

  long[] rawBeta1() {
    return beta1;
  }

  long[] rawDelta1() {
    return delta1;
  }

  long[] rawBeta2() {
    return beta2;
  }

  long[] rawDelta2() {
    return delta2;
  }

  @Override
  public String toString() {
    return "ProvingKey[nVars=" + nVars + ", nPublic=" + nPublic + ", domainSize=" + domainSize + ", "
        + coefficients.size() + " coefficients]";
  }

  /**
   * Collects a key's parts. The small points are copied; the point vectors, the IC points and
   * the coefficients are taken over without copying (they can be hundreds of MB), so the caller
   * must not change those arrays after passing them.
   */
  public static final class Builder {
    private int nVars = -1, nPublic = -1, domainSize = -1;
    private long[] alpha1, beta1, delta1, beta2, gamma2, delta2;
    private long[] ic;
    private QapCoefficients coefficients;
    private long[] a, b1, b2, c, h;
    private Phase2Contributions contributions;
    private Parallelism parallelism = Parallelism.shared();

    private Builder() {}

    public Builder sizes(int nVars, int nPublic, int domainSize) {
      this.nVars = nVars;
      this.nPublic = nPublic;
      this.domainSize = domainSize;
      return this;
    }

    public Builder alpha1(long[] p) {
      alpha1 = p.clone();
      return this;
    }

    public Builder beta1(long[] p) {
      beta1 = p.clone();
      return this;
    }

    public Builder delta1(long[] p) {
      delta1 = p.clone();
      return this;
    }

    public Builder beta2(long[] p) {
      beta2 = p.clone();
      return this;
    }

    public Builder gamma2(long[] p) {
      gamma2 = p.clone();
      return this;
    }

    public Builder delta2(long[] p) {
      delta2 = p.clone();
      return this;
    }

    /** nPublic + 1 G1 points, taken over. */
    public Builder ic(long[] points) {
      ic = points;
      return this;
    }

    public Builder coefficients(QapCoefficients entries) {
      coefficients = entries;
      return this;
    }

    /** nVars G1 points, taken over. */
    public Builder pointsA(long[] points) {
      a = points;
      return this;
    }

    /** nVars G1 points, taken over. */
    public Builder pointsB1(long[] points) {
      b1 = points;
      return this;
    }

    /** nVars G2 points, taken over. */
    public Builder pointsB2(long[] points) {
      b2 = points;
      return this;
    }

    /** nVars - nPublic - 1 G1 points, taken over. */
    public Builder pointsC(long[] points) {
      c = points;
      return this;
    }

    /** domainSize G1 points, taken over. */
    public Builder pointsH(long[] points) {
      h = points;
      return this;
    }

    /** The phase-2 record, or null for none. */
    public Builder contributions(Phase2Contributions record) {
      contributions = record;
      return this;
    }

    /** The executor for the point checks of {@link #build()} (default: the shared one). */
    public Builder parallelism(Parallelism executor) {
      parallelism = executor;
      return this;
    }

    /**
     * Checks everything and makes the key: sizes consistent, domainSize a power of two up to
     * 2^28 that leaves room for the public signals' extra rows, every coordinate below q, every
     * point on its curve, the six header points finite and the three G2 ones in the order-r
     * subgroup, and coefficient rows and signals in range. Messages name the part at fault by its
     * name in the .zkey format (with the section number).
     *
     * @throws IllegalArgumentException naming the first problem found
     */
    public ProvingKey build() {
      KeyChecks.checkSizes(nVars, nPublic, domainSize);
      KeyChecks.requireHeaderG1(alpha1, "alpha1 (section 2)");
      KeyChecks.requireHeaderG1(beta1, "beta1 (section 2)");
      KeyChecks.requireHeaderG1(delta1, "delta1 (section 2)");
      KeyChecks.requireHeaderG2(beta2, "beta2 (section 2)");
      KeyChecks.requireHeaderG2(gamma2, "gamma2 (section 2)");
      KeyChecks.requireHeaderG2(delta2, "delta2 (section 2)");
      KeyChecks.requirePoints(ic, nPublic + 1, false, "IC (section 3)", parallelism);
      KeyChecks.requireCoefficients(coefficients, nVars, domainSize);
      KeyChecks.requirePoints(a, nVars, false, "A (section 5)", parallelism);
      KeyChecks.requirePoints(b1, nVars, false, "B1 (section 6)", parallelism);
      KeyChecks.requirePoints(b2, nVars, true, "B2 (section 7)", parallelism);
      KeyChecks.requirePoints(c, nVars - nPublic - 1, false, "C (section 8)", parallelism);
      KeyChecks.requirePoints(h, domainSize, false, "H (section 9)", parallelism);
      return new ProvingKey(this);
    }
  }
}
