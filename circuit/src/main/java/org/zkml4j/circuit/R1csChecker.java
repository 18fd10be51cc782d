package org.zkml4j.circuit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Checks a witness against an R1CS, constraint by constraint, and names the first constraint it
 * breaks: the test every circuit and every cheating witness goes through before proving.
 *
 * <p>Constraints are checked in parallel chunks; the result is the lowest-indexed violation, the
 * same one a sequential check (and {@code snarkjs wtns check}) reports.
 */
public final class R1csChecker {
  private static final PrimeField FR = Bn254.FR;

  private R1csChecker() {}

  /** {@link #firstViolation(R1cs, Witness, Parallelism)} on the shared executor. */
  public static Optional<ConstraintViolation> firstViolation(R1cs r1cs, Witness witness) {
    return firstViolation(r1cs, witness, Parallelism.shared());
  }

  /**
   * The lowest-indexed constraint i with {@code <A_i,w> * <B_i,w> != <C_i,w>}, or empty when the
   * witness satisfies every constraint.
   *
   * @throws IllegalArgumentException if the witness does not have exactly one value per wire
   */
  public static Optional<ConstraintViolation> firstViolation(R1cs r1cs, Witness witness, Parallelism parallelism) {
    if (witness.size() != r1cs.numWires()) {
      throw new IllegalArgumentException("the witness has " + witness.size() + " wires, the R1CS has "
          + r1cs.numWires());
    }
    long[] w = witness.raw();
    SparseMatrix a = r1cs.a(), b = r1cs.b(), c = r1cs.c();
    AtomicInteger first = new AtomicInteger(Integer.MAX_VALUE);
    parallelism.forRange(r1cs.numConstraints(), 2048, (from, to) -> {
      long[] va = new long[4], vb = new long[4], vc = new long[4], tmp = new long[4];
      for (int i = from; i < to && i < first.get(); i++) {
        a.dot(i, w, va, 0, tmp);
        b.dot(i, w, vb, 0, tmp);
        c.dot(i, w, vc, 0, tmp);
        FR.mul(va, 0, va, 0, vb, 0);
        if (!PrimeField.equal(va, 0, vc, 0)) {
          first.accumulateAndGet(i, Math::min);
          return;
        }
      }
    });
    int i = first.get();
    return i == Integer.MAX_VALUE ? Optional.empty() : Optional.of(describe(r1cs, w, i));
  }

  /** True when the witness satisfies every constraint. */
  public static boolean isSatisfied(R1cs r1cs, Witness witness) {
    return firstViolation(r1cs, witness).isEmpty();
  }

  private static ConstraintViolation describe(R1cs r1cs, long[] w, int i) {
    long[] va = new long[4], vb = new long[4], vc = new long[4], tmp = new long[4];
    r1cs.a().dot(i, w, va, 0, tmp);
    r1cs.b().dot(i, w, vb, 0, tmp);
    r1cs.c().dot(i, w, vc, 0, tmp);
    return new ConstraintViolation(i, FR.toBigInteger(va, 0), FR.toBigInteger(vb, 0), FR.toBigInteger(vc, 0),
        terms(r1cs.a(), i, w), terms(r1cs.b(), i, w), terms(r1cs.c(), i, w));
  }

  private static List<ConstraintViolation.Term> terms(SparseMatrix m, int row, long[] w) {
    List<ConstraintViolation.Term> terms = new ArrayList<>(m.rowEnd(row) - m.rowStart(row));
    for (int k = m.rowStart(row); k < m.rowEnd(row); k++) {
      int wire = m.wire(k);
      terms.add(new ConstraintViolation.Term(wire, m.coefficientValue(k), FR.toBigInteger(w, 4 * wire)));
    }
    return terms;
  }
}
