package org.zkml4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.zkml4j.api.Keys;
import org.zkml4j.api.ModelInput;
import org.zkml4j.api.ModelWitness;
import org.zkml4j.api.ProofBundle;
import org.zkml4j.api.ZkModel;
import org.zkml4j.circuit.witness.WitnessException;
import org.zkml4j.math.parallel.Parallelism;

/** {@code prove <dir> --input <file> -o <proofdir>}: run the model on an input and prove it. */
final class ProveCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("prove");
  }

  @Override
  public String synopsis() {
    return "<dir> --input <input.json|image.png> -o <proofdir> [--threads N]";
  }

  @Override
  public String summary() {
    return "Run a compiled model on an input and prove the result";
  }

  @Override
  public String help() {
    return """
        Runs a compiled model (after 'setup') on one input in the circuit's exact integer
        arithmetic, proves the inference, and writes the proof directory: proof.json and
        public.json (snarkjs's formats) and output.json ({"output_data": [[...]]}, the outputs
        as real numbers). Prints the outputs and the predicted class.

        The input is JSON, ezkl's {"input_data": [[...]]} or a (nested) array of numbers, one
        value per element of the model's input; or an image (PNG, JPEG...), read as grayscale
        or RGB by the model's input shape, resized to it if needed, pixel / 255.

        Options:
          --input <file>      the input
          -o, --out <dir>     the proof directory to write
          --threads N         worker threads for proving (default: every processor)
          --cache <dir>       where zkml4j remembers the model directories it checked
                              (default ~/.cache/zkml4j)

        Examples:
          zkml4j prove lenet --input models/mnist/digit-7.png -o proof
          zkml4j prove lenet --input models/mnist/digit-7.json -o proof --threads 2
          Next: zkml4j verify lenet proof""";
  }

  @Override
  public Set<String> options() {
    return Set.of("input", "o", "out", ModelOptions.THREADS, ModelOptions.CACHE);
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(1, 1);
    Path dir = args.path(0);
    Path inputFile = args.pathOption("input")
        .orElseThrow(() -> new UsageException("say which input to prove with --input <input.json|image.png>"));
    Path proofDir = ModelOptions.requireOut(args, "the proof");
    Parallelism parallelism = ModelOptions.parallelism(args);
    ModelOptions.requireFile(inputFile, "the --input file");
    ZkModel model = ModelOptions.open(dir, args);
    ModelInput input = model.readInput(inputFile);
    // The proving key is read on another thread while this one compiles the model's witness generator.
    requireKeys(dir);
    FutureTask<Keys> keys = new FutureTask<>(() -> Keys.read(dir, parallelism));
    Thread.ofPlatform().daemon().name("zkml4j-read-zkey").start(keys);
    long start = System.nanoTime();
    ModelWitness witness = witness(model, input, inputFile);
    long witnessDone = System.nanoTime();
    terminal.info("Proving (" + model.r1cs().numConstraints() + " constraints, " + parallelism.threads()
        + " threads)...");
    ProofBundle proof = model.prove(result(keys), witness, parallelism);
    long proveDone = System.nanoTime();
    proof.save(proofDir);
    var out = terminal.out();
    out.print(OutputText.values(model.compiled().graph().outputs(), proof.outputs()));
    int predicted = OutputText.predictedClass(proof.outputs());
    if (predicted >= 0) {
      out.println("Predicted class: " + predicted);
    }
    out.printf(Locale.ROOT, "Witness %.2f s, proof %.2f s. Wrote %s, %s and %s in %s%n", (witnessDone - start) / 1e9,
        (proveDone - witnessDone) / 1e9, ProofBundle.PROOF, ProofBundle.PUBLIC, ProofBundle.OUTPUT, proofDir);
    return ExitCode.OK;
  }

  /** The value of a task run on another thread, or what it threw. */
  private static <T> T result(FutureTask<T> task) throws Exception {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Fails, saying to run setup, unless the model directory has a proving key. */
  private static void requireKeys(Path dir) {
    if (!Files.isRegularFile(dir.resolve(Keys.ZKEY))) {
      throw new IllegalArgumentException(dir + " has no keys yet (" + Keys.ZKEY + "): run zkml4j setup " + dir
          + " first");
    }
  }

  /** The witness; an input outside the compiled range is the user's to fix, so it is an input error. */
  static ModelWitness witness(ZkModel model, ModelInput input, Path source) {
    try {
      return model.witness(input);
    } catch (WitnessException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }
}
