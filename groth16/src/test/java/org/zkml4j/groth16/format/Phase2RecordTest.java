package org.zkml4j.groth16.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkml4j.groth16.Phase2Contribution;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.testing.SnarkjsFixture;

/** Section 10 as snarkjs writes it after a contribution and a beacon, read, re-encoded and rewritten. */
class Phase2RecordTest {
  @TempDir
  Path tmp;

  @Test
  void beaconAfterContributionIsReadAndRewrittenExactly() throws Exception {
    SnarkjsFixture.Circuit c = SnarkjsFixture.multiplier();
    Path beacon = tmp.resolve("beacon.zkey");
    String hash = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    SnarkjsFixture.snarkjs("zkey", "beacon", c.zkey().toString(), beacon.toString(), hash, "10", "-n=final beacon");

    ProvingKey pk = ZkeyReader.read(beacon);
    List<Phase2Contribution> list = pk.contributions().orElseThrow().contributions();
    assertEquals(2, list.size());
    Phase2Contribution first = list.get(0), last = list.get(1);
    assertEquals(Phase2Contribution.TYPE_RANDOM, first.type());
    assertEquals("fixture", first.name().orElseThrow());
    assertTrue(first.beaconHash().isEmpty());
    assertEquals(Phase2Contribution.TYPE_BEACON, last.type());
    assertEquals("final beacon", last.name().orElseThrow());
    assertEquals(10, last.numIterationsExp().orElseThrow());
    assertArrayEquals(HexFormat.of().parseHex(hash), last.beaconHash().orElseThrow());
    assertArrayEquals(pk.delta1(), last.deltaAfter());
    assertArrayEquals(ZkeyReader.read(c.zkey()).contributions().orElseThrow().circuitHash(),
        pk.contributions().orElseThrow().circuitHash());

    assertArrayEquals(first.parameters(), Phase2Contribution.encodeParameters("fixture", 0, null));
    assertArrayEquals(last.parameters(),
        Phase2Contribution.encodeParameters("final beacon", 10, HexFormat.of().parseHex(hash)));

    Path copy = tmp.resolve("copy.zkey");
    ZkeyWriter.write(pk, copy);
    assertEquals(-1L, Files.mismatch(beacon, copy));
    String verify = SnarkjsFixture.snarkjs("zkey", "verify", c.r1cs().toString(), SnarkjsFixture.ptauFile().toString(),
        copy.toString());
    assertTrue(verify.contains("ZKey Ok!"), verify);
  }

  @Test
  void malformedParametersAreRejected() {
    long[] g1 = org.zkml4j.math.field.Bn254.FQ.newVector(2);
    byte[] transcript = new byte[64];
    assertThrows(IllegalArgumentException.class,
        () -> Phase2Contribution.of(g1, g1, g1, new long[16], transcript, 0, new byte[] {4, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> Phase2Contribution.of(g1, g1, g1, new long[16], transcript, 0, new byte[] {1, 5, 'a'}));
    assertThrows(IllegalArgumentException.class,
        () -> Phase2Contribution.of(g1, g1, g1, new long[16], new byte[63], 0, new byte[0]));
    Phase2Contribution empty = Phase2Contribution.of(g1, g1, g1, new long[16], transcript, 0, new byte[0]);
    assertTrue(empty.name().isEmpty() && empty.numIterationsExp().isEmpty());
  }
}
