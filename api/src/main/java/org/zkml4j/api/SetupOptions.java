package org.zkml4j.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.zkml4j.groth16.ceremony.Progress;

/**
 * Where {@link ZkModel#setup} gets its powers of tau, and whether it caches.
 *
 * <ul>
 *   <li>{@link #local()}: a powers-of-tau ceremony run here, with one random contribution, of the
 *       power the circuit needs, cached by power under {@code <cache>/ptau} (a cached ceremony of a
 *       higher power is used as it is: one ceremony serves every smaller circuit); the keys are cached too,
 *       under {@code <cache>/keys/<circuit hash>}, so the next setup of the same circuit takes
 *       seconds. No download. Right for trying things out and for a prover who is also the
 *       verifier: whoever ran the ceremony could have kept its secrets (zkml4j does not), so a
 *       verifier who did not run it should not rely on its proofs.
 *   <li>{@link #withPtau}: a prepared ceremony file from a public multi-party ceremony (such as a
 *       Hermez {@code powersOfTau28_hez_final_NN.ptau}); no caching.
 * </ul>
 * Either way the circuit-specific phase gets one random contribution, so its secret delta is known
 * to no one. Immutable.
 */
public final class SetupOptions {
  private final Path cacheDirectory;
  private final Path ptau;
  private final Progress progress;

  private SetupOptions(Path cacheDirectory, Path ptau, Progress progress) {
    this.cacheDirectory = cacheDirectory;
    this.ptau = ptau;
    this.progress = progress;
  }

  /** A local ceremony, cached under {@link #defaultCacheDirectory()}. */
  public static SetupOptions local() {
    return local(defaultCacheDirectory());
  }

  /** A local ceremony, cached under the given directory (created if needed). */
  public static SetupOptions local(Path cacheDirectory) {
    return new SetupOptions(Objects.requireNonNull(cacheDirectory, "cacheDirectory"), null, Progress.NONE);
  }

  /** A prepared powers-of-tau file ({@code powersoftau prepare phase2}) of at least {@link ZkModel#ptauPower()}. */
  public static SetupOptions withPtau(Path preparedPtau) {
    return new SetupOptions(null, Objects.requireNonNull(preparedPtau, "preparedPtau"), Progress.NONE);
  }

  /** The same options reporting the long steps (ceremony, key generation) to {@code progress}. */
  public SetupOptions progress(Progress progress) {
    return new SetupOptions(cacheDirectory, ptau, Objects.requireNonNull(progress, "progress"));
  }

  /** {@code ~/.cache/zkml4j}. */
  public static Path defaultCacheDirectory() {
    return Path.of(System.getProperty("user.home"), ".cache", "zkml4j");
  }

  /** The cache, for a local ceremony. */
  public Optional<Path> cacheDirectory() {
    return Optional.ofNullable(cacheDirectory);
  }

  /** The ceremony file, if one was given. */
  public Optional<Path> ptau() {
    return Optional.ofNullable(ptau);
  }

  public Progress progress() {
    return progress;
  }

  @Override
  public String toString() {
    return ptau != null ? "SetupOptions(ptau " + ptau + ")" : "SetupOptions(local, cache " + cacheDirectory + ")";
  }
}
