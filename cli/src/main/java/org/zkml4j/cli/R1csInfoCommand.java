package org.zkml4j.cli;

import java.util.List;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.format.R1csFile;

/** {@code r1cs info <circuit.r1cs>}: the sizes of a constraint system. */
final class R1csInfoCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("r1cs info", "ri");
  }

  @Override
  public String synopsis() {
    return "[circuit.r1cs]";
  }

  @Override
  public String summary() {
    return "Print the sizes of a circom .r1cs file";
  }

  @Override
  public String help() {
    return """
        Reads a constraint system in circom's .r1cs format and prints its curve, the number of
        wires, constraints, private and public inputs, outputs and labels. The file defaults to
        circuit.r1cs, as in snarkjs.

        Example:
          zkml4j r1cs info circuit.r1cs""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 1);
    R1cs r1cs = R1csFile.read(args.path(0, "circuit.r1cs"));
    var out = terminal.out();
    out.println("Curve: bn128");
    out.println("# of Wires: " + r1cs.numWires());
    out.println("# of Constraints: " + r1cs.numConstraints());
    out.println("# of Private Inputs: " + r1cs.numPrivateInputs());
    out.println("# of Public Inputs: " + r1cs.numPublicInputs());
    out.println("# of Labels: " + r1cs.numLabels());
    out.println("# of Outputs: " + r1cs.numOutputs());
    return ExitCode.OK;
  }
}
