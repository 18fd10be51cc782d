package org.zkml4j.cli;

import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a ceremony contribution's secrets come from, read from the command line as snarkjs reads
 * them: the contributor's entropy for {@code contribute} verbs, the public beacon for
 * {@code beacon} verbs.
 */
final class ContributionInputs {
  static final String NAME = "name";
  static final String ENTROPY = "entropy";
  /** snarkjs's bounds on a beacon (src/powersoftau_beacon.js, src/zkey_beacon.js). */
  static final int MIN_ITERATIONS_EXP = 10;
  static final int MAX_ITERATIONS_EXP = 63;
  static final int MAX_BEACON_BYTES = 255;
  /** From 2^28 iterations on, the beacon's hashing alone takes a while; say so. */
  private static final int SLOW_ITERATIONS_EXP = 28;

  /** A public beacon: its hash and the exponent of its iteration count. */
  record Beacon(String hashHex, int numIterationsExp) {}

  private ContributionInputs() {}

  /**
   * The contributor's entropy: {@code --entropy} (-e) when given and not empty, else typed at the terminal as
   * snarkjs asks for it, else nothing. Either way the library mixes it with 64 bytes of the
   * system's SecureRandom, so an empty entropy still gives unpredictable secrets; the user is told
   * which source was used.
   */
  static String entropy(Arguments args, Terminal terminal) {
    Optional<String> given = args.option(ENTROPY).filter(e -> !e.isEmpty());
    if (given.isPresent()) {
      return given.get();
    }
    Optional<String> typed = terminal.ask("Enter a random text. (Entropy): ");
    if (typed.isPresent() && !typed.get().isEmpty()) {
      return typed.get();
    }
    terminal.info(typed.isPresent()
        ? "No entropy typed: the contribution's secrets come from the system's SecureRandom alone."
        : "No --entropy given and no terminal to ask for it: the contribution's secrets come from the"
            + " system's SecureRandom alone.");
    return "";
  }

  /** The contributor's name, as recorded in the file, or null (snarkjs records none either). */
  static String name(Arguments args) {
    return args.option(NAME).orElse(null);
  }

  /**
   * The beacon given by the positional arguments at {@code index} (hash) and {@code index + 1}
   * (iteration exponent), checked as snarkjs checks them.
   */
  static Beacon beacon(Arguments args, int index, Terminal terminal) throws UsageException {
    String hex = args.positional(index);
    if (hex.isEmpty() || hex.length() % 2 != 0 || hex.length() > 2 * MAX_BEACON_BYTES) {
      throw new UsageException("the beacon hash must be 1 to " + MAX_BEACON_BYTES
          + " bytes in hexadecimal (an even number of digits, no 0x), was '" + hex + "'");
    }
    try {
      HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new UsageException("the beacon hash '" + hex + "' is not hexadecimal (digits 0-9, a-f, no 0x)");
    }
    int exp;
    try {
      exp = Integer.parseInt(args.positional(index + 1));
    } catch (NumberFormatException e) {
      throw new UsageException("numIterationsExp must be a whole number, was '" + args.positional(index + 1) + "'");
    }
    if (exp < MIN_ITERATIONS_EXP || exp > MAX_ITERATIONS_EXP) {
      throw new UsageException("numIterationsExp must be between " + MIN_ITERATIONS_EXP + " and "
          + MAX_ITERATIONS_EXP + ", was " + exp);
    }
    if (exp >= SLOW_ITERATIONS_EXP) {
      terminal.info("Hashing the beacon 2^" + exp + " times (SHA-256); this alone takes "
          + (exp < 32 ? "minutes" : "hours or more") + ".");
    }
    return new Beacon(hex, exp);
  }
}
