package org.zkml4j.groth16.ceremony;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.format.ZkeyWriter;
import org.zkml4j.testkit.Peers;

/**
 * Circuit setup and phase-2 contributions between zkml4j and snarkjs 0.7.6, on a small circom
 * circuit (compiled by circom2) and a power-8 ceremony made by snarkjs: our {@code groth16 setup}
 * is byte for byte snarkjs's, our contributions and beacons pass {@code snarkjs zkey verify}, and
 * snarkjs's pass ours.
 */
class Phase2InteropTest {
  private static final String BEACON = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  @TempDir
  static Path dir;
  static Path r1csFile;
  static Path ptauFile;
  static R1cs r1cs;
  static Accumulator ptau;

  @BeforeAll
  static void prepare() throws Exception {
    Peers.assumeAvailable("snarkjs", "circom2", "circomlib");
    Peers.circom(Peers.resource(Phase2InteropTest.class, "range_cubic.circom"), dir);
    r1csFile = dir.resolve("range_cubic.r1cs");
    r1cs = R1csFile.read(r1csFile);
    Path p0 = dir.resolve("p0.ptau"), p1 = dir.resolve("p1.ptau");
    ptauFile = dir.resolve("p2.ptau");
    Peers.snarkjsOk("powersoftau", "new", "bn128", "8", p0.toString());
    Peers.snarkjsOk("powersoftau", "contribute", p0.toString(), p1.toString(), "--name=phase1", "-e=entropy");
    Peers.snarkjsOk("powersoftau", "prepare", "phase2", p1.toString(), ptauFile.toString());
    ptau = PtauReader.read(ptauFile);
  }

  @Test
  void ourSetupIsByteForByteSnarkjsGroth16Setup() throws Exception {
    Path theirs = dir.resolve("setup-theirs.zkey");
    Path ours = dir.resolve("setup-ours.zkey");
    Peers.snarkjsOk("groth16", "setup", r1csFile.toString(), ptauFile.toString(), theirs.toString());
    Phase2.newZkey(r1csFile, ptauFile, ours, Progress.NONE);
    assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    assertSnarkjsAccepts(ours);
  }

  @Test
  void ourSetupOnOurCeremonyPassesSnarkjsZkeyVerify() throws Exception {
    Accumulator ours = PowersOfTau.newCeremony(7);
    ours = PowersOfTau.contribute(ours, "us", new byte[] {7}, Progress.NONE);
    ours = PowersOfTau.beacon(ours, "beacon", HexFormat.of().parseHex(BEACON), 10, Progress.NONE);
    ours = PowersOfTau.preparePhase2(ours, Progress.NONE);
    Path ourPtau = dir.resolve("ours.ptau");
    org.zkml4j.groth16.format.PtauWriter.write(ours, ourPtau);
    ProvingKey key = Phase2.contribute(Phase2.newZkey(r1cs, ours, Progress.NONE), "us", new byte[0], Progress.NONE);
    Path zkey = dir.resolve("on-our-ptau.zkey");
    ZkeyWriter.write(key, zkey);
    String out = Peers.snarkjsOk("zkey", "verify", r1csFile.toString(), ourPtau.toString(), zkey.toString());
    assertTrue(out.contains("ZKey Ok!"), out);
    assertTrue(Phase2.verify(r1cs, ours, key, Progress.NONE).valid());
    // and the key does not verify against another ceremony
    VerificationReport other = Phase2.verify(r1cs, ptau, key, Progress.NONE);
    assertFalse(other.valid());
    assertTrue(other.reason().orElseThrow().contains("alpha1"), other.toString());
  }

  @Test
  void ourContributionsPassSnarkjsZkeyVerify() throws Exception {
    ProvingKey key = Phase2.newZkey(r1cs, ptau, Progress.NONE);
    key = Phase2.contribute(key, "alice", "alice".getBytes(StandardCharsets.UTF_8), Progress.NONE);
    Path mid = dir.resolve("contrib-ours1.zkey");
    ZkeyWriter.write(key, mid);
    assertSnarkjsAccepts(mid);
    Path theirs = dir.resolve("contrib-theirs2.zkey");
    Peers.snarkjsOk("zkey", "contribute", mid.toString(), theirs.toString(), "--name=bob", "-e=bob");
    ProvingKey mixed = Phase2.beacon(ZkeyReader.read(theirs), "final", HexFormat.of().parseHex(BEACON), 10,
        Progress.NONE);
    Path last = dir.resolve("contrib-ours3.zkey");
    ZkeyWriter.write(mixed, last);
    assertSnarkjsAccepts(last);
    VerificationReport report = Phase2.verify(r1cs, ptau, mixed, Progress.NONE);
    assertTrue(report.valid(), report.toString());
    assertEquals(3, mixed.contributions().orElseThrow().contributions().size());
  }

  @Test
  void snarkjsContributionsPassOurVerify() throws Exception {
    Path z0 = dir.resolve("sj0.zkey"), z1 = dir.resolve("sj1.zkey"), z2 = dir.resolve("sj2.zkey");
    Peers.snarkjsOk("groth16", "setup", r1csFile.toString(), ptauFile.toString(), z0.toString());
    Peers.snarkjsOk("zkey", "contribute", z0.toString(), z1.toString(), "--name=carol", "-e=carol");
    Peers.snarkjsOk("zkey", "beacon", z1.toString(), z2.toString(), BEACON, "10", "-n=final");
    for (Path z : new Path[] {z0, z1, z2}) {
      VerificationReport report = Phase2.verify(r1csFile, ptauFile, z, Progress.NONE);
      assertTrue(report.valid(), z.getFileName() + ": " + report);
    }
  }

  @Test
  void tamperedKeysFailWithTheRightReason() throws Exception {
    ProvingKey key = Phase2.contribute(Phase2.newZkey(r1cs, ptau, Progress.NONE), "dave", new byte[0], Progress.NONE);
    // C divided by the wrong delta: one point replaced by another valid one
    long[] c = Phase2.copy(key.pointsC());
    long[] h = Phase2.copy(key.pointsH());
    System.arraycopy(h, 0, c, 0, 8);
    ProvingKey badC = key.toBuilder().pointsC(c).build();
    assertReason(Phase2.verify(r1cs, ptau, badC, Progress.NONE), "C section");
    // a changed A point
    long[] a = Phase2.copy(key.pointsA());
    System.arraycopy(h, 8, a, 8, 8);
    assertReason(Phase2.verify(r1cs, ptau, key.toBuilder().pointsA(a).build(), Progress.NONE), "A section");
    // delta that does not follow the contribution
    assertReason(Phase2.verify(r1cs, ptau, key.toBuilder().delta1(key.alpha1()).build(), Progress.NONE), "delta1");
  }

  private static void assertReason(VerificationReport report, String expected) {
    assertFalse(report.valid());
    assertTrue(report.reason().orElseThrow().contains(expected), report.toString());
  }

  private static void assertSnarkjsAccepts(Path zkey) {
    String out = Peers.snarkjsOk("zkey", "verify", r1csFile.toString(), ptauFile.toString(), zkey.toString());
    assertTrue(out.contains("ZKey Ok!"), out);
  }
}
