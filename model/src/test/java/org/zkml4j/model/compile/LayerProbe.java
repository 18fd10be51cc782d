package org.zkml4j.model.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Reads every layer's output from a probed circuit's witness generation: stands in for
 * {@link ProbeHint} (same id) and records the values of each call, one call per layer in order.
 */
final class LayerProbe implements Hint {
  private static final PrimeField FR = Bn254.FR;

  private final List<BigInteger[]> calls = new ArrayList<>();
  private Witness witness;

  /** Generates the (checked) witness of a model compiled with probes and records each layer. */
  static LayerProbe run(CompiledModel model, Assignment inputs) throws WitnessException {
    LayerProbe probe = new LayerProbe();
    probe.witness = model.circuit().witnessGenerator().withHint(probe).generate(inputs);
    return probe;
  }

  @Override
  public String id() {
    return ProbeHint.ID;
  }

  @Override
  public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
    BigInteger[] values = new BigInteger[inputCount];
    for (int i = 0; i < inputCount; i++) {
      values[i] = FR.toBigInteger(inputs, 4 * i);
    }
    calls.add(values);
  }

  /** The values of layer {@code index} (in layer order), as field elements in [0, r). */
  BigInteger[] layer(int index) {
    return calls.get(index);
  }

  int layers() {
    return calls.size();
  }

  Witness witness() {
    return witness;
  }

  /** Signed integers as the field elements a witness holds for them. */
  static BigInteger[] field(BigInteger[] signed) {
    BigInteger[] f = new BigInteger[signed.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = signed[i].mod(Bn254.R_MODULUS);
    }
    return f;
  }
}
