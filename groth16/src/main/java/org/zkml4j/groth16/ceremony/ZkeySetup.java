package org.zkml4j.groth16.ceremony;

import java.util.ArrayList;
import java.util.List;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.SparseMatrix;
import org.zkml4j.groth16.Phase2Contributions;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.QapCoefficients;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.hash.Blake2b;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Circuit-specific setup from an R1CS and a prepared accumulator, exactly as snarkjs's
 * {@code zkey new} (alias {@code groth16 setup}) computes it, so that {@code snarkjs zkey verify}
 * accepts the key and the key's circuit hash matches snarkjs's.
 *
 * <p>With n constraints and P public signals, the domain has size 2^k for the smallest k with
 * 2^k &gt; n + P, and each signal s &lt;= P gets an extra A entry (constraint n + s, coefficient
 * 1), which keeps the public inputs independent. With L_c the Lagrange basis of the domain (the
 * accumulator's Lagrange sections) and a_s, b_s, c_s the columns of A, B, C:
 * <ul>
 *   <li>A_s = sum a_cs L_c(tau) G1; B1_s, B2_s likewise from b in G1 and G2;
 *   <li>IC_s (public s) and C_s (private s) = sum (beta a_cs + alpha b_cs + c_cs) L_c(tau) G1;
 *   <li>H_i = L'_(2i+1)(tau) G1 in the Lagrange basis L' of the doubled domain (its odd points are
 *       the coset snarkjs's prover evaluates on);
 *   <li>alpha, beta from the accumulator, gamma = delta = 1 (generators) until contributions.
 * </ul>
 * The circuit hash (BLAKE2b-512) covers the header points, IC, the H query in monomial form
 * (tau^(i+d) - tau^i) G1, then C, A, B1, B2, each uncompressed and preceded by a big-endian u32
 * count, in snarkjs's order.
 */
final class ZkeySetup {
  private static final int AFFINE_BLOCK = 256;

  private final R1cs r1cs;
  private final Accumulator acc;
  private final LagrangeBases lagrange;
  private final Parallelism parallelism;
  private final Progress progress;
  private final int nPublic;
  private final int nConstraints;
  private final int log2Domain;
  private final int domainSize;

  private ZkeySetup(R1cs r1cs, Accumulator acc, Parallelism parallelism, Progress progress) {
    this.r1cs = r1cs;
    this.acc = acc;
    this.lagrange = acc.lagrange().orElseThrow(() -> new IllegalArgumentException(
        "the accumulator has no Lagrange bases; run PowersOfTau.preparePhase2 first"));
    this.parallelism = parallelism;
    this.progress = progress;
    this.nPublic = r1cs.numPublic();
    this.nConstraints = r1cs.numConstraints();
    this.log2Domain = Phase2.log2Domain(r1cs);
    if (log2Domain > acc.power()) {
      throw new IllegalArgumentException("the circuit needs a domain of 2^" + log2Domain + " (" + nConstraints
          + " constraints and " + nPublic + " public signals), more than this power-" + acc.power() + " ceremony");
    }
    this.domainSize = 1 << log2Domain;
  }

  static ProvingKey newZkey(R1cs r1cs, Accumulator acc, Parallelism parallelism, Progress progress) {
    return new ZkeySetup(r1cs, acc, parallelism, progress).build();
  }

  private ProvingKey build() {
    int nVars = r1cs.numWires();
    G1 g1 = new G1();
    G2 g2 = new G2();
    long[] alpha1 = slice(acc.rawAlphaTauG1(), 0, 8);
    long[] beta1 = slice(acc.rawBetaTauG1(), 0, 8);
    long[] beta2 = acc.rawBetaG2().clone();
    long[] gen1 = g1.generator();
    long[] gen2 = g2.generator();

    int start = LagrangeBases.start(log2Domain);
    long[] l1 = slice(lagrange.rawTauG1(), start * 8, domainSize * 8);
    long[] l2 = slice(lagrange.rawTauG2(), start * 16, domainSize * 16);
    long[] la = slice(lagrange.rawAlphaTauG1(), start * 8, domainSize * 8);
    long[] lb = slice(lagrange.rawBetaTauG1(), start * 8, domainSize * 8);

    Columns a = Columns.of(r1cs.a(), nVars);
    Columns b = Columns.of(r1cs.b(), nVars);
    Columns c = Columns.of(r1cs.c(), nVars);
    // the extra rows: signal s <= nPublic has coefficient 1 at constraint nConstraints + s in A
    LinearCombinations.Extra extraA = s -> s <= nPublic ? nConstraints + s : -1;

    LinearCombinations lc = new LinearCombinations(parallelism, progress);
    long[] pointsA = lc.g1("A", nVars, 0, List.of(new LinearCombinations.Part(a, r1cs.a(), l1, extraA, 1)));
    long[] pointsB1 = lc.g1("B1", nVars, 0, List.of(new LinearCombinations.Part(b, r1cs.b(), l1, null, 0)));
    long[] pointsB2 = lc.g2("B2", nVars, List.of(new LinearCombinations.Part(b, r1cs.b(), l2, null, 0)));
    List<LinearCombinations.Part> cParts = List.of(new LinearCombinations.Part(a, r1cs.a(), lb, extraA, 1),
        new LinearCombinations.Part(b, r1cs.b(), la, null, 0), new LinearCombinations.Part(c, r1cs.c(), l1, null, 0));
    long[] ic = lc.g1("IC", nPublic + 1, 0, cParts);
    long[] pointsC = lc.g1("C", nVars - nPublic - 1, nPublic + 1, cParts);
    long[] pointsH = new long[domainSize * 8];
    int hStart = LagrangeBases.start(log2Domain + 1);
    for (int i = 0; i < domainSize; i++) {
      System.arraycopy(lagrange.rawTauG1(), (hStart + 2 * i + 1) * 8, pointsH, i * 8, 8);
    }

    progress.update("hashing the circuit", 0, 1);
    Blake2b h = new Blake2b();
    for (long[] p : List.of(alpha1, beta1)) {
      h.update(PointEncoding.uncompressed(p, 0, 4));
    }
    h.update(PointEncoding.uncompressed(beta2, 0, 8));
    h.update(PointEncoding.uncompressed(gen2, 0, 8));
    h.update(PointEncoding.uncompressed(gen1, 0, 4));
    h.update(PointEncoding.uncompressed(gen2, 0, 8));
    hashSection(h, ic, 4);
    hashMonomialH(h);
    hashSection(h, pointsC, 4);
    hashSection(h, pointsA, 4);
    hashSection(h, pointsB1, 4);
    hashSection(h, pointsB2, 8);
    byte[] circuitHash = h.digest();
    progress.update("hashing the circuit", 1, 1);

    return ProvingKey.builder().parallelism(parallelism).sizes(nVars, nPublic, domainSize)
        .alpha1(alpha1).beta1(beta1).beta2(beta2).gamma2(gen2).delta1(gen1).delta2(gen2)
        .ic(ic).coefficients(coefficients()).pointsA(pointsA).pointsB1(pointsB1).pointsB2(pointsB2)
        .pointsC(pointsC).pointsH(pointsH).contributions(new Phase2Contributions(circuitHash, List.of()))
        .build();
  }

  /** The A and B entries in snarkjs's order: per constraint A's terms then B's, then the extra rows. */
  private QapCoefficients coefficients() {
    SparseMatrix ma = r1cs.a(), mb = r1cs.b();
    int count = ma.terms() + mb.terms() + nPublic + 1;
    int[] matrix = new int[count], constraint = new int[count], signal = new int[count];
    long[] values = new long[4 * count];
    int e = 0;
    for (int row = 0; row < nConstraints; row++) {
      for (int m = 0; m < 2; m++) {
        SparseMatrix sm = m == 0 ? ma : mb;
        for (int k = sm.rowStart(row); k < sm.rowEnd(row); k++) {
          matrix[e] = m;
          constraint[e] = row;
          signal[e] = sm.wire(k);
          sm.coefficient(k, values, 4 * e);
          e++;
        }
      }
    }
    for (int s = 0; s <= nPublic; s++) {
      constraint[e] = nConstraints + s;
      signal[e] = s;
      Bn254.FR.setOne(values, 4 * e);
      e++;
    }
    return QapCoefficients.of(matrix, constraint, signal, values);
  }

  private void hashSection(Blake2b h, long[] points, int s) {
    int n = points.length / (2 * s);
    h.update(u32BigEndian(n));
    PointEncoding.hash(h, points, n, s, false, parallelism);
  }

  /**
   * (tau^(i+d) - tau^i) G1 for the points snarkjs hashes: chunks of min(d - 1, 2^14) points at
   * offsets 0, 2^14, ... below d - 1 (snarkjs's chunk loop never shortens its last chunk, so for
   * d - 1 above 2^14 it hashes past d - 1; this reproduces it).
   */
  private void hashMonomialH(Blake2b h) {
    int d = domainSize;
    h.update(u32BigEndian(d - 1));
    int chunk = Math.min(d - 1, 1 << 14);
    List<int[]> ranges = new ArrayList<>();
    for (int i = 0; i < d - 1; i += 1 << 14) {
      ranges.add(new int[] {i, chunk});
    }
    long[] tau = acc.rawTauG1();
    int available = tau.length / 8;
    for (int[] r : ranges) {
      if (r[0] + r[1] - 1 + d >= available) {
        throw new IllegalArgumentException("snarkjs hashes the H query past the end of tauG1 for a circuit that fills a"
            + " power-" + acc.power() + " ceremony; use a ceremony of one more power");
      }
      long[] diff = new long[r[1] * 8];
      int from = r[0];
      parallelism.forRange(r[1], AFFINE_BLOCK, (lo, hi) -> {
        G1 g = new G1();
        long[] jac = new long[(hi - lo) * 12];
        long[] neg = new long[8];
        for (int i = lo; i < hi; i++) {
          g.fromAffine(jac, (i - lo) * 12, tau, (from + i + d) * 8);
          g.negAffine(neg, 0, tau, (from + i) * 8);
          g.addMixed(jac, (i - lo) * 12, jac, (i - lo) * 12, neg, 0);
        }
        g.batchToAffine(diff, lo * 8, jac, 0, hi - lo);
      });
      PointEncoding.hash(h, diff, r[1], 4, false, parallelism);
    }
  }

  private static byte[] u32BigEndian(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static long[] slice(long[] a, int from, int len) {
    long[] out = new long[len];
    System.arraycopy(a, from, out, 0, len);
    return out;
  }
}
