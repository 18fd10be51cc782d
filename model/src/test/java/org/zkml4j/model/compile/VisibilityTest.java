package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.circuit.Witness;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.poseidon.Poseidon;
import org.zkml4j.model.compile.Visibility.Exposure;
import org.zkml4j.model.compile.Visibility.Weights;
import org.zkml4j.model.quant.OpCases;
import org.zkml4j.model.quant.Parameter;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedOp;
import org.zkml4j.model.quant.TestGraphs;

/**
 * What each visibility puts in the public signals, in which order, and what it costs: hashed
 * tensors are committed exactly as Poseidon (and circomlibjs) hash their integers mod r; fixed
 * weights make a linear layer free, private ones cost one constraint per multiply-accumulate.
 */
class VisibilityTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  private static OpCases.OpCase named(String name) throws Exception {
    return OpCases.all(53).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<BigInteger> field(long[] values) {
    List<BigInteger> out = new ArrayList<>();
    for (long v : values) {
      out.add(BigInteger.valueOf(v).mod(R));
    }
    return out;
  }

  @Test
  void hashedTensors_areCommittedAsPoseidonAndCircomlibjsHashTheirIntegers() throws Exception {
    OpCases.OpCase c = named("conv + prelu");
    Random rnd = new Random(17);
    QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
    CompiledModel model = ModelCompiler.compile(q, new Visibility(Exposure.HASHED, Weights.HASHED, Exposure.HASHED));
    assertEquals(List.of("y.poseidon", "x.poseidon", CompiledModel.WEIGHTS_DIGEST), model.publicSignalNames());
    List<long[]> x = q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0));
    Witness w = model.witness(x);
    List<BigInteger> input = field(x.get(0));
    List<BigInteger> output = field(q.evaluate(x).get(0));
    List<BigInteger> weights = new ArrayList<>();
    for (Parameter p : q.parameters()) {
      weights.addAll(field(p.values()));
    }
    assertEquals(true, input.stream().anyMatch(v -> v.compareTo(R.shiftRight(1)) > 0), "some input is negative");
    assertEquals(true, weights.stream().anyMatch(v -> v.compareTo(R.shiftRight(1)) > 0), "some weight is negative");
    List<BigInteger> expected = List.of(Poseidon.hashVector(output), Poseidon.hashVector(input),
        Poseidon.hashVector(weights));
    assertEquals(expected, model.publicSignals(w));
    assertEquals(expected.get(1), TensorCommitment.of(x.get(0)));
    assertEquals(expected, Circomlibjs.vectorDigests(List.of(output, input, weights)));
  }

  @Test
  void publicInputs_comeAfterTheOutputs() throws Exception {
    OpCases.OpCase c = named("gemm transB + bias + relu");
    Random rnd = new Random(19);
    QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
    CompiledModel model = ModelCompiler.compile(q, new Visibility(Exposure.PUBLIC, Weights.FIXED, Exposure.PUBLIC));
    assertEquals(List.of("y", "x"), model.publicSignalNames());
    List<long[]> x = q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0));
    List<BigInteger> expected = new ArrayList<>(field(q.evaluate(x).get(0)));
    expected.addAll(field(x.get(0)));
    assertEquals(expected, model.publicSignals(model.witness(x)));
  }

  @Test
  void privateOutputAndHashedInput_publishOnlyTheInputsCommitment() throws Exception {
    OpCases.OpCase c = named("gemm transB + bias + relu");
    QuantizedGraph q = LayerWitnessTest.quantize(c, new Random(23));
    CompiledModel model = ModelCompiler.compile(q, new Visibility(Exposure.HASHED, Weights.PRIVATE, Exposure.PRIVATE));
    assertEquals(List.of("x.poseidon"), model.publicSignalNames());
  }

  @Test
  void fixedWeights_makeALinearLayerFree_privateOnesCostOneConstraintPerMac() throws Exception {
    OpCases.OpCase c = named("gemm + argmax");
    QuantizedGraph q = LayerWitnessTest.quantize(c, new Random(29));
    assertEquals(new QuantizedOp.Dense(0), q.layers().get(0).op(), "no rescale before an ArgMax");
    long macs = 2 * 5 * 6;
    assertEquals(0, constraints(q, Weights.FIXED, "gemm"));
    assertEquals(macs, constraints(q, Weights.PRIVATE, "gemm"));
    assertEquals(macs, constraints(q, Weights.HASHED, "gemm"));

    OpCases.OpCase rescaled = named("gemm transB + bias + relu");
    QuantizedGraph r = LayerWitnessTest.quantize(rescaled, new Random(31));
    QuantizedOp.Dense dense = (QuantizedOp.Dense) r.layers().get(0).op();
    long outputs = 4;
    long rescale = outputs * (dense.shift() + r.tensor("g").bits());
    assertEquals(rescale, constraints(r, Weights.FIXED, "gemm"), "the rescale's k + q per output and nothing else");
    assertEquals(rescale + outputs * 6, constraints(r, Weights.PRIVATE, "gemm"));
    assertEquals(outputs, constraints(r, Weights.FIXED, "relu"), "the ReLU reuses the rescale's sign: 1 each");
  }

  private static long constraints(QuantizedGraph q, Weights weights, String layer) {
    return ModelCompiler.compile(q, new Visibility(Exposure.PRIVATE, weights, Exposure.PUBLIC)).constraints(layer);
  }
}
