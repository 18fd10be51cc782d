package org.zkml4j.math.poseidon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zkml4j.testkit.Peers;

/**
 * The Grain-derived constants of every width against the ones circomlibjs 0.1.7 ships in its
 * poseidon_constants.json (which circomlib's circuits use too).
 */
class PoseidonConstantsTest {
  @Test
  void everyWidthMatchesCircomlibjs() {
    List<String> requests = new ArrayList<>();
    for (int t = PoseidonConstants.MIN_WIDTH; t <= PoseidonConstants.MAX_WIDTH; t++) {
      requests.add("C " + t);
      requests.add("M " + t);
    }
    Peers.assumeAvailable("circomlibjs");
    List<String> lines = Peers.runScript(getClass(), "circomlibjs-poseidon.mjs", requests);
    for (int t = PoseidonConstants.MIN_WIDTH; t <= PoseidonConstants.MAX_WIDTH; t++) {
      PoseidonConstants c = PoseidonConstants.derive(t);
      int line = 2 * (t - PoseidonConstants.MIN_WIDTH);
      BigInteger[] expectedC = parse(lines.get(line));
      BigInteger[] expectedM = parse(lines.get(line + 1));
      assertEquals((PoseidonConstants.FULL_ROUNDS + c.partialRounds) * t, expectedC.length, "round count, width " + t);
      assertArrayEquals(expectedC, PlainPoseidon.elements(c.roundConstants), "round constants, width " + t);
      assertArrayEquals(expectedM, PlainPoseidon.elements(c.mds), "MDS matrix, width " + t);
    }
  }

  @Test
  void widthsOutsideCircomlibsRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PoseidonConstants.derive(1));
    assertThrows(IllegalArgumentException.class, () -> PoseidonConstants.derive(18));
  }

  private static BigInteger[] parse(String line) {
    return Arrays.stream(line.trim().split(" ")).map(BigInteger::new).toArray(BigInteger[]::new);
  }
}
