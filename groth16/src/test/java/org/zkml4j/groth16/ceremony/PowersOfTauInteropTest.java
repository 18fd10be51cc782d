package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.PtauWriter;
import org.zkml4j.testkit.Peers;

/**
 * Powers-of-tau ceremonies between zkml4j and snarkjs 0.7.6 (its command line, run by node), at
 * power 7 so the whole class takes seconds: our files pass {@code snarkjs powersoftau verify},
 * snarkjs's pass ours, contributions chain across the two, our phase-2 preparation is byte for
 * byte snarkjs's, and files survive a read/write round trip unchanged.
 */
class PowersOfTauInteropTest {
  private static final int POWER = 7;
  private static final String BEACON = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  @TempDir
  static Path dir;

  @BeforeAll
  static void requireSnarkjs() {
    Peers.assumeAvailable("snarkjs");
  }

  @Test
  void ourCeremonyPassesSnarkjsVerify() throws Exception {
    Accumulator acc = PowersOfTau.newCeremony(POWER);
    acc = PowersOfTau.contribute(acc, "alice", "alice's entropy".getBytes(StandardCharsets.UTF_8), Progress.NONE);
    acc = PowersOfTau.contribute(acc, "bob", new byte[0], Progress.NONE);
    acc = PowersOfTau.beacon(acc, "final beacon", HexFormat.of().parseHex(BEACON), 10, Progress.NONE);
    Path unprepared = dir.resolve("ours.ptau");
    PtauWriter.write(acc, unprepared);
    assertSnarkjsAccepts(unprepared);
    Accumulator prepared = PowersOfTau.preparePhase2(acc, Progress.NONE);
    Path file = dir.resolve("ours-prepared.ptau");
    PtauWriter.write(prepared, file);
    String out = assertSnarkjsAccepts(file);
    assertTrue(!out.contains("does not contain phase2"), out);
    VerificationReport report = PowersOfTau.verify(PtauReader.read(file), Progress.NONE);
    assertTrue(report.valid(), report.toString());
  }

  @Test
  void snarkjsCeremonyPassesOurVerifyAndTakesOurContribution() throws Exception {
    Path p0 = dir.resolve("sj0.ptau");
    Path p1 = dir.resolve("sj1.ptau");
    Path p2 = dir.resolve("sj2.ptau");
    Peers.snarkjsOk("powersoftau", "new", "bn128", String.valueOf(POWER), p0.toString());
    Peers.snarkjsOk("powersoftau", "contribute", p0.toString(), p1.toString(), "--name=carol", "-e=carol's entropy");
    Peers.snarkjsOk("powersoftau", "contribute", p1.toString(), p2.toString(), "--name=dave", "-e=more");
    Accumulator theirs = PtauReader.read(p2);
    assertEquals(2, theirs.contributions().size());
    VerificationReport report = PowersOfTau.verify(theirs, Progress.NONE);
    assertTrue(report.valid(), report.toString());

    Path p3 = dir.resolve("mixed3.ptau");
    PowersOfTau.contribute(p2, p3, "erin", "erin's entropy", Progress.NONE);
    assertSnarkjsAccepts(p3);
    Path p4 = dir.resolve("mixed4.ptau");
    Peers.snarkjsOk("powersoftau", "beacon", p3.toString(), p4.toString(), BEACON, "10", "-n=final");
    assertTrue(PowersOfTau.verify(p4, Progress.NONE).valid());
  }

  @Test
  void phase2PreparationIsByteForByteSnarkjs() throws Exception {
    Path p0 = dir.resolve("prep0.ptau");
    Path p1 = dir.resolve("prep1.ptau");
    Path theirs = dir.resolve("prep-theirs.ptau");
    Path ours = dir.resolve("prep-ours.ptau");
    Peers.snarkjsOk("powersoftau", "new", "bn128", String.valueOf(POWER), p0.toString());
    Peers.snarkjsOk("powersoftau", "contribute", p0.toString(), p1.toString(), "--name=frank", "-e=x");
    Peers.snarkjsOk("powersoftau", "prepare", "phase2", p1.toString(), theirs.toString());
    PowersOfTau.preparePhase2(p1, ours, Progress.NONE);
    assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    assertTrue(PowersOfTau.verify(theirs, Progress.NONE).valid());
  }

  @Test
  void readingAndWritingKeepsSnarkjsFilesIdentical() throws Exception {
    Path p0 = dir.resolve("rt0.ptau");
    Path p1 = dir.resolve("rt1.ptau");
    Path p2 = dir.resolve("rt2.ptau");
    Peers.snarkjsOk("powersoftau", "new", "bn128", "4", p0.toString());
    Peers.snarkjsOk("powersoftau", "contribute", p0.toString(), p1.toString(), "--name=grace", "-e=y");
    Peers.snarkjsOk("powersoftau", "prepare", "phase2", p1.toString(), p2.toString());
    for (Path p : List.of(p0, p1, p2)) {
      Path copy = dir.resolve("copy-" + p.getFileName());
      PtauWriter.write(PtauReader.read(p), copy);
      assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(copy), p.getFileName().toString());
    }
  }

  @Test
  void ourVerifyRejectsAFileWithoutContributionsAsSnarkjsDoes() throws Exception {
    Path file = dir.resolve("empty.ptau");
    PowersOfTau.newCeremony(3, file);
    assertNotEquals(0, Peers.snarkjs("powersoftau", "verify", file.toString()).exitCode());
    VerificationReport report = PowersOfTau.verify(file, Progress.NONE);
    assertTrue(report.reason().orElseThrow().contains("no contributions"), report.toString());
  }

  static String assertSnarkjsAccepts(Path file) {
    String out = Peers.snarkjsOk("powersoftau", "verify", file.toString());
    assertTrue(out.contains("Powers of Tau Ok!"), out);
    return out;
  }
}
