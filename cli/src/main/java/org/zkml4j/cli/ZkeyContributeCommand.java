package org.zkml4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.ceremony.Phase2;
import org.zkml4j.groth16.format.ZkeyReader;
import org.zkml4j.groth16.format.ZkeyWriter;
import org.zkml4j.math.parallel.Parallelism;

/** {@code zkey contribute <in.zkey> <out.zkey>}: adds a secret phase-2 contribution. */
final class ZkeyContributeCommand implements Command {
  @Override
  public List<String> names() {
    return List.of("zkey contribute", "zkc");
  }

  @Override
  public String synopsis() {
    return "<circuit_old.zkey> <circuit_new.zkey> [--name=<text>] [-e=<entropy>] [--threads=N]";
  }

  @Override
  public String summary() {
    return "Add a contribution to a circuit's phase-2 ceremony";
  }

  @Override
  public Set<String> options() {
    return Set.of(ContributionInputs.NAME, ContributionInputs.ENTROPY, Arguments.THREADS);
  }

  @Override
  public String help() {
    return """
        Multiplies the key's delta by a fresh secret (and divides the C and H queries by it),
        recording a public proof of knowledge chained to the circuit hash and every earlier
        contribution. The key is secure if one contributor to each phase destroyed their secret;
        zkml4j keeps it only in memory. Prints the circuit hash.

        The secret comes from a ChaCha stream seeded with 64 bytes of the system's SecureRandom
        and your entropy, as in snarkjs. Without -e, zkml4j asks for a random text when run at a
        terminal; otherwise (scripts, CI) it says so and uses SecureRandom alone.

        Arguments:
          <circuit_old.zkey>   a key from 'groth16 setup' or an earlier contribution
          <circuit_new.zkey>   the key to write

        Options:
          --name, -n      your name, recorded in the key
          --entropy, -e   extra random text mixed into the secret
          --threads, -t   worker threads (default: all processors)

        Example:
          zkml4j zkey contribute circuit_0000.zkey circuit_0001.zkey --name="Alice" -e="a random text\"""";
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(2, 2);
    Path in = args.path(0), out = args.path(1);
    String entropy = ContributionInputs.entropy(args, terminal);
    Parallelism parallelism = args.parallelism();
    terminal.info("Reading " + in);
    ProvingKey key = Phase2.contribute(ZkeyReader.read(in, parallelism), ContributionInputs.name(args),
        entropy.getBytes(StandardCharsets.UTF_8), parallelism, terminal::progress);
    terminal.endProgressLine();
    ZkeyWriter.write(key, out);
    ZkeyBeaconCommand.printSummary(key, out, terminal);
    return ExitCode.OK;
  }
}
