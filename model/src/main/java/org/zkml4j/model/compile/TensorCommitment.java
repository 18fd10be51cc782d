package org.zkml4j.model.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.circuit.api.Api;
import org.zkml4j.circuit.api.Variable;
import org.zkml4j.circuit.gadget.poseidon.PoseidonGadget;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.poseidon.Poseidon;

/**
 * The Poseidon commitment of a {@link Visibility.Exposure#HASHED} tensor, computed the same way in
 * the circuit and here, so that anyone can recompute it from the integers.
 *
 * <p><b>Encoding.</b> A tensor is its quantized integers in row-major order (its shape and scale
 * are not hashed: they are fixed by the circuit); an integer v becomes the field element v mod r,
 * so a negative v is r - |v|. The weights' commitment hashes every parameter of
 * {@code QuantizedGraph.parameters()} in that order, each row-major, as one vector.
 *
 * <p><b>Digest.</b> {@code Poseidon.hashVector} of the elements x_0 .. x_{n-1}: d = n, then for
 * each run of up to 15 elements in order, d = Poseidon(d, run...). In circomlibjs, with
 * {@code poseidon = await buildPoseidon()}: {@code let d = BigInt(xs.length); for (let i = 0; i <
 * xs.length; i += 15) d = poseidon.F.toObject(poseidon([d, ...xs.slice(i, i + 15)]));}.
 */
public final class TensorCommitment {
  private TensorCommitment() {}

  /** The field element of a signed integer: v mod r, in [0, r). */
  public static BigInteger encode(long v) {
    return BigInteger.valueOf(v).mod(Bn254.R_MODULUS);
  }

  /** The field elements of a tensor's integers, in order. */
  public static List<BigInteger> encode(long[] values) {
    List<BigInteger> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(encode(v));
    }
    return out;
  }

  /** The digest of one tensor's integers (at least one). */
  public static BigInteger of(long[] values) {
    return Poseidon.hashVector(encode(values));
  }

  /** The digest of several tensors' integers taken as one vector, in order. */
  public static BigInteger of(List<long[]> tensors) {
    List<BigInteger> all = new ArrayList<>();
    tensors.forEach(t -> all.addAll(encode(t)));
    return Poseidon.hashVector(all);
  }

  /** The same digest in a circuit: the cost of {@link PoseidonGadget#hashVector}. */
  static Variable commit(Api api, Variable[] values) {
    return PoseidonGadget.hashVector(api, values);
  }
}
