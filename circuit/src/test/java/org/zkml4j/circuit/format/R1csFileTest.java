package org.zkml4j.circuit.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csSpec;

/** .r1cs reading and writing against hand-encoded files and random round trips. */
class R1csFileTest {
  private static final BigInteger R = Container.R;
  private static final BigInteger MINUS_ONE = R.subtract(BigInteger.ONE);

  @TempDir
  Path dir;

  /** circom's Multiplier (c &lt;== a*b, a public): wires 0=one, 1=c, 2=a, 3=b; -a * b = -c. */
  static Container.Body multiplierHeader() {
    return Container.body().u32(32).fe(R).u32(4).u32(1).u32(1).u32(1).u64(4).u32(1);
  }

  static Container.Body multiplierConstraints() {
    return Container.body().u32(1).u32(2).fe(MINUS_ONE).u32(1).u32(3).fe(1).u32(1).u32(1).fe(MINUS_ONE);
  }

  static Container.Body identityMap(int wires) {
    Container.Body map = Container.body();
    for (int i = 0; i < wires; i++) {
      map.u64(i);
    }
    return map;
  }

  @Test
  void readsAFileInCircomsSectionOrder() throws Exception {
    // circom writes the constraints before the header.
    Path file = new Container("r1cs", 1, 3).section(2, multiplierConstraints()).section(1, multiplierHeader())
        .section(3, identityMap(4)).writeTo(dir.resolve("multiplier.r1cs"));
    R1cs r1cs = R1csFile.read(file);
    assertEquals(List.of(4, 1, 1, 1, 1), List.of(r1cs.numWires(), r1cs.numOutputs(), r1cs.numPublicInputs(),
        r1cs.numPrivateInputs(), r1cs.numConstraints()));
    assertEquals(4, r1cs.numLabels());
    assertEquals(2, r1cs.a().wire(0));
    assertEquals(MINUS_ONE, r1cs.a().coefficientValue(0));
    assertEquals(3, r1cs.b().wire(0));
    assertEquals(BigInteger.ONE, r1cs.b().coefficientValue(0));
    assertEquals(1, r1cs.c().wire(0));
    assertEquals(MINUS_ONE, r1cs.c().coefficientValue(0));
    // Written back, it is the same file with the header first.
    Path written = dir.resolve("written.r1cs");
    R1csFile.write(r1cs, written);
    assertArrayEquals(new Container("r1cs", 1, 3).section(1, multiplierHeader()).section(2, multiplierConstraints())
        .section(3, identityMap(4)).bytes(), Files.readAllBytes(written));
  }

  @Property(tries = 60)
  void writeThenReadIsTheIdentity(@ForAll long seed) throws Exception {
    Random rnd = new Random(seed);
    R1csSpec spec = R1csSpec.random(rnd, R1csSpec.randomWitness(rnd, 2 + rnd.nextInt(30)), rnd.nextInt(60), 0.1);
    R1cs r1cs = spec.build();
    Path file = Files.createTempFile("roundtrip", ".r1cs");
    try {
      R1csFile.write(r1cs, file);
      assertEquals(r1cs, R1csFile.read(file));
      assertEquals(spec.build(), R1csFile.read(file));
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void rejectsMalformedFiles() throws Exception {
    Container.Body map4 = identityMap(4);
    expectError(new Container("r1cs", 1, 2).section(2, multiplierConstraints()).section(3, map4),
        "section 1 (header) is missing");
    expectError(new Container("r1cs", 1, 2).section(1, multiplierHeader()).section(2, multiplierConstraints()),
        "section 3 (wire-to-label map) is missing");
    expectError(withHeader(Container.body().u32(48).fe(R)),
        "section 1 (header): field size is 48 bytes; expected 32 (BN254's scalar field)");
    expectError(withHeader(Container.body().u32(32).fe(Container.Q).u32(4).u32(1).u32(1).u32(1).u64(4).u32(1)),
        "section 1 (header): prime is " + Container.Q + "; expected BN254's scalar field order " + R);
    expectError(withHeader(multiplierHeader().u32(0)),
        "section 1 (header): is 68 bytes long, but its content ends at byte 64");
    expectError(withHeader(Container.body().u32(32).fe(R).u32(3).u32(1).u32(1).u32(1).u64(4).u32(1)),
        "section 1 (header): 1 + 1 outputs + 1 public inputs + 1 private inputs exceed the 3 wires");
    expectError(withHeader(Container.body().u32(32).fe(R).u32(4).u32(1).u32(1).u32(1).u64(3).u32(1)),
        "section 1 (header): nLabels is 3; expected at least nWires = 4");
    expectError(withConstraints(Container.body().u32(1).u32(4).fe(1).u32(0).u32(0)),
        "section 2 (constraints): constraint 0, A, term 0: wire 4 is out of range; the header declares 4 wires");
    expectError(withConstraints(Container.body().u32(0).u32(1).u32(3).fe(R).u32(0)),
        "section 2 (constraints): constraint 0, B, term 0: coefficient " + R + " is not below r");
    expectError(withConstraints(Container.body().u32(0).u32(0).u32(2).u32(1).fe(1)),
        "section 2 (constraints): constraint 0 of 1, C: 2 terms announced, but only 36 bytes remain");
    expectError(withConstraints(multiplierConstraints().u32(0)),
        "section 2 (constraints): holds 4 bytes after the 1 constraints the header declares");
    expectError(withConstraints(Container.body().u32(2).u32(2).fe(1).u32(2).fe(2).u32(0).u32(0)),
        "constraint 0, matrix A: wire 2 appears twice in one linear combination");
    expectError(new Container("r1cs", 1, 3).section(1, multiplierHeader()).section(2, multiplierConstraints())
        .section(3, identityMap(3)), "section 3 (wire-to-label map): is 24 bytes long; expected 8 bytes for each of the 4 wires");
    expectError(new Container("r1cs", 1, 3).section(1, multiplierHeader()).section(2, multiplierConstraints())
        .section(3, Container.body().u64(0).u64(1).u64(2).u64(4)), "wire 3 has label 4, outside [0, 4)");
    expectError(new Container("r1cs", 1, 4).section(1, multiplierHeader()).section(2, multiplierConstraints())
        .section(3, map4).section(4, Container.body().u32(0)),
        "uses custom gates (sections 4 and 5), a PLONK feature that Groth16 cannot prove;"
            + " compile the circuit without custom templates");
  }

  @Test
  void ignoresUnknownSections() throws Exception {
    Path file = new Container("r1cs", 1, 4).section(1, multiplierHeader()).section(9, Container.body().u32(7))
        .section(2, multiplierConstraints()).section(3, identityMap(4)).writeTo(dir.resolve("extra.r1cs"));
    assertEquals(1, R1csFile.read(file).numConstraints());
  }

  private static Container withHeader(Container.Body header) {
    return new Container("r1cs", 1, 3).section(1, header).section(2, multiplierConstraints()).section(3, identityMap(4));
  }

  private static Container withConstraints(Container.Body constraints) {
    return new Container("r1cs", 1, 3).section(1, multiplierHeader()).section(2, constraints).section(3, identityMap(4));
  }

  private void expectError(Container file, String message) {
    Path path = file.writeTo(dir.resolve("bad.r1cs"));
    FormatException e = assertThrows(FormatException.class, () -> R1csFile.read(path));
    assertEquals(path + ": " + message, e.getMessage());
  }
}
