package org.zkml4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.groth16.ceremony.Phase2;
import org.zkml4j.circuit.format.BinFileReader;
import org.zkml4j.circuit.format.FormatException;

/**
 * The size of a powers-of-tau file and whether it is prepared for phase 2, read from its header
 * and section table alone, so that a verb can tell the user that a file is too small or
 * unprepared before it spends minutes and gigabytes reading the points.
 *
 * @param power the file's power: it holds the powers of tau for domains up to 2^power
 * @param prepared whether the Lagrange sections (12 to 15) that circuit setup reads are present
 */
record PtauHeader(int power, boolean prepared) {
  private static final int HEADER = 1;
  private static final int LAGRANGE_TAU_G1 = 12;

  /** Reads the header; the file must be a "ptau" container of version 1. */
  static PtauHeader read(Path file) throws IOException, FormatException {
    try (BinFileReader in = BinFileReader.open(file, "ptau", 1, 1)) {
      BinFileReader.Section header = in.section(HEADER, "section 1 (header)");
      long n8 = header.u32();
      header.skip(n8);
      long power = header.u32();
      if (power < 1 || power > 28) {
        throw header.error("gives power " + power + "; expected 1 to 28");
      }
      return new PtauHeader((int) power, in.has(LAGRANGE_TAU_G1));
    }
  }

  /**
   * Fails, saying what to do, unless the ceremony file is prepared for phase 2 and big enough for
   * the circuit; reads only the file's header.
   *
   * @throws IllegalArgumentException naming the power needed, or the missing preparation
   */
  static void requireFor(R1cs r1cs, Path r1csFile, Path ptauFile) throws IOException, FormatException {
    PtauHeader header = read(ptauFile);
    int needed = Phase2.requiredPtauPower(r1cs);
    if (header.power() < needed) {
      throw new IllegalArgumentException(r1csFile + " has " + r1cs.numConstraints() + " constraints and "
          + r1cs.numPublic() + " public signals, so it needs a ptau of power >= " + needed + "; " + ptauFile
          + " has power " + header.power() + ". Use a bigger ceremony: zkml4j powersoftau new bn128 " + needed
          + " (then contribute, beacon and prepare phase2), or a Hermez powersOfTau28_hez_final_" + needed + ".ptau");
    }
    if (!header.prepared()) {
      throw new IllegalArgumentException(ptauFile + " is not prepared for phase 2; run: zkml4j powersoftau"
          + " prepare phase2 " + ptauFile + " <prepared.ptau>, and use the prepared file");
    }
  }
}
