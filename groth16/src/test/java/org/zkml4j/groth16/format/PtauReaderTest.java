package org.zkml4j.groth16.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.PowersOfTau;
import org.zkml4j.groth16.ceremony.Progress;
import org.zkml4j.math.field.Bn254;

/**
 * The .ptau reader on damaged files: each defect gives a {@link FormatException} that names the
 * file, the section and the problem. (Reading snarkjs's files, and writing them back byte for
 * byte, is tested against snarkjs in the ceremony package.)
 */
class PtauReaderTest {
  /** tauG1's points start after the file header (12), section 1 (12 + 44) and section 2's header (12). */
  private static final int TAU_G1 = 12 + 12 + 44 + 12;

  @TempDir
  static Path dir;
  static byte[] valid;

  @BeforeAll
  static void validFile() throws Exception {
    Accumulator acc = PowersOfTau.contribute(PowersOfTau.newCeremony(2), "x", new byte[0], Progress.NONE);
    Path file = dir.resolve("valid.ptau");
    PtauWriter.write(acc, file);
    valid = Files.readAllBytes(file);
    assertEquals(acc.contributions(), PtauReader.read(file).contributions());
  }

  @Test
  void wrongMagic() {
    byte[] b = valid.clone();
    b[0] = 'z';
    assertMessage(b, "expected a \"ptau\" file");
  }

  @Test
  void coordinateNotBelowQ() {
    byte[] b = valid.clone();
    long[] q = limbs(Bn254.Q_MODULUS);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 4; i++) {
      buf.putLong(TAU_G1 + 3 * 64 + 8 * i, q[i]);
    }
    assertMessage(b, "section 2 (tauG1): point 3 has a coordinate not below q");
  }

  @Test
  void pointOffTheCurve() {
    byte[] b = valid.clone();
    b[TAU_G1 + 2 * 64 + 32] ^= 1; // y's lowest bit of point 2
    assertMessage(b, "section 2 (tauG1): point 2 is not on the curve");
  }

  @Test
  void unsupportedPower() {
    byte[] b = valid.clone();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(12 + 12 + 4 + 32, 29);
    assertMessage(b, "declares power 29");
  }

  @Test
  void truncatedFile() {
    assertMessage(Arrays.copyOf(valid, valid.length - 10), "bytes");
  }

  @Test
  void otherCurve() {
    byte[] b = valid.clone();
    b[12 + 12 + 4] ^= 2; // q's lowest byte
    assertMessage(b, "not BN254's");
  }

  private static void assertMessage(byte[] content, String expected) {
    Path file = dir.resolve("damaged.ptau");
    FormatException e = assertThrows(FormatException.class, () -> {
      Files.write(file, content);
      PtauReader.read(file);
    });
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  private static long[] limbs(java.math.BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }
}
