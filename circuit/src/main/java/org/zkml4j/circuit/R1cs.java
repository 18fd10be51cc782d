package org.zkml4j.circuit;

import java.util.Arrays;

/**
 * A rank-1 constraint system over BN254's Fr: constraints {@code <A_i,w> * <B_i,w> = <C_i,w>} on a
 * witness vector w.
 *
 * <p>Wires follow circom's order, so that files and public signals line up with snarkjs: wire 0
 * is the constant 1, then {@link #numOutputs()} public outputs, {@link #numPublicInputs()} public
 * inputs, {@link #numPrivateInputs()} private inputs, and the internal wires up to
 * {@link #numWires()}. Each wire also carries the id of the circuit signal (label) it came from,
 * as in the wire-to-label map of circom's {@code .r1cs} files; {@link #numLabels()} counts all
 * labels, including signals the compiler removed.
 *
 * <p>Instances are immutable and made by {@link R1csBuilder}, which validates them. Equality is
 * structural.
 */
public final class R1cs {
  /** Names the three matrices of an R1CS. */
  public enum Matrix { A, B, C }

  private final int numWires;
  private final int numOutputs;
  private final int numPublicInputs;
  private final int numPrivateInputs;
  private final long numLabels;
  private final long[] wireLabels;
  private final SparseMatrix a;
  private final SparseMatrix b;
  private final SparseMatrix c;

  /** Takes ownership of the label array; the builder has validated everything. */
  R1cs(int numWires, int numOutputs, int numPublicInputs, int numPrivateInputs, long numLabels,
      long[] wireLabels, SparseMatrix a, SparseMatrix b, SparseMatrix c) {
    this.numWires = numWires;
    this.numOutputs = numOutputs;
    this.numPublicInputs = numPublicInputs;
    this.numPrivateInputs = numPrivateInputs;
    this.numLabels = numLabels;
    this.wireLabels = wireLabels;
    this.a = a;
    this.b = b;
    this.c = c;
  }

  /** All wires, including wire 0 (the constant 1). */
  public int numWires() {
    return numWires;
  }

  public int numConstraints() {
    return a.rows();
  }

  /** Public outputs: wires 1 .. numOutputs. */
  public int numOutputs() {
    return numOutputs;
  }

  /** Public inputs: the wires right after the outputs. */
  public int numPublicInputs() {
    return numPublicInputs;
  }

  /** Private inputs: the wires right after the public inputs. */
  public int numPrivateInputs() {
    return numPrivateInputs;
  }

  /**
   * Outputs plus public inputs: the values a verifier sees (snarkjs's {@code public.json}), which
   * are wires 1 .. numPublic.
   */
  public int numPublic() {
    return numOutputs + numPublicInputs;
  }

  /** Number of circuit signals (labels) the wires were taken from; at least {@link #numWires()}. */
  public long numLabels() {
    return numLabels;
  }

  /** The label (circuit signal id) of a wire; wire 0 has label 0. */
  public long wireLabel(int wire) {
    return wireLabels[wire];
  }

  public SparseMatrix a() {
    return a;
  }

  public SparseMatrix b() {
    return b;
  }

  public SparseMatrix c() {
    return c;
  }

  public SparseMatrix matrix(Matrix which) {
    return switch (which) {
      case A -> a;
      case B -> b;
      case C -> c;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof R1cs r
        && r.numWires == numWires && r.numOutputs == numOutputs && r.numPublicInputs == numPublicInputs
        && r.numPrivateInputs == numPrivateInputs && r.numLabels == numLabels
        && Arrays.equals(r.wireLabels, wireLabels)
        && r.a.equals(a) && r.b.equals(b) && r.c.equals(c);
  }

  @Override
  public int hashCode() {
    return ((numWires * 31 + a.hashCode()) * 31 + b.hashCode()) * 31 + c.hashCode();
  }

  @Override
  public String toString() {
    return "R1cs(" + numConstraints() + " constraints, " + numWires + " wires: " + numOutputs + " outputs, "
        + numPublicInputs + " public inputs, " + numPrivateInputs + " private inputs; " + numLabels + " labels)";
  }
}
