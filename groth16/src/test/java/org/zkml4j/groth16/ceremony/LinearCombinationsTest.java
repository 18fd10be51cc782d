package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csBuilder;
import org.zkml4j.circuit.SparseMatrix;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Setup's per-signal sums against BigInteger arithmetic on discrete logarithms: base j of part p
 * is (p * rows + j + 1) times the generator, so signal s's sum must be (sum of coefficient * log
 * mod r, plus the extra term's) times the generator. The matrices give every path work: signal 0
 * has a term in every row of both parts (more than the split threshold, so its terms are summed
 * in pieces that straddle the parts, with enough full-length coefficients for the MSM), signal 1
 * has many full-length coefficients (the MSM) and short ones, the others a few terms of every kind
 * (short, 1, -1, full-length in lane batches), in both groups.
 */
class LinearCombinationsTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  @Test
  void sumsMatchBigIntegerArithmetic() {
    sumsMatch(new G1(), 4500, 60);
    sumsMatch(new G2(), 300, 20); // G2: fewer rows; the block paths only
  }

  private static void sumsMatch(CurveGroup group, int rows, int wires) {
    Random random = new Random(rows);
    R1csBuilder builder = new R1csBuilder(0, 0, wires - 1);
    BigInteger[][] expectedByMatrix = new BigInteger[2][wires];
    for (int row = 0; row < rows; row++) {
      for (int m = 0; m < 2; m++) {
        R1cs.Matrix matrix = m == 0 ? R1cs.Matrix.A : R1cs.Matrix.C;
        builder.term(matrix, 0, coefficient(random, row % 40 == 0));
        if (row % 3 == m) {
          builder.term(matrix, 1, coefficient(random, row % 2 == 0));
        }
        for (int w = 2; w < wires; w++) {
          if (random.nextInt(rows / 4) == 0) {
            builder.term(matrix, w, coefficient(random, random.nextInt(4) == 0));
          }
        }
      }
      builder.endConstraint();
    }
    R1cs r1cs = builder.numWires(wires).build();
    int a = group.affineSize();
    long[][] bases = {multiples(group, 1, rows + wires), multiples(group, rows + wires + 1, rows + wires)};
    SparseMatrix[] matrices = {r1cs.a(), r1cs.c()};
    LinearCombinations.Extra extra = s -> s < 3 ? rows + s : -1; // like setup's extra rows of A
    List<LinearCombinations.Part> parts = List.of(
        new LinearCombinations.Part(Columns.of(r1cs.a(), wires), r1cs.a(), bases[0], extra, -7),
        new LinearCombinations.Part(Columns.of(r1cs.c(), wires), r1cs.c(), bases[1], null, 0));
    LinearCombinations lc = new LinearCombinations(Parallelism.shared(), Progress.NONE);
    long[] got = group instanceof G2 ? lc.g2("T", wires, parts) : lc.g1("T", wires, 0, parts);
    for (int s = 0; s < wires; s++) {
      int o = s;
      BigInteger log = BigInteger.ZERO;
      for (int m = 0; m < 2; m++) {
        BigInteger offset = BigInteger.valueOf(m == 0 ? 1 : rows + wires + 1);
        SparseMatrix matrix = matrices[m];
        for (int k = 0; k < matrix.terms(); k++) {
          if (matrix.wire(k) == s) {
            int row = rowOf(matrix, k);
            log = log.add(matrix.coefficientValue(k).multiply(offset.add(BigInteger.valueOf(row))));
          }
        }
      }
      if (s < 3) {
        log = log.add(BigInteger.valueOf(-7 * (1L + rows + s)));
      }
      long[] want = new long[a];
      long[] jac = new long[group.jacobianSize()];
      group.fromAffine(jac, 0, group.generator(), 0);
      group.scalarMul(jac, 0, jac, 0, log.mod(R));
      group.toAffine(want, 0, jac, 0);
      assertArrayEquals(want, java.util.Arrays.copyOfRange(got, o * a, o * a + a),
          (group instanceof G2 ? "G2" : "G1") + " signal " + s);
    }
  }

  private static BigInteger coefficient(Random random, boolean full) {
    if (full) {
      return new BigInteger(R.bitLength() + 8, random).mod(R);
    }
    return switch (random.nextInt(5)) {
      case 0 -> BigInteger.ONE;
      case 1 -> BigInteger.ONE.negate();
      case 2 -> BigInteger.valueOf(random.nextInt(1 << 16) - (1 << 15));
      case 3 -> BigInteger.valueOf(random.nextLong() >> 5);
      default -> BigInteger.valueOf(random.nextInt(100) + 2).shiftLeft(20);
    };
  }

  /** k times the generator for k = from .. from + n - 1, affine. */
  private static long[] multiples(CurveGroup group, int from, int n) {
    int js = group.jacobianSize();
    long[] jac = new long[n * js];
    group.fromAffine(jac, 0, group.generator(), 0);
    group.scalarMul(jac, 0, jac, 0, BigInteger.valueOf(from));
    for (int i = 1; i < n; i++) {
      group.addMixed(jac, i * js, jac, (i - 1) * js, group.generator(), 0);
    }
    long[] out = new long[n * group.affineSize()];
    group.batchToAffine(out, 0, jac, 0, n);
    return out;
  }

  private static int rowOf(SparseMatrix m, int term) {
    int lo = 0, hi = m.rows() - 1;
    while (lo < hi) { // the last row whose start is at most term
      int mid = (lo + hi + 1) >>> 1;
      if (m.rowStart(mid) <= term) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
