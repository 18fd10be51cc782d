package org.zkml4j.circuit.gadget.bits;

import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Inputs (x, shift); output i is bit {@code shift + i} of x's canonical value in [0, r), 0 beyond
 * bit 255. Total: any x has bits, and when x is out of the range the caller checks, its
 * recomposition constraint fails.
 */
final class DecomposeHint implements Hint {
  static final DecomposeHint INSTANCE = new DecomposeHint();
  private static final PrimeField FR = Bn254.FR;

  private DecomposeHint() {}

  @Override
  public String id() {
    return "zkml4j.bits.decompose";
  }

  @Override
  public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
    long[] x = new long[4];
    FR.fromMontgomery(x, 0, inputs, 0);
    long[] shift = new long[4];
    FR.fromMontgomery(shift, 0, inputs, 4);
    int first = (shift[1] | shift[2] | shift[3]) != 0 || shift[0] > 256 ? 256 : (int) shift[0];
    for (int i = 0; i < outputCount; i++) {
      int bit = first + i;
      if (bit < 256 && ((x[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        FR.setOne(outputs, 4 * i);
      }
    }
  }

  @Override
  public String toString() {
    return id();
  }
}
