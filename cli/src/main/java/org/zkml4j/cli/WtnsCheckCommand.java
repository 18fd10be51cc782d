package org.zkml4j.cli;

import java.util.List;
import java.util.Optional;
import org.zkml4j.circuit.ConstraintViolation;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.circuit.R1csChecker;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.format.R1csFile;
import org.zkml4j.circuit.format.WtnsFile;

/** {@code wtns check <circuit.r1cs> <witness.wtns>}: does the witness satisfy every constraint. */
final class WtnsCheckCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("wtns check", "wchk");
  }

  @Override
  public String synopsis() {
    return "[circuit.r1cs] [witness.wtns]";
  }

  @Override
  public String summary() {
    return "Check that a witness satisfies every constraint";
  }

  @Override
  public String help() {
    return """
        Evaluates every constraint <A,w> * <B,w> = <C,w> of the circuit on the witness and reports
        the first one that fails, with its three values and the wires involved. Exit code 0 when
        all hold, 1 when one fails. The files default to circuit.r1cs and witness.wtns, as in
        snarkjs.

        Example:
          zkml4j wtns check circuit.r1cs witness.wtns""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 2);
    R1cs r1cs = R1csFile.read(args.path(0, "circuit.r1cs"));
    Witness witness = WtnsFile.read(args.path(1, "witness.wtns"));
    if (witness.size() != r1cs.numWires()) {
      terminal.out().println("WITNESS DOES NOT MATCH: the circuit has " + r1cs.numWires()
          + " wires, the witness " + witness.size() + " values");
      return ExitCode.INVALID;
    }
    Optional<ConstraintViolation> violation = R1csChecker.firstViolation(r1cs, witness);
    if (violation.isPresent()) {
      terminal.out().println("WITNESS IS NOT VALID: " + violation.get().message());
      return ExitCode.INVALID;
    }
    terminal.out().println("WITNESS IS CORRECT: all " + r1cs.numConstraints() + " constraints hold");
    return ExitCode.OK;
  }
}
