package org.zkml4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.zkml4j.api.Keys;
import org.zkml4j.api.SetupOptions;
import org.zkml4j.api.ZkModel;
import org.zkml4j.groth16.PhaseTimer;

/** {@code setup <dir> [--ptau <file>]}: the proving and verifying keys of a compiled model. */
final class SetupCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("setup");
  }

  @Override
  public String synopsis() {
    return "<dir> [--ptau <file.ptau>] [--cache <dir>]";
  }

  @Override
  public String summary() {
    return "Make a compiled model's proving and verifying keys";
  }

  @Override
  public String help() {
    return """
        Runs the Groth16 setup of a compiled model and writes its keys into the model directory:
        circuit.zkey (the proving key) and verification_key.json (snarkjs's formats).

        Without --ptau, the powers of tau come from a ceremony run here with one random
        contribution, of the power the circuit needs. The first run of a power takes a while
        (a few minutes of two cores for power 16, the bundled MNIST model's); it is cached in
        ~/.cache/zkml4j/ptau, and the keys in ~/.cache/zkml4j/keys by circuit hash, so the next
        setup of the same circuit takes a second. Uses every processor (limit with
        JAVA_OPTS=-XX:ActiveProcessorCount=N).
        Fine for trying things and for proofs you verify yourself; a verifier who did not run
        the ceremony should not trust it. For that, give a prepared file from a public
        ceremony with --ptau (e.g. a Hermez powersOfTau28_hez_final_NN.ptau, NN >= the power
        'compile' printed). Either way the circuit's own phase gets a random contribution.

        Options:
          --ptau <file.ptau>   a powers-of-tau file prepared for phase 2
          --cache <dir>        the cache for the local ceremony, its keys and the checked model
                               directories (default ~/.cache/zkml4j)

        Examples:
          zkml4j setup lenet
          zkml4j setup lenet --ptau powersOfTau28_hez_final_16.ptau
          Next: zkml4j prove lenet --input models/mnist/digit-7.png -o proof""";
  }

  @Override
  public Set<String> options() {
    return Set.of("ptau", ModelOptions.CACHE);
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(1, 1);
    Path dir = args.path(0);
    Optional<Path> ptau = args.pathOption("ptau");
    if (ptau.isPresent()) {
      ModelOptions.requireFile(ptau.get(), "the --ptau file");
    }
    ZkModel model = ModelOptions.open(dir, args);
    if (ptau.isPresent()) {
      PtauHeader.requireFor(model.r1cs(), dir.resolve("circuit.r1cs"), ptau.get());
    }
    SetupOptions options = ptau.map(SetupOptions::withPtau)
        .orElseGet(() -> SetupOptions.local(ModelOptions.cache(args)));
    terminal.info("Setting up " + dir + " (" + model.r1cs().numConstraints() + " constraints; ceremony power "
        + model.ptauPower() + ", " + options + ")");
    long start = System.nanoTime();
    Keys keys = model.setup(options.progress(terminal::progress));
    terminal.endProgressLine();
    PhaseTimer timer = PhaseTimer.start("setup");
    keys.save(dir);
    timer.lap("write the keys");
    terminal.out().printf(Locale.ROOT, "Wrote %s (%,d bytes) and %s in %.1f s. Next: zkml4j prove %s --input"
        + " <input> -o <proofdir>%n", dir.resolve(Keys.ZKEY), Files.size(dir.resolve(Keys.ZKEY)), Keys.VERIFICATION_KEY,
        (System.nanoTime() - start) / 1e9, dir);
    return ExitCode.OK;
  }
}
