package org.zkml4j.circuit.format;

import java.io.IOException;
import java.nio.file.Path;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csBuilder;
import org.zkml4j.circuit.SparseMatrix;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Reads and writes circom's {@code .r1cs} files (iden3/r1csfile, as circom 2 and snarkjs 0.7 use
 * them), for BN254's scalar field.
 *
 * <p>Container: magic "r1cs", version 1 (see {@link BinFileReader}). Sections, in any order:
 * <ol>
 *   <li>header: u32 field size n8 (32), the prime r (n8 bytes), u32 nWires, u32 nPubOut, u32
 *       nPubIn, u32 nPrvIn, u64 nLabels, u32 mConstraints: 64 bytes;
 *   <li>constraints: for each constraint, A then B then C, each as u32 term count followed by
 *       the terms (u32 wire, n8-byte coefficient);
 *   <li>wire-to-label map: u64 label per wire;
 *   <li>and 5: custom gates (PLONK only); rejected, since Groth16 cannot prove them.
 * </ol>
 * Other section types are ignored, as the format's specification asks. Coefficients are stored as
 * their plain little-endian value (r1csfile converts them with {@code Fr.fromRprLE}, which puts
 * them into Montgomery form in memory), unlike {@code .zkey} files, which store Montgomery forms.
 *
 * <p>The reader checks the header against BN254 (n8 = 32, prime = r), every section's size, that
 * wires are in range and coefficients below r, and everything {@link R1csBuilder#build()} checks;
 * a wire repeated within one linear combination is rejected because tools disagree on its
 * meaning.
 */
public final class R1csFile {
  static final int HEADER = 1;
  static final int CONSTRAINTS = 2;
  static final int WIRE_TO_LABEL = 3;
  static final int CUSTOM_GATES_LIST = 4;
  static final int CUSTOM_GATES_USES = 5;
  private static final int N8 = FieldHeader.N8;
  private static final int MAX_WIRES = FieldHeader.MAX_WIRES;
  private static final PrimeField FR = Bn254.FR;

  private R1csFile() {}

  /** Reads and validates an .r1cs file. */
  public static R1cs read(Path file) throws IOException, FormatException {
    try (BinFileReader in = BinFileReader.open(file, "r1cs", 1, 1)) {
      if (in.has(CUSTOM_GATES_LIST) || in.has(CUSTOM_GATES_USES)) {
        throw in.error("uses custom gates (sections 4 and 5), a PLONK feature that Groth16 cannot prove;"
            + " compile the circuit without custom templates");
      }
      BinFileReader.Section header = in.section(HEADER, "section 1 (header)");
      FieldHeader.read(header);
      long nWires = header.u32();
      long nOutputs = header.u32();
      long nPubInputs = header.u32();
      long nPrvInputs = header.u32();
      long nLabels = header.u64();
      long nConstraints = header.u32();
      header.expectEnd();
      if (nWires < 1 || nWires > MAX_WIRES) {
        throw header.error("nWires is " + nWires + "; expected between 1 and " + MAX_WIRES);
      }
      if (1 + nOutputs + nPubInputs + nPrvInputs > nWires) {
        throw header.error("1 + " + nOutputs + " outputs + " + nPubInputs + " public inputs + " + nPrvInputs
            + " private inputs exceed the " + nWires + " wires");
      }
      if (nLabels < nWires) {
        throw header.error("nLabels is " + Long.toUnsignedString(nLabels) + "; expected at least nWires = " + nWires);
      }
      R1csBuilder builder = new R1csBuilder((int) nOutputs, (int) nPubInputs, (int) nPrvInputs).numWires((int) nWires);
      readConstraints(in.section(CONSTRAINTS, "section 2 (constraints)"), builder, (int) nWires, nConstraints);
      builder.labels(nLabels, readLabels(in.section(WIRE_TO_LABEL, "section 3 (wire-to-label map)"), (int) nWires));
      try {
        return builder.build();
      } catch (IllegalStateException e) {
        throw in.error(e.getMessage());
      }
    }
  }

  private static void readConstraints(BinFileReader.Section in, R1csBuilder builder, int nWires, long nConstraints)
      throws IOException, FormatException {
    long[] coefficient = new long[4];
    for (long i = 0; i < nConstraints; i++) {
      for (R1cs.Matrix m : R1cs.Matrix.values()) {
        long count = in.u32();
        if (count > in.remaining() / (4 + N8)) {
          throw in.error("constraint " + i + " of " + nConstraints + ", " + m + ": " + count
              + " terms announced, but only " + in.remaining() + " bytes remain");
        }
        for (long t = 0; t < count; t++) {
          long wire = in.u32();
          if (wire >= nWires) {
            throw in.error("constraint " + i + ", " + m + ", term " + t + ": wire " + wire
                + " is out of range; the header declares " + nWires + " wires");
          }
          in.limbs(coefficient, 0);
          if (!FR.isCanonical(coefficient, 0)) {
            throw in.error("constraint " + i + ", " + m + ", term " + t + ": coefficient " + FieldHeader.bigOf(coefficient)
                + " is not below r");
          }
          FR.toMontgomery(coefficient, 0, coefficient, 0);
          builder.term(m, (int) wire, coefficient, 0);
        }
      }
      builder.endConstraint();
    }
    if (in.remaining() != 0) {
      throw in.error("holds " + in.remaining() + " bytes after the " + nConstraints
          + " constraints the header declares");
    }
  }

  private static long[] readLabels(BinFileReader.Section in, int nWires) throws IOException, FormatException {
    if (in.size() != 8L * nWires) {
      throw in.error("is " + in.size() + " bytes long; expected 8 bytes for each of the " + nWires + " wires");
    }
    long[] labels = new long[nWires];
    for (int i = 0; i < nWires; i++) {
      labels[i] = in.u64();
    }
    return labels;
  }

  /** Writes an R1CS as an .r1cs file (sections 1, 2, 3 in that order, as circom's tools do). */
  public static void write(R1cs r1cs, Path file) throws IOException {
    try (BinFileWriter out = BinFileWriter.create(file, "r1cs", 1, 3)) {
      out.beginSection(HEADER);
      FieldHeader.write(out);
      out.u32(r1cs.numWires());
      out.u32(r1cs.numOutputs());
      out.u32(r1cs.numPublicInputs());
      out.u32(r1cs.numPrivateInputs());
      out.u64(r1cs.numLabels());
      out.u32(r1cs.numConstraints());
      out.endSection();

      out.beginSection(CONSTRAINTS);
      long[] coefficient = new long[4];
      SparseMatrix[] matrices = {r1cs.a(), r1cs.b(), r1cs.c()};
      for (int i = 0; i < r1cs.numConstraints(); i++) {
        for (SparseMatrix m : matrices) {
          out.u32(m.rowEnd(i) - m.rowStart(i));
          for (int k = m.rowStart(i); k < m.rowEnd(i); k++) {
            out.u32(m.wire(k));
            m.coefficient(k, coefficient, 0);
            out.element(FR, coefficient, 0);
          }
        }
      }
      out.endSection();

      out.beginSection(WIRE_TO_LABEL);
      for (int w = 0; w < r1cs.numWires(); w++) {
        out.u64(r1cs.wireLabel(w));
      }
      out.endSection();
    }
  }
}
