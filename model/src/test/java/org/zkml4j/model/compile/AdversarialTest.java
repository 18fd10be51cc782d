package org.zkml4j.model.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.testing.CircuitAssert;
import org.zkml4j.circuit.witness.Assignment;
import org.zkml4j.circuit.witness.Hint;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.quant.OpCases;
import org.zkml4j.model.quant.Parameter;
import org.zkml4j.model.quant.QuantizedGraph;
import org.zkml4j.model.quant.QuantizedTensor;
import org.zkml4j.model.quant.TestGraphs;

/**
 * A cheating prover cannot make a compiled model accept anything but the evaluated integers: every
 * hint output changed (and everything after it recomputed, as a cheater would), every wire changed
 * alone, malicious decompositions, inputs or private weights outside their bounds, are all
 * rejected.
 */
class AdversarialTest {
  /** One case per nonlinear gadget the compiler uses: rescale and fused ReLU, division, max, ArgMax, select, clamp, curve. */
  private static final Set<String> GADGET_CASES = Set.of("avgpool 3x3 pad 1 divided", "gemm + argmax", "argmax last keepdims axis 0", "leaky relu", "clip",
      "gemm + relu6 clip", "sigmoid", "tanh", "div by 3", "polynomial x^2 + 0.5x");

  @TestFactory
  Stream<DynamicTest> everyTamperedHintOutputAndWireIsRejected() throws GraphException {
    List<DynamicTest> tests = new ArrayList<>();
    List<OpCases.OpCase> cases = new ArrayList<>(OpCases.all(29));
    cases.addAll(tinyConvolutions());
    for (OpCases.OpCase c : cases) {
      if (GADGET_CASES.contains(c.name()) || c.name().startsWith("tiny")) {
        tests.add(DynamicTest.dynamicTest(c.name(), () -> {
          Random rnd = new Random(c.name().hashCode());
          QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
          CompiledModel model = ModelCompiler.compile(q, Visibility.defaults());
          Assignment a = model.assignment(q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0)));
          int runs = CircuitAssert.assertTamperingDetected(model.circuit(), a);
          assertTrue(runs > model.circuit().r1cs().numConstraints(), c.name() + ": only " + runs + " runs");
        }));
      }
    }
    assertEquals(GADGET_CASES.size() + 2, tests.size());
    return tests.stream();
  }

  /** A convolution with a fused ReLU, and one followed by max pooling, small enough to tamper with every hint output. */
  private static List<OpCases.OpCase> tinyConvolutions() throws GraphException {
    Random r = new Random(13);
    Shape x = Shape.of(1, 1, 3, 3);
    Graph relu = new GraphBuilder("tiny conv + relu").input("x", ElementType.FLOAT, x)
        .constant("w", TestGraphs.random(r, Shape.of(2, 1, 2, 2), 1)).constant("b", TestGraphs.random(r, Shape.of(2), 0.3))
        .node("conv", new Op.Conv(TestGraphs.window(2, 2, 1, 0), 1), List.of("x", "w", "b"), "c")
        .node("relu", new Op.Relu(), List.of("c"), "y").output("y").build();
    Graph max = new GraphBuilder("tiny conv + maxpool").input("x", ElementType.FLOAT, x)
        .constant("w", TestGraphs.random(r, Shape.of(1, 1, 2, 2), 1))
        .node("conv", new Op.Conv(TestGraphs.window(2, 2, 1, 0), 1), List.of("x", "w"), "c")
        .node("pool", new Op.MaxPool(TestGraphs.window(2, 3, 1, 1)), List.of("c"), "y").output("y").build();
    return List.of(new OpCases.OpCase(relu.name(), relu), new OpCases.OpCase(max.name(), max));
  }

  @Test
  void privateWeightsToo_cannotBeTamperedWith() throws Exception {
    OpCases.OpCase c = tinyConvolutions().get(0);
    Random rnd = new Random(3);
    QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
    CompiledModel model = ModelCompiler.compile(q, new Visibility(Visibility.Exposure.PUBLIC,
        Visibility.Weights.PRIVATE, Visibility.Exposure.PUBLIC));
    Assignment a = model.assignment(q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0)));
    assertTrue(CircuitAssert.assertTamperingDetected(model.circuit(), a) > 0);
  }

  @Test
  void maliciousDecompositions_areRejected() throws Exception {
    OpCases.OpCase c = OpCases.all(37).stream().filter(k -> k.name().equals("gemm + argmax")).findFirst()
        .orElseThrow();
    Random rnd = new Random(5);
    QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
    CompiledModel model = ModelCompiler.compile(q, Visibility.defaults());
    Assignment a = model.assignment(q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0)));
    CircuitAssert.assertRejects(model.circuit(), a, new OffsetDecomposition(2));
    CircuitAssert.assertRejects(model.circuit(), a, new OffsetDecomposition(-1));
  }

  @Test
  void inputOutsideItsDeclaredBound_failsWitnessGeneration() throws Exception {
    OpCases.OpCase c = OpCases.all(41).stream().filter(k -> k.name().equals("gemm transB + bias + relu")).findFirst()
        .orElseThrow();
    Random rnd = new Random(7);
    QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
    CompiledModel model = ModelCompiler.compile(q, Visibility.defaults());
    QuantizedTensor in = q.inputs().get(0);
    long[] x = q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0)).get(0);
    x[3] = in.max() + 1;
    WitnessException friendly = assertThrows(WitnessException.class, () -> model.witness(List.of(x)));
    assertEquals(WitnessException.Reason.INPUT, friendly.reason());
    assertTrue(friendly.getMessage().contains("input 'x' element 3 = " + (in.max() + 1)), friendly.getMessage());
    WitnessException circuit = assertThrows(WitnessException.class,
        () -> model.circuit().witness(model.assignment(List.of(x))));
    assertEquals(WitnessException.Reason.CONSTRAINT, circuit.reason());
    assertTrue(circuit.getMessage().contains("inputs"), circuit.getMessage());
    CircuitAssert.assertRejects(model.circuit(), model.assignment(List.of(x)));
    x[3] = in.min() - 1;
    CircuitAssert.assertRejects(model.circuit(), model.assignment(List.of(x)));
  }

  @Test
  void privateWeightOutsideItsBits_isRejected() throws Exception {
    OpCases.OpCase c = OpCases.all(43).stream().filter(k -> k.name().equals("gemm transB + bias + relu")).findFirst()
        .orElseThrow();
    Random rnd = new Random(9);
    QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
    CompiledModel model = ModelCompiler.compile(q, new Visibility(Visibility.Exposure.PRIVATE,
        Visibility.Weights.PRIVATE, Visibility.Exposure.PUBLIC));
    List<long[]> x = q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0));
    Parameter w = q.parameters().get(0);
    long[] cheat = w.values();
    cheat[0] = 1L << w.bits();
    Assignment.Builder b = Assignment.builder().set("x", x.get(0));
    q.parameters().forEach(p -> b.set(p.name(), p == w ? cheat : p.values()));
    CircuitAssert.assertRejects(model.circuit(), b.build());
  }

  @Test
  void claimingAnotherClass_isRejected() throws Exception {
    OpCases.OpCase c = OpCases.all(47).stream().filter(k -> k.name().equals("gemm + argmax")).findFirst()
        .orElseThrow();
    Random rnd = new Random(11);
    QuantizedGraph q = LayerWitnessTest.quantize(c, rnd);
    CompiledModel model = ModelCompiler.compile(q, Visibility.defaults());
    Witness honest = model.witness(q.quantize(TestGraphs.samples(rnd, c.graph(), 1, -1, 1).get(0)));
    int wire = model.circuit().signal("y").firstWire();
    for (int other = 0; other < 5; other++) {
      if (!honest.value(wire).equals(BigInteger.valueOf(other))) {
        assertFalse(R1csChecker.isSatisfied(model.circuit().r1cs(), honest.with(wire, BigInteger.valueOf(other))));
      }
    }
  }

  /** A decomposition hint that spells x + offset instead of x: a shifted quotient or remainder. */
  record OffsetDecomposition(long offset) implements Hint {
    private static final PrimeField FR = Bn254.FR;

    @Override
    public String id() {
      return "zkml4j.bits.decompose";
    }

    @Override
    public void compute(long[] inputs, int inputCount, long[] outputs, int outputCount) {
      long[] x = new long[4];
      long[] d = FR.element(offset);
      FR.add(x, 0, inputs, 0, d, 0);
      FR.fromMontgomery(x, 0, x, 0);
      int first = (int) FR.toBigInteger(inputs, 4).longValueExact();
      for (int i = 0; i < outputCount; i++) {
        int bit = first + i;
        if (bit < 256 && ((x[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
          FR.setOne(outputs, 4 * i);
        }
      }
    }
  }
}
