package org.zkml4j.groth16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.LongBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.groth16.testing.TwistPoints;

/** The key types' validation and read-only exposure, on a key made by snarkjs. */
class ProvingKeyTest {
  private static ProvingKey key;

  @BeforeAll
  static void load() throws Exception {
    key = ZkeyReader.read(SnarkjsFixture.multiplier().zkey());
  }

  @Test
  void rebuildingFromTheSamePartsGivesTheSameKey() {
    ProvingKey copy = key.toBuilder().build();
    assertArrayEquals(key.alpha1(), copy.alpha1());
    assertEquals(key.verifyingKey(), copy.verifyingKey());
    assertEquals(key.toString(), copy.toString());
  }

  @Test
  void smallPointsAreCopiesAndVectorsReadOnly() {
    long[] alpha = key.alpha1();
    alpha[0] ^= 1;
    assertTrue(alpha[0] != key.alpha1()[0]);
    LongBuffer a = key.pointsA();
    assertThrows(ReadOnlyBufferException.class, () -> a.put(0, 1));
    assertEquals(8L * key.nVars(), a.remaining());
    assertEquals(16L * key.nVars(), key.pointsB2().remaining());
    assertEquals(8L * (key.nVars() - key.nPublic() - 1), key.pointsC().remaining());
    assertEquals(8L * key.domainSize(), key.pointsH().remaining());
    assertEquals(8L * (key.nPublic() + 1), key.ic().remaining());
  }

  @Test
  void verifyingKeyHoldsTheHeaderPoints() {
    VerifyingKey vk = key.verifyingKey();
    assertEquals(key.nPublic(), vk.nPublic());
    assertArrayEquals(key.alpha1(), vk.alpha1());
    assertArrayEquals(key.beta2(), vk.beta2());
    assertArrayEquals(key.gamma2(), vk.gamma2());
    assertArrayEquals(key.delta2(), vk.delta2());
    long[] ic = new long[key.ic().remaining()];
    key.ic().get(ic);
    assertArrayEquals(ic, vk.ic());
    assertEquals(vk, VerifyingKey.of(vk.alpha1(), vk.beta2(), vk.gamma2(), vk.delta2(), vk.ic()));
  }

  @Test
  void sizesMustAgree() {
    assertRejected(k -> k.sizes(key.nVars(), key.nPublic(), key.domainSize() * 3), "not a power of two");
    assertRejected(k -> k.sizes(key.nVars(), key.nVars(), key.domainSize()), "public signals do not fit");
    assertRejected(k -> k.sizes(key.nVars() + 1, key.nPublic(), key.domainSize()), "A (section 5) has");
    assertRejected(k -> k.sizes(key.nVars(), key.nPublic(), key.domainSize() * 2), "H (section 9) has");
    assertRejected(k -> k.pointsC(new long[8]), "C (section 8) has 1 points");
  }

  @Test
  void pointsMustBeOnTheirCurves() {
    long[] a = vector(key.pointsA());
    a[8 + 4] ^= 1;
    assertRejected(k -> k.pointsA(a), "A (section 5): point 1");
    long[] b2 = vector(key.pointsB2());
    b2[16 + 8] ^= 1;
    assertRejected(k -> k.pointsB2(b2), "B2 (section 7): point 1");
    assertRejected(k -> k.delta1(new long[8]), "delta1 (section 2) is the point at infinity");
    assertRejected(k -> k.gamma2(TwistPoints.toLongs(TwistPoints.outsideSubgroup(1))),
        "gamma2 (section 2)");
    assertRejected(k -> k.alpha1(new long[7]), "alpha1 (section 2) has 7 longs");
  }

  @Test
  void coefficientsMustFitTheKey() {
    QapCoefficients k = key.coefficients();
    int n = k.size();
    int[] matrix = new int[n], rows = new int[n], signals = new int[n];
    long[] values = new long[4 * n];
    for (int i = 0; i < n; i++) {
      matrix[i] = k.matrix(i);
      rows[i] = k.constraint(i);
      signals[i] = k.signal(i);
      k.value(i, values, 4 * i);
    }
    int[] badRow = rows.clone();
    badRow[0] = key.domainSize();
    assertRejected(b -> b.coefficients(QapCoefficients.of(matrix, badRow, signals, values)),
        "constraint " + key.domainSize() + " is outside the domain");
    int[] badSignal = signals.clone();
    badSignal[0] = key.nVars();
    assertRejected(b -> b.coefficients(QapCoefficients.of(matrix, rows, badSignal, values)),
        "signal " + key.nVars() + " is not below nVars");
    int[] badMatrix = matrix.clone();
    badMatrix[0] = 2;
    assertThrows(IllegalArgumentException.class, () -> QapCoefficients.of(badMatrix, rows, signals, values));
    assertThrows(IllegalArgumentException.class, () -> QapCoefficients.of(matrix, rows, signals, new long[4]));
  }

  private static long[] vector(LongBuffer view) {
    long[] v = new long[view.remaining()];
    view.get(v);
    return v;
  }

  private static void assertRejected(UnaryOperator<ProvingKey.Builder> change, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> change.apply(key.toBuilder()).build());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
