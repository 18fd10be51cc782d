package org.zkml4j.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Bn254;

class R1csBuilderTest {
  private static final BigInteger R = R1csSpec.R;

  @Test
  void storesTermsInCircomWireOrderWithCoefficientsModR() {
    R1cs r1cs = new R1csBuilder(1, 2, 3).numWires(9)
        .term(R1cs.Matrix.A, 8, BigInteger.valueOf(-3)).term(R1cs.Matrix.A, 0, R.add(BigInteger.TWO))
        .term(R1cs.Matrix.C, 4, BigInteger.ONE).endConstraint()
        .endConstraint()
        .build();
    assertEquals(9, r1cs.numWires());
    assertEquals(2, r1cs.numConstraints());
    assertEquals(1, r1cs.numOutputs());
    assertEquals(2, r1cs.numPublicInputs());
    assertEquals(3, r1cs.numPrivateInputs());
    assertEquals(3, r1cs.numPublic());
    assertEquals(9, r1cs.numLabels());
    assertEquals(7, r1cs.wireLabel(7));
    SparseMatrix a = r1cs.a();
    assertEquals(List.of(0, 2, 2), List.of(a.rowStart(0), a.rowEnd(0), a.rowEnd(1)));
    assertEquals(8, a.wire(0));
    assertEquals(R.subtract(BigInteger.valueOf(3)), a.coefficientValue(0));
    assertEquals(BigInteger.TWO, a.coefficientValue(1));
    long[] mont = new long[4];
    a.coefficient(1, mont, 0);
    assertEquals(BigInteger.TWO, Bn254.FR.toBigInteger(mont, 0));
    assertEquals(0, r1cs.b().terms());
    assertEquals(1, r1cs.c().terms());
    assertEquals(r1cs.a(), r1cs.matrix(R1cs.Matrix.A));
  }

  @Test
  void wireCountDefaultsToTheInterfaceAndTheLargestWireUsed() {
    assertEquals(4, new R1csBuilder(1, 1, 1).build().numWires());
    assertEquals(11, new R1csBuilder(1, 1, 1).term(R1cs.Matrix.B, 10, BigInteger.ONE).endConstraint().build()
        .numWires());
  }

  @Test
  void buildIsRepeatableAndStructurallyEqual() {
    Random rnd = new Random(3);
    R1csSpec spec = R1csSpec.random(rnd, R1csSpec.randomWitness(rnd, 10), 50, 0.2);
    assertEquals(spec.build(), spec.build());
    R1csBuilder builder = new R1csBuilder(0, 0, 0).term(R1cs.Matrix.A, 1, BigInteger.ONE).endConstraint();
    R1cs first = builder.build();
    R1cs second = builder.term(R1cs.Matrix.A, 1, BigInteger.ONE).endConstraint().build();
    assertEquals(1, first.numConstraints());
    assertEquals(2, second.numConstraints());
    assertNotEquals(first, second);
  }

  @Test
  void labelsAreKept() {
    R1cs r1cs = new R1csBuilder(1, 0, 0).numWires(3).labels(10, new long[] {0, 4, 9}).build();
    assertEquals(10, r1cs.numLabels());
    assertEquals(List.of(0L, 4L, 9L), List.of(r1cs.wireLabel(0), r1cs.wireLabel(1), r1cs.wireLabel(2)));
  }

  @Test
  void buildRejectsInvalidSystems() {
    Map<String, R1csBuilder> cases = Map.of(
        "matrix C has 1 terms added after the last endConstraint()",
        new R1csBuilder(0, 0, 0).term(R1cs.Matrix.C, 0, BigInteger.ONE),
        "1 + 1 outputs + 1 public inputs + 1 private inputs need 4 wires, but there are 3",
        new R1csBuilder(1, 1, 1).numWires(3),
        "constraint 1, matrix B: wire 5 is out of range; there are 5 wires",
        new R1csBuilder(0, 0, 0).numWires(5).endConstraint().term(R1cs.Matrix.B, 5, BigInteger.ONE).endConstraint(),
        "constraint 0, matrix A: wire 2 appears twice in one linear combination",
        new R1csBuilder(0, 0, 0).term(R1cs.Matrix.A, 2, BigInteger.ONE).term(R1cs.Matrix.A, 2, BigInteger.TWO)
            .endConstraint(),
        "the label map has 2 entries for 3 wires",
        new R1csBuilder(0, 0, 0).numWires(3).labels(5, new long[] {0, 1}),
        "wire 0 (the constant 1) must have label 0, has 1",
        new R1csBuilder(0, 0, 0).numWires(2).labels(5, new long[] {1, 0}),
        "wire 1 has label 5, outside [0, 5)",
        new R1csBuilder(0, 0, 0).numWires(2).labels(5, new long[] {0, 5}));
    cases.forEach((message, builder) ->
        assertEquals(message, assertThrows(IllegalStateException.class, builder::build).getMessage()));
  }

  @Test
  void termRejectsBadArguments() {
    R1csBuilder b = new R1csBuilder(0, 0, 0);
    assertThrows(IllegalArgumentException.class, () -> b.term(R1cs.Matrix.A, -1, BigInteger.ONE));
    long[] notCanonical = {1, 0, 0, 0x4000_0000_0000_0000L};
    assertThrows(IllegalArgumentException.class, () -> b.term(R1cs.Matrix.A, 1, notCanonical, 0));
    assertThrows(IllegalArgumentException.class, () -> new R1csBuilder(-1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> b.numWires(0));
  }

  @Test
  void sameWireInDifferentMatricesOrConstraintsIsFine() {
    R1cs r1cs = new R1csBuilder(0, 0, 0)
        .term(R1cs.Matrix.A, 1, BigInteger.ONE).term(R1cs.Matrix.B, 1, BigInteger.ONE)
        .term(R1cs.Matrix.C, 1, BigInteger.ONE).endConstraint()
        .term(R1cs.Matrix.A, 1, BigInteger.ONE).endConstraint().build();
    assertEquals(2, r1cs.a().terms());
  }
}
