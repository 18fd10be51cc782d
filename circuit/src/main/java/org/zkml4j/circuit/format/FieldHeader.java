package org.zkml4j.circuit.format;

import java.io.IOException;
import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;

/**
 * The "u32 n8, then the prime in n8 little-endian bytes" pair that opens the header of .r1cs and
 * .wtns files; zkml4j accepts only BN254's scalar field (n8 = 32, prime = r).
 */
final class FieldHeader {
  static final int N8 = 32;
  /** Wires a witness vector can hold: 4 longs per wire in one Java array. */
  static final int MAX_WIRES = (Integer.MAX_VALUE - 8) / 4;
  private static final long[] R_LIMBS = limbsOf(Bn254.R_MODULUS);

  private FieldHeader() {}

  /** Reads n8 and the prime and checks that they describe BN254's Fr. */
  static void read(BinFileReader.Section in) throws IOException, FormatException {
    long n8 = in.u32();
    if (n8 != N8) {
      throw in.error("field size is " + n8 + " bytes; expected 32 (BN254's scalar field)");
    }
    long[] limbs = new long[4];
    in.limbs(limbs, 0);
    BigInteger prime = bigOf(limbs);
    if (!prime.equals(Bn254.R_MODULUS)) {
      throw in.error("prime is " + prime + "; expected BN254's scalar field order " + Bn254.R_MODULUS);
    }
  }

  static void write(BinFileWriter out) throws IOException {
    out.u32(N8);
    out.limbs(R_LIMBS, 0);
  }

  /** The unsigned integer of four little-endian limbs. */
  static BigInteger bigOf(long[] limbs) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return v;
  }

  private static long[] limbsOf(BigInteger v) {
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = v.shiftRight(64 * i).longValue();
    }
    return limbs;
  }
}
