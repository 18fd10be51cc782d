package org.zkml4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zkml4j.api.ZkModel;
import org.zkml4j.model.onnx.OnnxException;

/** {@code inspect <model.onnx|dir>}: the per-layer report of a model's circuit. */
final class InspectCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("inspect");
  }

  @Override
  public String synopsis() {
    return "<model.onnx|dir> [--calibration <data.json>] [--input=...] [--weights=...] [--output=...]"
        + " [--optimize=...]";
  }

  @Override
  public String summary() {
    return "Show a model's layers: ops, shapes, scales, bits, constraints";
  }

  @Override
  public String help() {
    return """
        Prints one row per layer: the operator, the shapes and fixed-point scales of its inputs
        and output, the output's proven bit width, its parameters and the constraints it costs;
        then the range checks and commitments, the totals, the public signals and the ceremony
        power setup needs. Given a model directory, reports the compiled model; given an ONNX
        file, compiles it in memory with the options below (as 'compile' would), or, without
        calibration data, prints the float graph's layers only.

        Options (for an ONNX file):
        """ + ModelOptions.COMPILE_HELP.indent(2) + """

        Examples:
          zkml4j inspect lenet
          zkml4j inspect models/mnist/lenet.onnx --weights=private""";
  }

  @Override
  public Set<String> options() {
    return new HashSet<>(ModelOptions.COMPILE);
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(1, 1);
    Path path = args.path(0);
    var out = terminal.out();
    ZkModel model;
    if (Files.isDirectory(path)) {
      model = ZkModel.open(path);
    } else if (ModelOptions.calibration(args, path).isEmpty()) {
      try {
        out.print(ZkModel.load(path).graph());
      } catch (OnnxException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      out.println("(no calibration data: give --calibration <data.json> to see scales, bits and constraints)");
      return ExitCode.OK;
    } else {
      model = CompileCommand.compile(path, args, terminal);
    }
    out.print(model.inspect());
    out.println("setup needs a powers-of-tau ceremony of power " + model.ptauPower());
    return ExitCode.OK;
  }
}
