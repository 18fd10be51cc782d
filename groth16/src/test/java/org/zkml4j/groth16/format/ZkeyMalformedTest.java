package org.zkml4j.groth16.format;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.groth16.testing.TwistPoints;

/**
 * Corrupted copies of a snarkjs .zkey: each must be rejected with a message naming the problem,
 * also right after the intact file was read from the same path (the reader reuses the checks of
 * a key read before only for contents equal value for value).
 */
class ZkeyMalformedTest {
  private static byte[] original;

  @TempDir
  Path tmp;

  @BeforeAll
  static void load() throws Exception {
    original = Files.readAllBytes(SnarkjsFixture.multiplier().zkey());
  }

  @Test
  void wrongMagic() throws Exception {
    assertRejected(b -> b[3] = 'x', "\"zkey\"");
  }

  @Test
  void unsupportedVersion() throws Exception {
    assertRejected(b -> b[4] = 2, "version 2");
  }

  @Test
  void truncatedFile() throws Exception {
    Path file = tmp.resolve("bad.zkey");
    Files.write(file, Arrays.copyOf(original, original.length - 100));
    FormatException e = assertThrows(FormatException.class, () -> ZkeyReader.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("bytes"), e.getMessage());
  }

  @Test
  void plonkKey() throws Exception {
    assertRejected(b -> le(b).putInt(body(b, 1), 2), "only Groth16");
  }

  @Test
  void otherCurve() throws Exception {
    assertRejected(b -> b[body(b, 2) + 4] ^= 1, "BN254");
  }

  @Test
  void unknownSectionType() throws Exception {
    assertRejected(b -> le(b).putInt(body(b, 9) - 12, 11), "section type 11");
  }

  @Test
  void duplicatedSection() throws Exception {
    assertRejected(b -> le(b).putInt(body(b, 8) - 12, 3), "section 3 (IC) appears 2 times");
  }

  @Test
  void wrongSectionSize() throws Exception {
    // Section A claims one point less, so the section table no longer tiles the file.
    assertRejected(b -> le(b).putLong(body(b, 5) - 8, le(b).getLong(body(b, 5) - 8) - 64), "section");
  }

  @Test
  void pointOffTheCurve() throws Exception {
    // Section 5 (A): change the low byte of the second point's y (point 1; point 0 may be infinity).
    assertRejected(b -> b[body(b, 5) + 64 + 32] ^= 1, "A (section 5): point 1");
  }

  @Test
  void coordinateNotBelowQ() throws Exception {
    assertRejected(b -> Arrays.fill(b, body(b, 6) + 64, body(b, 6) + 96, (byte) 0xff), "B1 (section 6): point 1");
  }

  @Test
  void coefficientNotBelowR() throws Exception {
    assertRejected(b -> Arrays.fill(b, body(b, 4) + 4 + 12, body(b, 4) + 4 + 44, (byte) 0xff), "not below r");
  }

  @Test
  void coefficientOfUnknownMatrix() throws Exception {
    assertRejected(b -> le(b).putInt(body(b, 4) + 4, 2), "matrix 2");
  }

  @Test
  void coefficientSignalOutOfRange() throws Exception {
    assertRejected(b -> le(b).putInt(body(b, 4) + 4 + 8, 1000), "signal 1000");
  }

  @Test
  void headerG2PointOutsideTheSubgroup() throws Exception {
    long[] p = TwistPoints.toLongs(TwistPoints.outsideSubgroup(7));
    // Header: 84 bytes of sizes, alpha1, beta1 (G1), beta2, gamma2 (G2): gamma2 starts at 84 + 128 + 128.
    assertRejected(b -> {
      ByteBuffer buf = le(b);
      for (int i = 0; i < 16; i++) {
        buf.putLong(body(b, 2) + 84 + 256 + 8 * i, p[i]);
      }
    }, "gamma2 (section 2)");
  }

  @Test
  void headerPointAtInfinity() throws Exception {
    assertRejected(b -> Arrays.fill(b, body(b, 2) + 84, body(b, 2) + 84 + 64, (byte) 0), "alpha1 (section 2) is the "
        + "point at infinity");
  }

  @Test
  void contributionWithUnsortedParameters() throws Exception {
    // The parameters (name "fixture": 1, 7, 'fixture') end the file; make the type 0.
    assertRejected(b -> b[b.length - 9] = 0, "increasing type order");
  }

  private void assertRejected(Consumer<byte[]> corruption, String expected) throws Exception {
    byte[] b = original.clone();
    corruption.accept(b);
    Path file = tmp.resolve("bad.zkey");
    Files.write(file, original);
    ProvingKey intact = ZkeyReader.read(file);
    assertSame(intact, ZkeyReader.read(file), "an unchanged file gives the key built before");
    Files.write(file, b);
    FormatException e = assertThrows(FormatException.class, () -> ZkeyReader.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Offset of the body of the (first) section of this type, from the container's section table. */
  private static int body(byte[] b, int type) {
    ByteBuffer buf = le(b);
    int count = buf.getInt(8);
    int pos = 12;
    for (int i = 0; i < count; i++) {
      int t = buf.getInt(pos);
      long size = buf.getLong(pos + 4);
      if (t == type) {
        return pos + 12;
      }
      pos += 12 + (int) size;
    }
    throw new AssertionError("no section " + type);
  }
}
