package org.zkml4j.circuit.gadget.fixedpoint;

import java.math.BigInteger;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Inputs (x, d): output x mod d in [0, d), x read as the signed integer in (-r/2, r/2) and d as a
 * positive integer (a d of 0 gives 0). Total, so the caller's constraints judge every input.
 */
final class RemainderHint implements Hint {
  static final RemainderHint INSTANCE = new RemainderHint();
  private static final PrimeField FR = Bn254.FR;
  private static final BigInteger HALF = Bn254.R_MODULUS.shiftRight(1);

  private RemainderHint() {}

  @Override
  public String id() {
    return "zkml4j.fixedpoint.remainder";
  }

  @Override
  public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
    BigInteger x = FR.toBigInteger(inputs, 0);
    if (x.compareTo(HALF) > 0) {
      x = x.subtract(Bn254.R_MODULUS);
    }
    BigInteger d = FR.toBigInteger(inputs, 4);
    FR.fromBigInteger(outputs, 0, d.signum() == 0 ? BigInteger.ZERO : x.mod(d));
  }

  @Override
  public String toString() {
    return id();
  }
}
