package org.zkml4j.math.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The permutation and sponge under the FIPS 202 padding (domain byte 0x06) against the JDK's own
 * SHA3-224/256/384/512, which cover four rates (144, 136, 104 and 72 bytes): an independent check
 * of Keccak-f[1600] and of block handling, since Keccak-256 differs from SHA3-256 only in that
 * byte.
 */
class KeccakSpongeTest {
  private static final int[] BITS = {224, 256, 384, 512};

  @Property(tries = 300)
  void sha3FamilyMatchesTheJdk(@ForAll @Size(max = 600) byte[] message, @ForAll @IntRange(min = 0, max = 3) int variant,
      @ForAll @IntRange(min = 1, max = 200) int step) throws NoSuchAlgorithmException {
    int bits = BITS[variant];
    KeccakSponge sponge = new KeccakSponge(200 - bits / 4, (byte) 0x06, bits / 8);
    for (int from = 0; from < message.length; from += step) {
      sponge.update(message, from, Math.min(step, message.length - from));
    }
    assertArrayEquals(MessageDigest.getInstance("SHA3-" + bits).digest(message), sponge.digest(), "SHA3-" + bits);
  }
}
