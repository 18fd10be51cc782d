package org.zkml4j.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The model directories whose circuit this zkml4j build has seen compile from their files: one
 * empty-ish file per check, {@code <cache>/verified/<digest>}, where the digest is the SHA-256 of
 * the {@link CompilerIdentity} and of the SHA-256 of each of {@code model.json}, {@code model.onnx},
 * {@code calibration.bin} and {@code circuit.r1cs}.
 *
 * <p>Why this is as safe as recompiling on every open. Compilation is a deterministic function of
 * the code and of those files (the manifest holds every setting). An entry is written only after
 * the circuit was compiled from exactly these bytes by exactly this code and found byte for byte
 * equal to {@code circuit.r1cs}, with the manifest's description of it (inputs, number of public
 * signals: what an open with an entry takes from the manifest) equal to the compiled model's
 * ({@link ModelDirectory#open} without an entry), or when
 * {@link ModelDirectory#save} has just written the files from the model it compiled and read them
 * back to the same compile inputs. So finding the entry proves what a recompilation would: any
 * changed byte in any of the four files, or any rebuild of the compiler, gives another digest, no
 * entry, and the full check (which refuses a mismatch). SHA-256 makes crafting different files with
 * an existing digest infeasible. The files are read once, hashed, and then used from memory, so a
 * file swapped after the check is never the one used. An entry proves nothing by its content,
 * only by its name, and lives in the user's cache beside the cached ceremonies and keys, which
 * setups already trust: whoever can write there can already replace those.
 *
 * <p>Writes are best-effort: a cache that cannot be written only means the next open checks again.
 */
final class VerifiedModels {
  private static final String FOLDER = "verified";

  private final Path folder;

  private VerifiedModels(Path folder) {
    this.folder = folder;
  }

  /** The entries under a cache directory (the one of {@link SetupOptions#defaultCacheDirectory()}). */
  static VerifiedModels in(Path cacheDirectory) {
    return new VerifiedModels(cacheDirectory.resolve(FOLDER));
  }

  /**
   * The digest of one state of a model directory under this build's compiler, from the SHA-256
   * (hex) of each of its files, manifest first; empty when the build has no {@link
   * CompilerIdentity}, in which case nothing is ever trusted. Hashing the files' hashes is as
   * collision-resistant as hashing the files, and each file is hashed once per open.
   */
  static Optional<String> digest(List<String> fileHashes) {
    return CompilerIdentity.digest().map(identity -> {
      MessageDigest sha = ModelDirectory.sha256();
      sha.update("zkml4j verified model directory 1\n".getBytes(StandardCharsets.UTF_8));
      sha.update(identity);
      for (String hash : fileHashes) {
        sha.update(HexFormat.of().parseHex(hash));
      }
      return HexFormat.of().formatHex(sha.digest());
    });
  }

  boolean contains(String digest) {
    return Files.isRegularFile(folder.resolve(digest));
  }

  /** Records a check; says where the directory was, for a person looking at the cache. */
  void add(String digest, Path directory) {
    try {
      Files.createDirectories(folder);
      Path tmp = Files.createTempFile(folder, ".entry-", ".tmp");
      Files.writeString(tmp, directory.toAbsolutePath() + "\n", StandardCharsets.UTF_8);
      LocalSetup.moveIntoPlace(tmp, folder.resolve(digest));
    } catch (IOException | SecurityException e) {
      // unwritable cache: the next open checks again
    }
  }
}
