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
import org.zkml4j.math.parallel.Parallelism;

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
  void pointOffTheTwist() {
    byte[] b = valid.clone();
    int tauG2 = TAU_G1 + 7 * 64 + 12; // after tauG1's 2^3 - 1 points and section 3's header
    b[tauG2 + 128 + 96] ^= 4; // y.c1 of point 1
    assertMessage(b, "section 3 (tauG2): point 1 is not on the twist");
  }

  @Test
  void pointAtInfinityIsAFormatMatter() throws Exception {
    byte[] b = valid.clone();
    Arrays.fill(b, TAU_G1 + 5 * 64, TAU_G1 + 6 * 64, (byte) 0);
    Path file = dir.resolve("infinity.ptau");
    Files.write(file, b);
    long[] tauG1 = new long[8 * 7];
    PtauReader.read(file).tauG1().get(tauG1);
    assertTrue(Arrays.stream(tauG1, 40, 48).allMatch(v -> v == 0), "point 5 reads as infinity");
  }

  @Test
  void badPointPastTheFirstBlocksIsFound() throws Exception {
    Path file = dir.resolve("power8.ptau");
    PtauWriter.write(PowersOfTau.newCeremony(8), file);
    byte[] b = Files.readAllBytes(file);
    b[TAU_G1 + 300 * 64 + 40] ^= 1; // point 300 of 511, in the second block of 256 checked together
    b[TAU_G1 + 301 * 64 + 8] ^= 1; // and 301
    assertMessage(b, "section 2 (tauG1): point 300 is not on the curve");
  }

  @Test
  void setupReadingChecksOnlyThePointsASetupUses() throws Exception {
    Path file = dir.resolve("power8-setup.ptau");
    PtauWriter.write(PowersOfTau.newCeremony(8), file);
    byte[] b = Files.readAllBytes(file);
    long[] whole = new long[8 * 511];
    PtauReader.read(file).tauG1().get(whole);
    long[] forSetup = new long[8 * 511];
    PtauReader.readForSetup(file, 2, Parallelism.shared()).tauG1().get(forSetup);
    assertTrue(Arrays.equals(whole, forSetup), "the same points either way");

    b[TAU_G1 + 300 * 64 + 40] ^= 1; // point 300: past the 2^3 tauG1 points a 2^2 domain's setup reads
    Path damaged = dir.resolve("damaged-far.ptau");
    Files.write(damaged, b);
    assertThrows(FormatException.class, () -> PtauReader.read(damaged));
    PtauReader.readForSetup(damaged, 2, Parallelism.shared());
    FormatException e = assertThrows(FormatException.class,
        () -> PtauReader.readForSetup(damaged, 8, Parallelism.shared()));
    assertTrue(e.getMessage().contains("section 2 (tauG1): point 300 is not on the curve"), e.getMessage());

    b = Files.readAllBytes(file);
    b[TAU_G1 + 7 * 64 + 40] ^= 1; // point 7: one a 2^2 domain's circuit hash reads
    Files.write(damaged, b);
    e = assertThrows(FormatException.class,
        () -> PtauReader.readForSetup(damaged, 2, Parallelism.shared()));
    assertTrue(e.getMessage().contains("section 2 (tauG1): point 7 is not on the curve"), e.getMessage());
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
