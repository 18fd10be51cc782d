package org.zkml4j.groth16.format;

import java.io.IOException;
import java.nio.file.Path;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.circuit.format.WtnsFile;
import org.zkml4j.groth16.Groth16;
import org.zkml4j.groth16.ProverOutput;
import org.zkml4j.groth16.ProvingKey;

/**
 * Proving from files, as {@code snarkjs groth16 prove circuit.zkey witness.wtns} does: reads and
 * checks the proving key and the witness, then proves with {@link Groth16#prove}. Write the result
 * with {@link ProofJson} and {@link PublicSignalsJson}.
 */
public final class FileProver {
  private FileProver() {}

  /**
   * @throws FormatException if either file is malformed, or the witness does not have the key's
   *     nVars values
   */
  public static ProverOutput prove(Path zkey, Path wtns) throws IOException, FormatException {
    ProvingKey pk = ZkeyReader.read(zkey);
    Witness witness = WtnsFile.read(wtns);
    if (witness.size() != pk.nVars()) {
      throw new FormatException(wtns, "holds " + witness.size() + " values, but the proving key " + zkey
          + " is for nVars = " + pk.nVars() + " signals: witness and key are of different circuits");
    }
    return Groth16.prove(pk, witness);
  }
}
