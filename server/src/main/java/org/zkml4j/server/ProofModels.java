package org.zkml4j.server;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.zkml4j.api.BundledMnist;
import org.zkml4j.api.Keys;
import org.zkml4j.api.SetupOptions;
import org.zkml4j.api.ZkModel;
import org.zkml4j.groth16.ceremony.Progress;
import org.zkml4j.groth16.format.VerificationKeyJson;
import org.zkml4j.model.compile.Visibility;

/**
 * The two circuits the demo proves with, compiled from the bundled model and set up at start-up:
 * the image private, the weights fixed, the 10 scores public; and the same with the image
 * {@linkplain Visibility.Exposure#HASHED hashed}, so the proof also publishes the Poseidon
 * commitment of the quantized image (public signal 10, after the scores).
 *
 * <p>The committed circuit is larger (the Poseidon sponge over 784 values), and needs a ceremony
 * one power higher; it is set up first, so that the plain circuit reuses that one ceremony
 * instead of making a second, smaller one.
 */
final class ProofModels {
  /** One circuit and its keys. */
  record Variant(boolean commit, ZkModel model, Keys keys, String verificationKeyJson) {
    int publicSignals() {
      return model.compiled().circuit().r1cs().numPublic();
    }

    int constraints() {
      return model.compiled().circuit().r1cs().numConstraints();
    }
  }

  private final Variant plain;
  private final Variant committed;

  private ProofModels(Variant plain, Variant committed) {
    this.plain = plain;
    this.committed = committed;
  }

  static ProofModels setUp(BundledMnist mnist, Path cache, Progress progress, Consumer<String> log) throws Exception {
    log.accept("Compiling " + BundledMnist.MODEL + " twice: the image private, and private with its commitment public...");
    ZkModel plainModel = mnist.compile(Visibility.defaults());
    ZkModel commitModel = mnist.compile(new Visibility(Visibility.Exposure.HASHED, Visibility.Weights.FIXED,
        Visibility.Exposure.PUBLIC));
    log.accept(String.format(Locale.ROOT, "Setting up both circuits (%,d and %,d constraints) on one local powers-of-tau"
        + " ceremony of 2^%d, cached in %s: the first start takes minutes, later starts seconds...",
        plainModel.compiled().circuit().r1cs().numConstraints(), commitModel.compiled().circuit().r1cs().numConstraints(),
        Math.max(plainModel.ptauPower(), commitModel.ptauPower()), cache));
    SetupOptions options = SetupOptions.local(cache).progress(progress);
    Variant committed = variant(true, commitModel, options);
    Variant plain = variant(false, plainModel, options);
    return new ProofModels(plain, committed);
  }

  /**
   * Proves one image on each circuit and throws the proofs away: a fresh JVM's first proofs run
   * before the JIT has compiled the prover's hot loops (several times slower), and this way the
   * first visitor does not pay for that.
   */
  void warmUp(Path image) throws Exception {
    for (Variant v : new Variant[] {plain, committed}) {
      v.model().prove(v.keys(), v.model().readInput(image));
    }
  }

  private static Variant variant(boolean commit, ZkModel model, SetupOptions options) throws Exception {
    Keys keys = model.setup(options);
    return new Variant(commit, model, keys, VerificationKeyJson.toJson(keys.verifyingKey()));
  }

  Variant get(boolean commit) {
    return commit ? committed : plain;
  }

  /** The variant whose proofs have this many public signals, or null. */
  Variant byPublicSignals(int count) {
    return count == plain.publicSignals() ? plain : count == committed.publicSignals() ? committed : null;
  }
}
