package org.zkml4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zkml4j.circuit.format.FormatException;

/**
 * The {@code zkml4j} command. Verbs follow snarkjs's names and argument order, so a script written
 * for snarkjs works by changing the program name.
 */
public final class Main {
  private static final Set<String> GLOBAL_FLAGS = Set.of("help", "quiet", "debug");

  private final List<Command> commands;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;

  Main(List<Command> commands, PrintStream out, PrintStream err, boolean interactive) {
    this.commands = commands;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  public static void main(String[] args) {
    boolean interactive = System.console() != null || "1".equals(System.getProperty("zkml4j.tty"));
    int code = new Main(Commands.all(), System.out, System.err, interactive).run(args);
    System.out.flush();
    System.exit(code);
  }

  int run(String[] argv) {
    List<String> words = new ArrayList<>(Arrays.asList(argv));
    boolean help = words.removeIf(w -> w.equals("--help") || w.equals("-h") || w.equals("help"));
    boolean quiet = words.removeIf(w -> w.equals("--quiet") || w.equals("-q"));
    boolean debug = words.removeIf(w -> w.equals("--debug"));
    if (words.removeIf(w -> w.equals("--version"))) {
      out.println("zkml4j " + version());
      return ExitCode.OK;
    }
    Command command = match(words);
    if (command == null) {
      if (words.isEmpty() || help) {
        printOverview(out);
        return words.isEmpty() && !help ? ExitCode.USAGE : ExitCode.OK;
      }
      err.println("zkml4j: unknown verb '" + String.join(" ", words) + "'. Run 'zkml4j --help' for the list.");
      return ExitCode.USAGE;
    }
    List<String> rest = words.subList(command.names().get(0).split(" ").length, words.size());
    if (!command.names().get(0).equals(String.join(" ", words.subList(0, Math.min(words.size(),
        command.names().get(0).split(" ").length))))) {
      rest = words.subList(1, words.size()); // matched by a one-word alias
    }
    if (help) {
      printHelp(command, out);
      return ExitCode.OK;
    }
    Terminal terminal = new Terminal(out, err, interactive, quiet);
    String name = command.names().get(0);
    try {
      Set<String> accepted = new HashSet<>(command.options());
      Set<String> flags = new HashSet<>();
      if (command instanceof FlagOptions f) {
        flags.addAll(f.flags());
      }
      return command.run(Arguments.parse(rest, accepted, flags), terminal);
    } catch (UsageException e) {
      terminal.endProgressLine();
      err.println("zkml4j " + name + ": " + e.getMessage());
      err.println("usage: zkml4j " + name + " " + command.synopsis());
      err.println("Run 'zkml4j " + name + " --help' for details.");
      return ExitCode.USAGE;
    } catch (NoSuchFileException e) {
      return fail(terminal, name, "file not found: " + e.getFile(), ExitCode.INPUT, e, debug);
    } catch (AccessDeniedException e) {
      return fail(terminal, name, "permission denied: " + e.getFile(), ExitCode.INPUT, e, debug);
    } catch (FormatException e) {
      return fail(terminal, name, e.getMessage(), ExitCode.INPUT, e, debug);
    } catch (IOException | UncheckedIOException e) {
      return fail(terminal, name, "I/O error: " + e.getMessage(), ExitCode.INPUT, e, debug);
    } catch (IllegalArgumentException e) {
      return fail(terminal, name, e.getMessage(), ExitCode.INPUT, e, debug);
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      String hint = e instanceof OutOfMemoryError ? " (give the JVM more memory: JAVA_OPTS=-Xmx16g)" : "";
      return fail(terminal, name, "internal error: " + e + hint, ExitCode.FAILURE, e, debug);
    }
  }

  private int fail(Terminal terminal, String verb, String message, int code, Throwable e, boolean debug) {
    terminal.endProgressLine();
    err.println("zkml4j " + verb + ": " + message);
    if (debug) {
      e.printStackTrace(err);
    } else if (code == ExitCode.FAILURE) {
      err.println("(rerun with --debug for the stack trace)");
    }
    return code;
  }

  /** The command whose name matches the longest prefix of the words, or a one-word alias. */
  private Command match(List<String> words) {
    Command best = null;
    int bestLength = 0;
    for (Command c : commands) {
      for (String name : c.names()) {
        String[] parts = name.split(" ");
        if (parts.length > bestLength && parts.length <= words.size()
            && Arrays.equals(parts, words.subList(0, parts.length).toArray())) {
          best = c;
          bestLength = parts.length;
        }
      }
    }
    return best;
  }

  private void printOverview(PrintStream s) {
    s.println("zkml4j " + version() + " - zero-knowledge proofs of machine-learning inference (Groth16, BN254)");
    s.println();
    s.println("Usage: zkml4j <verb> [arguments] [options]     zkml4j <verb> --help for details");
    s.println();
    s.println("Verbs (snarkjs's names and argument order; aliases in brackets):");
    for (Command c : commands) {
      List<String> aliases = c.names().subList(1, c.names().size());
      String head = c.names().get(0) + (aliases.isEmpty() ? "" : " [" + String.join(", ", aliases) + "]");
      s.printf("  %-36s %s%n", head, c.summary());
    }
    s.println();
    s.println("Global options: --help, --quiet (no progress), --debug (stack traces), --version");
    s.println(ExitCode.legend());
  }

  private static void printHelp(Command c, PrintStream s) {
    s.println("Usage: zkml4j " + c.names().get(0) + " " + c.synopsis());
    if (c.names().size() > 1) {
      s.println("Aliases: " + String.join(", ", c.names().subList(1, c.names().size())));
    }
    s.println();
    s.println(c.help().strip());
    s.println();
    s.println(ExitCode.legend());
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}
