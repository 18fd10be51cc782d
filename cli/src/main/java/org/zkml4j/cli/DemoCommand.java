package org.zkml4j.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.zkml4j.api.BundledMnist;
import org.zkml4j.api.Keys;
import org.zkml4j.api.ModelWitness;
import org.zkml4j.api.ProofBundle;
import org.zkml4j.api.SetupOptions;
import org.zkml4j.api.Verdict;
import org.zkml4j.api.ZkModel;
import org.zkml4j.groth16.ceremony.Progress;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.model.compile.Visibility;

/**
 * {@code demo}: the whole pipeline on the bundled MNIST model, with every setting built in:
 * compile, setup (cached), prove one held-out digit with the image private, verify in Java and
 * with snarkjs, and a table of the time each stage took.
 */
final class DemoCommand implements Command {
  private static final int DEFAULT_DIGIT = 7;

  @Override
  public List<String> names() {
    return List.of("demo");
  }

  @Override
  public String synopsis() {
    return "[--digit 0-9] [--cache <dir>] [-o <dir>] [--threads N]";
  }

  @Override
  public String summary() {
    return "Prove an MNIST classification end to end with the bundled model";
  }

  @Override
  public String help() {
    return """
        Proves, in zero knowledge, that the bundled model models/mnist/lenet.onnx (a small CNN
        trained on MNIST: 776 ReLUs, 97.7% on held-out digits) classifies a held-out handwritten
        digit (models/mnist/digit-<N>.png) as it does, without revealing the image: the image is
        private, the weights are constants of the circuit, the 10 output logits are public.

        Steps, each timed: compile (calibrated on models/mnist/calibration.json), setup (a local
        powers-of-tau ceremony of power 16 and the keys: a few minutes of two cores the first
        time, then read from the cache in a fraction of a second), witness, prove, and verify,
        in Java and, when Node.js and interop/node_modules are installed, with snarkjs.

        Options:
          --digit N        which bundled digit to prove (default 7)
          --cache <dir>    the setup cache (default ~/.cache/zkml4j)
          -o, --out <dir>  keep the model directory (<dir>/model) and the proof (<dir>/proof)
                           there, to continue with 'zkml4j verify' or 'export-verifier'
          --threads N      worker threads for proving (default: every processor)

        Examples:
          ./zkml4j demo
          ./zkml4j demo --digit 3 -o demo-out""";
  }

  @Override
  public Set<String> options() {
    return Set.of("digit", "cache", "o", "out", ModelOptions.THREADS);
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 0);
    int digit = args.intOption("digit", DEFAULT_DIGIT, 0, 9);
    Path cache = args.pathOption("cache").orElseGet(SetupOptions::defaultCacheDirectory);
    Parallelism parallelism = ModelOptions.parallelism(args);
    BundledMnist mnist = BundledMnist.require();
    Optional<Path> keep = ModelOptions.out(args);
    Path work = keep.isPresent() ? Files.createDirectories(keep.get()) : Files.createTempDirectory("zkml4j-demo");
    try {
      return run(mnist, work, digit, cache, parallelism, terminal);
    } finally {
      if (keep.isEmpty()) {
        deleteRecursively(work);
      }
    }
  }

  private int run(BundledMnist mnist, Path work, int digit, Path cache, Parallelism parallelism,
      Terminal terminal) throws Exception {
    PrintStream out = terminal.out();
    Path root = mnist.root();
    Path image = mnist.digit(digit);
    out.println("zkml4j demo: prove that lenet.onnx classifies " + root.relativize(image)
        + " (a held-out handwritten " + digit + ") without revealing the image.");
    List<String[]> times = new ArrayList<>();

    long t = System.nanoTime();
    terminal.info("Compiling " + BundledMnist.MODEL + "...");
    ZkModel model = mnist.compile(Visibility.defaults());
    Path modelDir = work.resolve("model");
    model.save(modelDir);
    t = lap(times, "compile", t, String.format(Locale.ROOT, "%,d constraints",
        model.compiled().circuit().r1cs().numConstraints()));

    terminal.info("Setting up (powers of tau 2^" + model.ptauPower() + ", cache " + cache + ")...");
    boolean[] ceremony = {false};
    Progress progress = (stage, done, total) -> {
      ceremony[0] |= !stage.startsWith("reading cached");
      terminal.progress(stage, done, total);
    };
    Keys keys = model.setup(SetupOptions.local(cache).progress(progress));
    terminal.endProgressLine();
    keys.save(modelDir);
    t = lap(times, "setup", t, ceremony[0] ? "made now and cached in " + cache : "keys read from the cache");

    ModelWitness witness = model.witness(model.readInput(image));
    t = lap(times, "witness", t, "the image stays in the witness");

    terminal.info("Proving...");
    ProofBundle proof = model.prove(keys, witness, parallelism);
    Path proofDir = work.resolve("proof");
    proof.save(proofDir);
    t = lap(times, "prove", t, parallelism.threads() + " threads");

    Verdict verdict = model.check(keys.verifyingKey(), proof, parallelism);
    t = lap(times, "verify", t, "Java: " + (verdict.valid() ? "valid" : "INVALID"));

    Optional<SnarkjsVerifier.Result> snarkjs = SnarkjsVerifier.verify(modelDir.resolve(Keys.VERIFICATION_KEY),
        proofDir.resolve(ProofBundle.PUBLIC), proofDir.resolve(ProofBundle.PROOF));
    if (snarkjs.isPresent()) {
      lap(times, "verify (snarkjs)", t, snarkjs.get().accepted() ? "OK" : "REJECTED");
    }

    out.println();
    out.print("Output logits: " + OutputText.values(List.of(), proof.outputs()).replaceFirst("^output 0: ", ""));
    int predicted = OutputText.predictedClass(proof.outputs());
    out.println("Prediction: " + predicted + (predicted == digit ? " (correct)" : " (the label is " + digit + ")"));
    out.printf(Locale.ROOT, "Proof: 256 bytes (A and C in G1, B in G2; proof.json %,d bytes), %d public signals"
        + " (the logits)%n", Files.size(proofDir.resolve(ProofBundle.PROOF)), proof.publicSignals().size());
    out.println("Verified in Java: " + (verdict.valid() ? "valid" : "INVALID: " + verdict.reason()));
    out.println("Verified by snarkjs: " + snarkjs.map(r -> r.accepted() ? "OK" : "REJECTED: " + r.output())
        .orElse("skipped (" + SnarkjsVerifier.HOW_TO_INSTALL + ")"));
    out.println();
    table(out, times);
    if (!work.getFileName().toString().startsWith("zkml4j-demo")) {
      out.println("Files: " + modelDir + " (model and keys), " + proofDir + " (proof). Try: zkml4j verify " + modelDir
          + " " + proofDir);
    }
    boolean ok = verdict.valid() && snarkjs.map(SnarkjsVerifier.Result::accepted).orElse(true);
    return ok ? ExitCode.OK : ExitCode.INVALID;
  }

  private static long lap(List<String[]> times, String stage, long start, String note) {
    long now = System.nanoTime();
    times.add(new String[] {stage, String.format(Locale.ROOT, "%.2f", (now - start) / 1e9), note});
    return now;
  }

  private static void table(PrintStream out, List<String[]> rows) {
    int w0 = "stage".length(), w1 = "seconds".length();
    for (String[] r : rows) {
      w0 = Math.max(w0, r[0].length());
      w1 = Math.max(w1, r[1].length());
    }
    String format = "%-" + w0 + "s  %" + w1 + "s  %s";
    out.println(String.format(Locale.ROOT, format, "stage", "seconds", "").stripTrailing());
    for (String[] r : rows) {
      out.println(String.format(Locale.ROOT, format, r[0], r[1], r[2]));
    }
  }

  private static void deleteRecursively(Path p) throws java.io.IOException {
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
