package org.zkml4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.ceremony.Accumulator;
import org.zkml4j.groth16.ceremony.PowersOfTau;
import org.zkml4j.groth16.format.PtauReader;
import org.zkml4j.groth16.format.PtauWriter;
import org.zkml4j.math.parallel.Parallelism;

/** {@code powersoftau contribute <in.ptau> <out.ptau>}: adds a secret contribution. */
final class PtauContributeCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("powersoftau contribute", "ptc");
  }

  @Override
  public String synopsis() {
    return "<powersoftau.ptau> <new_powersoftau.ptau> [--name=<text>] [-e=<entropy>] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Add a contribution to a powers-of-tau ceremony";
  }

  @Override
  public Set<String> options() {
    return Set.of(ContributionInputs.NAME, ContributionInputs.ENTROPY, Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Multiplies every power in the ceremony file by fresh secrets (tau, alpha, beta), writes
        the result with a public proof that you know them, and prints the contribution's
        response hash for you to publish. The ceremony is secure if any one contributor destroyed
        their secrets; zkml4j keeps them only in memory.

        The secrets come from a ChaCha stream seeded with 64 bytes of the system's SecureRandom
        and your entropy, as in snarkjs. Without -e, zkml4j asks for a random text when run at a
        terminal; otherwise (scripts, CI) it says so and uses SecureRandom alone.

        Arguments:
          <powersoftau.ptau>       the ceremony so far (not a truncated or prepared file)
          <new_powersoftau.ptau>   the file to write

        Options:
          --name, -n      your name, recorded in the file (at most 64 characters kept)
          --entropy, -e   extra random text mixed into the secrets
          --threads, -t   worker threads (default: all processors)

        Uses every processor (limit with --threads N) and memory about
        the size of the file.

        Example:
          zkml4j powersoftau contribute pot12_0000.ptau pot12_0001.ptau --name="First" -e="a random text\"""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(2, 2);
    Path in = args.path(0), out = args.path(1);
    String entropy = ContributionInputs.entropy(args, terminal);
    Parallelism parallelism = args.parallelism();
    terminal.info("Reading " + in);
    Accumulator before = PtauReader.read(in, parallelism);
    Accumulator after = PowersOfTau.contribute(before, ContributionInputs.name(args),
        entropy.getBytes(StandardCharsets.UTF_8), parallelism, terminal::progress);
    terminal.endProgressLine();
    PtauWriter.write(after, out);
    after.contributions().getLast().responseHash().ifPresent(
        h -> terminal.out().println(HashText.format("Contribution Response Hash:", h)));
    terminal.info("Wrote " + out + " (contribution #" + after.contributions().size() + ")");
    return ExitCode.OK;
  }
}
