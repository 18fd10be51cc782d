package org.zkml4j.groth16;

import java.math.BigInteger;
import java.util.List;

/**
 * What the prover returns: the proof and the public signals it proves (wires 1 to nPublic:
 * outputs, then public inputs), as snarkjs returns proof.json and public.json.
 */
public record ProverOutput(Proof proof, List<BigInteger> publicSignals) {
  public ProverOutput {
    publicSignals = List.copyOf(publicSignals);
  }
}
