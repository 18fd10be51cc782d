package org.zkml4j.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.groth16.PhaseTimer;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.Phase2;
import org.zkml4j.groth16.ceremony.PowersOfTau;
import org.zkml4j.groth16.ceremony.Progress;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.PtauWriter;
import org.zkml4j.math.parallel.Parallelism;

/**
 * {@link ZkModel#setup}: powers of tau (cached local ceremony, or a given file), then the
 * circuit's phase 2 with one random contribution; keys of a local setup cached by circuit hash.
 *
 * <p>Cache entries are written to a temporary name and renamed into place, so a crash or two
 * processes setting up at once never leave a half-written file under the final name.
 */
final class LocalSetup {
  private static final String CONTRIBUTOR = "zkml4j local setup";
  /** The largest power BN254's scalar field allows (its 2-adicity). */
  private static final int MAX_POWER = 28;

  private LocalSetup() {}

  static Keys run(ZkModel model, SetupOptions options) throws IOException, FormatException {
    R1cs r1cs = model.r1cs();
    Progress progress = options.progress();
    Path keyDir = null;
    if (options.ptau().isEmpty()) {
      Path cache = options.cacheDirectory().orElseThrow();
      keyDir = cache.resolve("keys").resolve(model.circuitHash().substring(0, 32));
      if (Files.isRegularFile(keyDir.resolve(Keys.ZKEY))) {
        progress.update("reading cached keys", 0, 1);
        try {
          Keys keys = Keys.read(keyDir, Parallelism.shared());
          progress.update("reading cached keys", 1, 1);
          return keys;
        } catch (FormatException e) {
          progress.update("cached keys unreadable, setting up again", 1, 1);
        }
      }
    }
    Accumulator ptau = options.ptau().isPresent() ? givenPtau(options.ptau().get(), model)
        : localPtau(options.cacheDirectory().orElseThrow(), model.ptauPower(), progress);
    PhaseTimer timer = PhaseTimer.start("setup");
    ProvingKey key = Phase2.newZkey(r1cs, ptau, progress);
    timer.lap("new zkey (phase 2)");
    key = Phase2.contribute(key, CONTRIBUTOR, new byte[0], progress);
    timer.lap("contribution");
    Keys keys = Keys.of(key);
    if (keyDir != null) {
      Path tmp = Files.createTempDirectory(mkdirs(keyDir.getParent()), ".keys-");
      keys.save(tmp);
      moveIntoPlace(tmp, keyDir);
    }
    return keys;
  }

  /**
   * The smallest cached local ceremony of at least this power, made (new, one random contribution,
   * prepared) at exactly this power if none is cached. A larger ceremony serves a smaller circuit
   * as well ({@link Phase2#newZkey} takes the Lagrange bases of the circuit's domain out of it), so
   * a program that sets up several circuits makes one ceremony, of the largest power, first.
   */
  private static Accumulator localPtau(Path cache, int power, Progress progress) throws IOException {
    Path dir = cache.resolve("ptau");
    for (int p = power; p <= MAX_POWER; p++) {
      Path file = dir.resolve(ptauName(p));
      if (Files.isRegularFile(file)) {
        try {
          progress.update("reading the cached powers of tau (2^" + p + ")", 0, 1);
          Accumulator acc = PtauReader.read(file);
          if (acc.power() == p && acc.lagrange().isPresent()) {
            return acc;
          }
        } catch (FormatException e) {
          // unreadable cache entry: look further, or make a new one below
        }
      }
    }
    Path file = dir.resolve(ptauName(power));
    Accumulator acc = PowersOfTau.newCeremony(power);
    acc = PowersOfTau.contribute(acc, CONTRIBUTOR, new byte[0], progress);
    acc = PowersOfTau.preparePhase2(acc, progress);
    Path tmp = Files.createTempFile(mkdirs(file.getParent()), ".ptau-", ".tmp");
    PtauWriter.write(acc, tmp);
    moveIntoPlace(tmp, file);
    return acc;
  }

  /** The file name of a cached local ceremony of power {@code p}. */
  static String ptauName(int p) {
    return "local-bn128-" + p + ".ptau";
  }

  private static Accumulator givenPtau(Path file, ZkModel model) throws IOException, FormatException {
    PhaseTimer timer = PhaseTimer.start("setup");
    R1cs r1cs = model.r1cs();
    Accumulator acc = PtauReader.readForSetup(file, Phase2.log2Domain(r1cs), Parallelism.shared());
    timer.lap("ptau read");
    if (acc.power() < model.ptauPower()) {
      throw new FormatException(file, "has power " + acc.power() + "; this circuit (" + r1cs.numConstraints()
          + " constraints, " + r1cs.numPublic() + " public signals) needs a ptau of power >= " + model.ptauPower());
    }
    if (acc.lagrange().isEmpty()) {
      throw new FormatException(file, "is not prepared for phase 2; run: zkml4j powersoftau prepare phase2 " + file
          + " <prepared.ptau>, and use the prepared file");
    }
    return acc;
  }

  private static Path mkdirs(Path dir) throws IOException {
    return Files.createDirectories(dir);
  }

  /** Renames a finished file or directory into place; if another process got there first, keeps theirs. */
  static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteRecursively(tmp);
      if (!Files.exists(target)) {
        throw e;
      }
    }
  }

  static void deleteRecursively(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (var children = Files.list(p)) {
        for (Path c : children.toList()) {
          deleteRecursively(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }
}
