package org.zkml4j.circuit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Bn254;

class WitnessTest {
  private static final BigInteger R = R1csSpec.R;

  @Test
  void holdsValuesModRInMontgomeryForm() {
    Witness w = Witness.ofValues(List.of(BigInteger.ONE, BigInteger.valueOf(-1), R.add(BigInteger.TEN)));
    assertEquals(3, w.size());
    assertEquals(R.subtract(BigInteger.ONE), w.value(1));
    assertEquals(BigInteger.TEN, w.value(2));
    long[] v = new long[4];
    w.get(2, v, 0);
    assertArrayEquals(Bn254.FR.element(10), v);
    assertEquals(w, Witness.of(w.toArray()));
  }

  @Test
  void withChangesOneWireOfACopy() {
    Witness w = Witness.ofValues(List.of(BigInteger.ONE, BigInteger.TWO));
    Witness changed = w.with(1, BigInteger.TEN);
    assertEquals(BigInteger.TWO, w.value(1));
    assertEquals(BigInteger.TEN, changed.value(1));
    assertThrows(IllegalArgumentException.class, () -> w.with(0, BigInteger.TWO));
    assertThrows(IndexOutOfBoundsException.class, () -> w.with(2, BigInteger.TWO));
  }

  @Test
  void rejectsMalformedVectors() {
    assertEquals("wire 0 must be 1, is 2",
        assertThrows(IllegalArgumentException.class, () -> Witness.ofValues(List.of(BigInteger.TWO))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Witness.of(new long[0]));
    assertThrows(IllegalArgumentException.class, () -> Witness.of(new long[5]));
    long[] v = new long[8];
    Bn254.FR.setOne(v, 0);
    v[7] = -1; // wire 1 >= r
    assertEquals("wire 1 is not a canonical field element",
        assertThrows(IllegalArgumentException.class, () -> Witness.of(v)).getMessage());
  }
}
