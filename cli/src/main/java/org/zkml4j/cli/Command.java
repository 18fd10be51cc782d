package org.zkml4j.cli;

import java.util.List;
import java.util.Set;

/**
 * One verb of the {@code zkml4j} command: it parses its arguments into the library's own types,
 * calls one library method, and reports the outcome.
 */
interface Command {
  /** The verb as typed ("groth16 prove"), then its snarkjs-style aliases ("g16p"). */
  List<String> names();

  /** The arguments after the verb, e.g. {@code <zkey> <wtns> <proof.json> <public.json>}. */
  String synopsis();

  /** One line for the list of verbs. */
  String summary();

  /** What the verb does in detail, its options and examples, shown by {@code --help}. */
  String help();

  /** The options this verb accepts, by long name (without dashes). */
  default Set<String> options() {
    return Set.of();
  }

  /**
   * Runs the verb.
   *
   * @return the process exit code (see {@link ExitCode})
   * @throws UsageException when the arguments are wrong
   * @throws Exception for anything else; {@link Main} turns it into a message and an exit code
   */
  int run(Arguments args, Terminal terminal) throws Exception;
}
