package org.zkml4j.circuit.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.math.field.Bn254;

/** The shared container reader and writer, against bytes encoded by hand (Container). */
class BinFileTest {
  @TempDir
  Path dir;

  @Test
  void writerProducesTheDocumentedLayout() throws IOException {
    Path file = dir.resolve("a.bin");
    try (BinFileWriter out = BinFileWriter.create(file, "zkey", 1, 2)) {
      out.beginSection(1);
      out.u32(7);
      out.u64(-1);
      out.endSection();
      out.beginSection(5);
      out.element(Bn254.FR, Bn254.FR.element(3), 0);
      out.limbs(new long[] {1, 2, 3, 4}, 0);
      out.bytes(new byte[] {9, 8}, 0, 2);
      out.endSection();
    }
    byte[] expected = new Container("zkey", 1, 2)
        .section(1, Container.body().u32(7).u64(-1))
        .section(5, Container.body().fe(3)
            .fe(BigInteger.valueOf(4).shiftLeft(192).or(BigInteger.valueOf(3).shiftLeft(128))
                .or(BigInteger.TWO.shiftLeft(64)).or(BigInteger.ONE))
            .bytes(new byte[] {9, 8}))
        .bytes();
    assertArrayEquals(expected, Files.readAllBytes(file));
  }

  @Test
  void sectionsLargerThanTheBuffersRoundTrip() throws Exception {
    Random rnd = new Random(5);
    byte[] big = new byte[(3 << 20) + 12345];
    rnd.nextBytes(big);
    long[] limbs = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
    Path file = dir.resolve("big.bin");
    try (BinFileWriter out = BinFileWriter.create(file, "ptau", 1, 3)) {
      out.beginSection(2);
      out.bytes(big, 0, big.length);
      for (int i = 0; i < 100_000; i++) {
        out.u32(i);
        out.limbs(limbs, 0);
      }
      out.endSection();
      out.beginSection(1);
      out.u64(42);
      out.endSection();
      out.beginSection(2);
      out.endSection();
    }
    try (BinFileReader in = BinFileReader.open(file, "ptau", 1, 1)) {
      assertEquals(List.of(2, 1, 2), in.sectionTypes());
      BinFileReader.Section one = in.section(1, "section 1");
      assertEquals(42, one.u64());
      one.expectEnd();
      FormatException twice = assertThrows(FormatException.class, () -> in.section(2, "section 2 (points)"));
      assertEquals(file + ": section 2 (points) appears 2 times; expected once", twice.getMessage());
    }
    // Read the big section back through a file holding only it.
    Path single = dir.resolve("single.bin");
    try (BinFileWriter out = BinFileWriter.create(single, "ptau", 1, 1)) {
      out.beginSection(2);
      out.bytes(big, 0, big.length);
      for (int i = 0; i < 100_000; i++) {
        out.u32(i);
        out.limbs(limbs, 0);
      }
      out.endSection();
    }
    try (BinFileReader in = BinFileReader.open(single, "ptau", 1, 1)) {
      BinFileReader.Section s = in.section(2, "section 2");
      assertEquals(big.length + 100_000L * 36, s.size());
      byte[] head = new byte[1000];
      s.bytes(head, 0, head.length);
      s.skip(big.length - 2000L);
      byte[] tail = new byte[1000];
      s.bytes(tail, 0, tail.length);
      assertArrayEquals(Arrays.copyOf(big, 1000), head);
      assertArrayEquals(Arrays.copyOfRange(big, big.length - 1000, big.length), tail);
      long[] read = new long[4];
      for (int i = 0; i < 100_000; i++) {
        assertEquals(i, s.u32());
        s.limbs(read, 0);
        assertArrayEquals(limbs, read);
      }
      s.expectEnd();
    }
  }

  @Test
  void readerReportsMalformedContainers() throws IOException {
    byte[] okBody = Container.body().u32(1).bytes();
    expectOpenError(new byte[] {'r', '1'}, "is 2 bytes long, too short for a \"r1cs\" file header (12 bytes)");
    expectOpenError(new Container("wtns", 1, 0).bytes(), "expected a \"r1cs\" file, but it starts with \"wtns\"");
    expectOpenError(new Container("r1\0s", 1, 0).bytes(), "expected a \"r1cs\" file, but it starts with \"r1\\x00s\"");
    expectOpenError(new Container("r1cs", 2, 0).bytes(), "\"r1cs\" version 2 is not supported; expected version 1");
    expectOpenError(new Container("r1cs", 1, 2).section(1, Container.body().u32(1)).bytes(),
        "the header announces 2 sections, but the file ends after 1 (at byte 28)");
    expectOpenError(new Container("r1cs", 1, 1).section(1, 5, Container.body().u32(1)).bytes(),
        "section 1 at byte 12 claims 5 bytes, but only 4 bytes follow");
    expectOpenError(new Container("r1cs", 1, 1).section(1, -1, Container.body().u32(1)).bytes(),
        "section 1 at byte 12 claims 18446744073709551615 bytes, but only 4 bytes follow");
    expectOpenError(new Container("r1cs", 1, 1).section(1, Container.body().u32(1)).raw(okBody).bytes(),
        "4 unexpected bytes after the last of 1 sections");
  }

  @Test
  void sectionsReportMissingAndShortData() throws Exception {
    Path file = new Container("r1cs", 1, 1).section(3, Container.body().u32(1).u32(2)).writeTo(dir.resolve("s.r1cs"));
    try (BinFileReader in = BinFileReader.open(file, "r1cs", 1, 1)) {
      assertEquals(file + ": section 1 (header) is missing",
          assertThrows(FormatException.class, () -> in.section(1, "section 1 (header)")).getMessage());
      BinFileReader.Section s = in.section(3, "section 3 (map)");
      assertEquals(1, s.u32());
      assertEquals(file + ": section 3 (map): is 8 bytes long, but its content ends at byte 4",
          assertThrows(FormatException.class, s::expectEnd).getMessage());
      assertEquals(file + ": section 3 (map): ends at byte 8, but a u64 was expected at byte 4",
          assertThrows(FormatException.class, s::u64).getMessage());
      assertEquals(2, s.u32());
      assertThrows(FormatException.class, () -> s.skip(1));
    }
  }

  @Test
  void elementRejectsValuesNotBelowTheModulus() throws Exception {
    Path file = new Container("wtns", 2, 1).section(2, Container.body().fe(Container.R.subtract(BigInteger.ONE))
        .fe(Container.R)).writeTo(dir.resolve("e.wtns"));
    try (BinFileReader in = BinFileReader.open(file, "wtns", 2, 2)) {
      BinFileReader.Section s = in.section(2, "section 2");
      long[] v = new long[4];
      s.element(Bn254.FR, v, 0);
      assertEquals(Container.R.subtract(BigInteger.ONE), Bn254.FR.toBigInteger(v, 0));
      FormatException e = assertThrows(FormatException.class, () -> s.element(Bn254.FR, v, 0));
      assertEquals(file + ": section 2: the value at byte 32 is not below the field modulus " + Container.R,
          e.getMessage());
      assertEquals(file.toString(), e.file());
    }
  }

  @Test
  void writerChecksItsSectionCount() throws IOException {
    BinFileWriter out = BinFileWriter.create(dir.resolve("w.bin"), "r1cs", 1, 2);
    out.beginSection(1);
    assertThrows(IllegalStateException.class, () -> out.beginSection(2));
    out.endSection();
    assertThrows(IllegalStateException.class, out::endSection);
    assertEquals("wrote 1 complete sections of 2 announced",
        assertThrows(IllegalStateException.class, out::close).getMessage());
    assertThrows(IllegalArgumentException.class, () -> BinFileWriter.create(dir.resolve("x"), "r1c", 1, 0));
  }

  private void expectOpenError(byte[] bytes, String message) throws IOException {
    Path file = Files.write(dir.resolve("bad.r1cs"), bytes);
    FormatException e = assertThrows(FormatException.class, () -> BinFileReader.open(file, "r1cs", 1, 1).close());
    assertEquals(file + ": " + message, e.getMessage());
  }
}
