package org.zkml4j.model.compile;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.zkml4j.testkit.Peers;

/**
 * circomlibjs's Poseidon, run by Node.js from the project's {@code interop/} folder: the peer that
 * a hashed tensor's commitment must agree with. Skips the calling test when node or the npm
 * package is missing (the project's test command installs them).
 */
final class Circomlibjs {
  private Circomlibjs() {}

  /** The digest of each vector, as circomlibjs computes the chain {@link TensorCommitment} documents. */
  static List<BigInteger> vectorDigests(List<List<BigInteger>> vectors) {
    Peers.assumeAvailable("circomlibjs");
    List<String> requests = vectors.stream()
        .map(v -> v.stream().map(BigInteger::toString).collect(Collectors.joining(" "))).toList();
    return Peers.runScript(Circomlibjs.class, "circomlibjs-vector.mjs", requests).stream()
        .map(BigInteger::new).toList();
  }
}
