package org.zkml4j.circuit.format;

import java.io.IOException;
import java.nio.file.Path;
import org.zkml4j.circuit.Witness;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Reads and writes snarkjs's {@code .wtns} witness files (as written by circom's generated witness
 * calculators and {@code snarkjs wtns calculate}), for BN254's scalar field.
 *
 * <p>Container: magic "wtns", version 2 (see {@link BinFileReader}). Sections:
 * <ol>
 *   <li>header: u32 field size n8 (32), the prime r (n8 bytes), u32 nWitness: 40 bytes;
 *   <li>values: nWitness field elements, each its plain n8-byte little-endian value.
 * </ol>
 * Other section types are ignored. The reader checks the header against BN254, the values
 * section's size, that every value is below r, and that wire 0 (the constant 1) is 1. Version 1
 * files (pre-2020 snarkjs) are not supported.
 */
public final class WtnsFile {
  static final int HEADER = 1;
  static final int VALUES = 2;
  private static final PrimeField FR = Bn254.FR;

  private WtnsFile() {}

  /** Reads and validates a .wtns file. */
  public static Witness read(Path file) throws IOException, FormatException {
    try (BinFileReader in = BinFileReader.open(file, "wtns", 2, 2)) {
      BinFileReader.Section header = in.section(HEADER, "section 1 (header)");
      FieldHeader.read(header);
      long n = header.u32();
      header.expectEnd();
      if (n < 1 || n > FieldHeader.MAX_WIRES) {
        throw header.error("nWitness is " + n + "; expected between 1 and " + FieldHeader.MAX_WIRES);
      }
      BinFileReader.Section body = in.section(VALUES, "section 2 (values)");
      if (body.size() != FieldHeader.N8 * n) {
        throw body.error("is " + body.size() + " bytes long; expected 32 bytes for each of the " + n + " wires");
      }
      long[] values = FR.newVector((int) n);
      for (int i = 0; i < n; i++) {
        body.limbs(values, 4 * i);
        if (!FR.isCanonical(values, 4 * i)) {
          throw body.error("wire " + i + " is " + FieldHeader.bigOf(new long[] {values[4 * i], values[4 * i + 1],
              values[4 * i + 2], values[4 * i + 3]}) + ", not below r");
        }
        FR.toMontgomery(values, 4 * i, values, 4 * i);
      }
      if (!FR.isOne(values, 0)) {
        throw body.error("wire 0 (the constant 1) is " + FR.toBigInteger(values, 0) + "; expected 1");
      }
      return Witness.of(values);
    }
  }

  /** Writes a witness as a version 2 .wtns file. */
  public static void write(Witness witness, Path file) throws IOException {
    try (BinFileWriter out = BinFileWriter.create(file, "wtns", 2, 2)) {
      out.beginSection(HEADER);
      FieldHeader.write(out);
      out.u32(witness.size());
      out.endSection();
      out.beginSection(VALUES);
      long[] value = new long[4];
      for (int i = 0; i < witness.size(); i++) {
        witness.get(i, value, 0);
        out.element(FR, value, 0);
      }
      out.endSection();
    }
  }
}
