package org.zkml4j.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.LaneField;

/** The background warm-up: started at most once per JVM, and its kernels compute what BigInteger does. */
class ProverWarmUpTest {
  @Test
  void startsOneThreadHoweverOftenItIsAsked() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      Groth16.warmUp();
    }
    long threads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("zkml4j-warm-up")).count();
    assertTrue(threads <= 1, threads + " warm-up threads");
  }

  /**
   * The warm-up's last call leaves (x y 2^-255 + y - x) mod q, in canonical form, for its Fq
   * inputs (lane values with R = 2^255); lane 0's low limb must agree with BigInteger, so the loop
   * runs the real kernels on valid inputs.
   */
  @Test
  void warmUpComputesTheFieldOperationsItCalls() {
    long limb0 = ProverWarmUp.run();
    BigInteger q = Bn254.Q_MODULUS;
    BigInteger x = BigInteger.ZERO, y = BigInteger.ZERO;
    for (int l = LaneField.LIMBS - 1; l >= 0; l--) { // lane 0, limb l: element 8 l of the warm-up's arrays
      long limb = (LaneField.BLOCK * l + 1) * 0x9E3779B97F4A7L & ((1L << 48) - 1);
      x = x.shiftLeft(LaneField.LIMB_BITS).add(BigInteger.valueOf(limb));
      y = y.shiftLeft(LaneField.LIMB_BITS).add(BigInteger.valueOf(limb >>> 1));
    }
    BigInteger z = x.multiply(y).multiply(BigInteger.ONE.shiftLeft(255).modInverse(q)).add(y).subtract(x).mod(q);
    assertEquals(z.and(BigInteger.ONE.shiftLeft(LaneField.LIMB_BITS).subtract(BigInteger.ONE)).longValueExact(), limb0);
  }
}
