package org.zkml4j.math.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;

class NafTest {
  @Property(tries = 500)
  void nafIsASignedBinaryFormWithoutAdjacentNonZeros(@ForAll @BigRange(min = "1", max = "1e80") BigInteger n) {
    byte[] d = Naf.of(n);
    BigInteger value = BigInteger.ZERO;
    for (int i = d.length - 1; i >= 0; i--) {
      value = value.shiftLeft(1).add(BigInteger.valueOf(d[i]));
      assertTrue(d[i] >= -1 && d[i] <= 1);
      if (i > 0) {
        assertTrue(d[i] == 0 || d[i - 1] == 0, "adjacent non-zero digits");
      }
    }
    assertEquals(n, value);
    assertEquals(1, d[d.length - 1], "leading digit");
  }
}
