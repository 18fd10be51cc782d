package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.zkml4j.api.ZkModel;
import org.zkml4j.api.ZkModelBuilder;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.onnx.OnnxException;
import org.zkml4j.model.quant.QuantizationException;
import org.zkml4j.model.quant.QuantizationOptions;

/** {@code compile <model.onnx> -o <dir>}: an ONNX model to a circuit, saved as a model directory. */
final class CompileCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("compile");
  }

  @Override
  public String synopsis() {
    return "<model.onnx> -o <dir> [--calibration <data.json>] [--input=private|public|hashed]"
        + " [--weights=fixed|private|hashed] [--output=public|private|hashed] [--optimize=accuracy|size]";
  }

  @Override
  public String summary() {
    return "Compile an ONNX model to a circuit (a model directory)";
  }

  @Override
  public String help() {
    return """
        Imports an ONNX model, chooses fixed-point scales from calibration inputs, and compiles
        it to an R1CS circuit whose proofs show that the outputs came from this model on some
        input. Writes a model directory: model.json (settings, provenance, signal layout),
        model.onnx, calibration.bin and circuit.r1cs (circom's format). Prints the circuit's
        size, the ceremony power its setup needs, and how closely the integer model follows
        the float one on the calibration inputs.

        Arguments and options:
          <model.onnx>                the model (fixed input shapes; see the model module for
                                      the operators it takes)
          -o, --out <dir>             the model directory to write
          --cache <dir>               where zkml4j remembers the model directories it checked,
                                      so that setup and prove need not recompile to check
                                      this one (default ~/.cache/zkml4j)
        """ + ModelOptions.COMPILE_HELP.indent(2) + """

        Examples:
          zkml4j compile models/mnist/lenet.onnx -o lenet
          zkml4j compile model.onnx -o out --calibration samples.json --weights=hashed --optimize=size
          Next: zkml4j setup lenet""";
  }

  @Override
  public Set<String> options() {
    Set<String> s = new HashSet<>(ModelOptions.COMPILE);
    s.addAll(ModelOptions.OUT);
    s.add(ModelOptions.CACHE);
    return s;
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(1, 1);
    Path onnx = args.path(0);
    Path dir = ModelOptions.requireOut(args, "the model directory");
    ModelOptions.requireFile(onnx, "the model");
    ZkModel model = compile(onnx, args, terminal);
    model.save(dir, ModelOptions.cache(args));
    R1cs r1cs = model.compiled().circuit().r1cs();
    var out = terminal.out();
    out.printf(Locale.ROOT, "Compiled %s (%s): %,d constraints, %,d wires, %d public signals (%s)%n",
        onnx.getFileName(), model.visibility(), r1cs.numConstraints(), r1cs.numWires(), r1cs.numPublic(),
        String.join(", ", model.compiled().publicSignalNames()));
    out.print("Fidelity on the calibration inputs: " + model.fidelity(model.calibrationSamples()).format());
    out.println("Setup needs a powers-of-tau ceremony of power " + model.ptauPower() + ".");
    out.println("Wrote " + dir + ". Next: zkml4j setup " + dir);
    return ExitCode.OK;
  }

  /**
   * Loads, calibrates (the given data, or calibration.json beside the model) and compiles; what
   * {@code inspect} does with an ONNX file too.
   */
  static ZkModel compile(Path onnx, Arguments args, Terminal terminal) throws Exception {
    Visibility visibility = ModelOptions.visibility(args);
    QuantizationOptions quantization = ModelOptions.quantization(args);
    ZkModelBuilder builder;
    try {
      builder = ZkModel.load(onnx);
    } catch (OnnxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Path calibration = ModelOptions.calibration(args, onnx).orElseThrow(() -> new UsageException(
        "the model needs calibration inputs to choose its scales: give --calibration <data.json> with a few"
            + " typical inputs (or put a calibration.json next to " + onnx.getFileName() + ")"));
    ModelOptions.requireFile(calibration, "the calibration file");
    terminal.info("Calibrating on " + calibration);
    builder.calibrate(calibration).quantization(quantization);
    try {
      return builder.compile(visibility);
    } catch (QuantizationException e) {
      throw new IllegalArgumentException(onnx + ": " + e.getMessage(), e);
    }
  }
}
