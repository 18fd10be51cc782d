package org.zkml4j.groth16.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.QapCoefficients;
import org.zkml4j.groth16.testing.SnarkjsFixture;
import org.zkml4j.math.field.Bn254;

/**
 * Coefficient tables survive writing and reading, including the values' double Montgomery
 * encoding: random entries (any row of the domain, any signal, values anywhere in [0, r),
 * including 0, 1 and r - 1) put into a snarkjs key, written, read back.
 */
class ZkeyRoundTripTest {
  private static final BigInteger R = Bn254.R_MODULUS;

  @Property(tries = 25)
  void coefficientsRoundTrip(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> seeds,
      @ForAll @IntRange(min = 0, max = 3) int edge) throws Exception {
    ProvingKey base = ZkeyReader.read(SnarkjsFixture.multiplier().zkey());
    int n = seeds.size();
    int[] matrix = new int[n], rows = new int[n], signals = new int[n];
    long[] values = new long[4 * n];
    BigInteger[] expected = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      int s = seeds.get(i);
      matrix[i] = s & 1;
      rows[i] = (s >>> 1) % base.domainSize();
      signals[i] = (s >>> 5) % base.nVars();
      expected[i] = switch ((edge + i) % 4) {
        case 0 -> BigInteger.ZERO;
        case 1 -> R.subtract(BigInteger.ONE);
        case 2 -> BigInteger.ONE;
        default -> BigInteger.valueOf(s).pow(9).mod(R);
      };
      Bn254.FR.fromBigInteger(values, 4 * i, expected[i]);
    }
    ProvingKey key = base.toBuilder().coefficients(QapCoefficients.of(matrix, rows, signals, values)).build();
    Path file = Files.createTempFile("roundtrip", ".zkey");
    try {
      ZkeyWriter.write(key, file);
      QapCoefficients read = ZkeyReader.read(file).coefficients();
      assertEquals(n, read.size());
      long[] v = new long[4];
      for (int i = 0; i < n; i++) {
        read.value(i, v, 0);
        assertEquals(List.of(matrix[i], rows[i], signals[i], expected[i]),
            List.of(read.matrix(i), read.constraint(i), read.signal(i), Bn254.FR.toBigInteger(v, 0)));
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
