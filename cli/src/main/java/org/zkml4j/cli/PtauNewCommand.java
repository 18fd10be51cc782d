package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.zkml4j.groth16.ceremony.PowersOfTau;

/** {@code powersoftau new <curve> <power> [out.ptau]}: starts a powers-of-tau ceremony. */
final class PtauNewCommand implements Command {
  private static final int MAX_POWER = 28;

  @Override
  public List<String> names() {
    return List.of("powersoftau new", "ptn");
  }

  @Override
  public String synopsis() {
    return "<curve> <power> [powersOfTau<power>_0000.ptau]";
  }

  @Override
  public String summary() {
    return "Start a powers-of-tau ceremony (phase 1)";
  }

  @Override
  public String help() {
    return """
        Writes the first file of a powers-of-tau ceremony: every power of tau still the curve's
        generator, no contribution yet. Contributors then add secret randomness with
        'powersoftau contribute' and, at the end, a public 'powersoftau beacon'; 'powersoftau
        prepare phase2' makes the result usable by 'groth16 setup'.

        Arguments:
          <curve>    bn128 (also spelled bn254 or alt_bn128); zkml4j supports no other curve
          <power>    1 to 28: the ceremony serves circuits of fewer than 2^power constraints
                     plus public signals. The file takes 3 * 2^(power+7) bytes (power 20:
                     384 MB; 'prepare phase2' triples that), and zkml4j holds it in memory
                     while working on it.
          [out]      the file to write, by default powersOfTau<power>_0000.ptau as in snarkjs

        Files made here pass 'snarkjs powersoftau verify' once contributed to, and snarkjs's
        ceremonies can be continued here.

        Example:
          zkml4j powersoftau new bn128 12 pot12_0000.ptau""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(2, 3);
    String curve = args.positional(0).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    if (!List.of("BN128", "BN254", "ALTBN128").contains(curve)) {
      throw new UsageException("curve '" + args.positional(0) + "' is not supported; zkml4j works on bn128"
          + " (BN254, alt_bn128) only");
    }
    int power;
    try {
      power = Integer.parseInt(args.positional(1));
    } catch (NumberFormatException e) {
      throw new UsageException("power must be a whole number between 1 and " + MAX_POWER + ", was '"
          + args.positional(1) + "'");
    }
    if (power < 1 || power > MAX_POWER) {
      throw new UsageException("power must be between 1 and " + MAX_POWER + ", was " + power);
    }
    Path out = args.path(2, "powersOfTau" + power + "_0000.ptau");
    terminal.info("Writing a power-" + power + " ceremony to " + out);
    PowersOfTau.newCeremony(power, out);
    terminal.info("Wrote " + out + ". Next: zkml4j powersoftau contribute " + out + " <next.ptau> --name=...");
    return ExitCode.OK;
  }
}
