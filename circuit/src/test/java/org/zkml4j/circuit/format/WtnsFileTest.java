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
import org.zkml4j.circuit.R1csSpec;
import org.zkml4j.circuit.Witness;

/** .wtns reading and writing against hand-encoded files and random round trips. */
class WtnsFileTest {
  private static final BigInteger R = Container.R;

  @TempDir
  Path dir;

  /** The witness snarkjs computes for the Multiplier with a = 3, b = 11: (1, 33, 3, 11). */
  static Container multiplierWitness() {
    return new Container("wtns", 2, 2)
        .section(1, Container.body().u32(32).fe(R).u32(4))
        .section(2, Container.body().fe(1).fe(33).fe(3).fe(11));
  }

  @Test
  void readsAndWritesTheSnarkjsLayout() throws Exception {
    Path file = multiplierWitness().writeTo(dir.resolve("multiplier.wtns"));
    Witness w = WtnsFile.read(file);
    assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(33), BigInteger.valueOf(3), BigInteger.valueOf(11)),
        List.of(w.value(0), w.value(1), w.value(2), w.value(3)));
    Path written = dir.resolve("written.wtns");
    WtnsFile.write(w, written);
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(written));
  }

  @Property(tries = 50)
  void writeThenReadIsTheIdentity(@ForAll long seed) throws Exception {
    Random rnd = new Random(seed);
    List<BigInteger> values = R1csSpec.randomWitness(rnd, 1 + rnd.nextInt(2000));
    values.set(values.size() - 1, R.subtract(BigInteger.ONE));
    Witness w = Witness.ofValues(values);
    Path file = Files.createTempFile("roundtrip", ".wtns");
    try {
      WtnsFile.write(w, file);
      Witness read = WtnsFile.read(file);
      assertEquals(w, read);
      assertEquals(values.get(values.size() - 1), read.value(values.size() - 1));
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void rejectsMalformedFiles() throws Exception {
    expectError(new Container("wtns", 1, 0), "\"wtns\" version 1 is not supported; expected version 2");
    expectError(new Container("wtns", 2, 1).section(1, Container.body().u32(32).fe(R).u32(1)),
        "section 2 (values) is missing");
    expectError(new Container("wtns", 2, 2).section(1, Container.body().u32(32).fe(Container.Q).u32(1))
        .section(2, Container.body().fe(1)), "section 1 (header): prime is " + Container.Q
        + "; expected BN254's scalar field order " + R);
    expectError(new Container("wtns", 2, 2).section(1, Container.body().u32(32).fe(R).u32(3))
        .section(2, Container.body().fe(1).fe(2)),
        "section 2 (values): is 64 bytes long; expected 32 bytes for each of the 3 wires");
    expectError(new Container("wtns", 2, 2).section(1, Container.body().u32(32).fe(R).u32(0))
        .section(2, Container.body()), "section 1 (header): nWitness is 0; expected between 1 and 536870909");
    expectError(new Container("wtns", 2, 2).section(1, Container.body().u32(32).fe(R).u32(2))
        .section(2, Container.body().fe(1).fe(R)), "section 2 (values): wire 1 is " + R + ", not below r");
    expectError(new Container("wtns", 2, 2).section(1, Container.body().u32(32).fe(R).u32(2))
        .section(2, Container.body().fe(2).fe(1)), "section 2 (values): wire 0 (the constant 1) is 2; expected 1");
  }

  private void expectError(Container file, String message) {
    Path path = file.writeTo(dir.resolve("bad.wtns"));
    FormatException e = assertThrows(FormatException.class, () -> WtnsFile.read(path));
    assertEquals(path + ": " + message, e.getMessage());
  }
}
