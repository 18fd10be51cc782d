package org.zkml4j.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1cs.Matrix;
import org.zkml4j.circuit.R1csBuilder;
import org.zkml4j.circuit.Witness;

/**
 * Small circuits for the command's tests, with witnesses computed in plain BigInteger
 * arithmetic.
 *
 * <p>{@link #cubic}: out = x^3 + x + 5 + a, with wires 0 = 1, 1 = out (output), 2 = a (public
 * input), 3 = x (private input), 4 = x^2, 5 = x^3, and the constraints x * x = x^2, x^2 * x = x^3,
 * (x^3 + x + 5 + a) * 1 = out.
 */
final class TinyCircuit {
  private static final BigInteger ONE = BigInteger.ONE;

  private TinyCircuit() {}

  static R1cs cubic() {
    return new R1csBuilder(1, 1, 1)
        .term(Matrix.A, 3, ONE).term(Matrix.B, 3, ONE).term(Matrix.C, 4, ONE).endConstraint()
        .term(Matrix.A, 4, ONE).term(Matrix.B, 3, ONE).term(Matrix.C, 5, ONE).endConstraint()
        .term(Matrix.A, 5, ONE).term(Matrix.A, 3, ONE).term(Matrix.A, 0, BigInteger.valueOf(5)).term(Matrix.A, 2, ONE)
        .term(Matrix.B, 0, ONE).term(Matrix.C, 1, ONE).endConstraint()
        .build();
  }

  /** The cubic circuit's output for public a and private x. */
  static BigInteger cubicOut(long a, long x) {
    BigInteger bx = BigInteger.valueOf(x);
    return bx.pow(3).add(bx).add(BigInteger.valueOf(5 + a));
  }

  static Witness cubicWitness(long a, long x) {
    BigInteger bx = BigInteger.valueOf(x);
    return Witness.ofValues(List.of(ONE, cubicOut(a, x), BigInteger.valueOf(a), bx, bx.pow(2), bx.pow(3)));
  }

  /** x_0 = x, x_(i+1) = x_i^2 for n constraints, x_n the output: n constraints, one public signal. */
  static R1cs squarings(int n) {
    R1csBuilder b = new R1csBuilder(1, 0, 1);
    List<Integer> chain = new ArrayList<>();
    chain.add(2);
    for (int i = 0; i < n; i++) {
      int next = i == n - 1 ? 1 : 3 + i;
      b.term(Matrix.A, chain.getLast(), ONE).term(Matrix.B, chain.getLast(), ONE).term(Matrix.C, next, ONE)
          .endConstraint();
      chain.add(next);
    }
    return b.build();
  }
}
