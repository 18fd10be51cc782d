package org.zkml4j.groth16;

import java.util.Arrays;
import java.util.List;

/**
 * The phase-2 ceremony record of a proving key (snarkjs's "MPC params", section 10 of a .zkey):
 * the hash of the circuit-specific key that {@code zkey new} produced (BLAKE2b-512 over its
 * points), and the contributions made since, oldest first. {@code zkey verify} replays it.
 *
 * @param circuitHash the 64-byte circuit hash (a copy is kept and returned)
 * @param contributions the contributions in order
 */
public record Phase2Contributions(byte[] circuitHash, List<Phase2Contribution> contributions) {
  /** Bytes of the circuit hash. */
  public static final int HASH_BYTES = 64;

  /** @throws IllegalArgumentException if the hash is not 64 bytes */
  public Phase2Contributions {
    if (circuitHash.length != HASH_BYTES) {
      throw new IllegalArgumentException("the circuit hash has " + circuitHash.length + " bytes, expected 64");
    }
    circuitHash = circuitHash.clone();
    contributions = List.copyOf(contributions);
  }

  @Override
  public byte[] circuitHash() {
    return circuitHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phase2Contributions p && Arrays.equals(p.circuitHash, circuitHash)
        && p.contributions.equals(contributions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(circuitHash) * 31 + contributions.hashCode();
  }

  @Override
  public String toString() {
    return "Phase2Contributions[" + contributions.size() + " contributions]";
  }
}
