package org.zkml4j.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
  private final List<Command> commands;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private final Terminal.Prompt prompt;
  private final Path workingDirectory;

  /** A command that never asks the user anything (as when no terminal is attached). */
  Main(List<Command> commands, PrintStream out, PrintStream err, boolean interactive) {
    this(commands, out, err, interactive, Terminal.Prompt.NONE);
  }

  /**
   * @param interactive whether progress may redraw a line on {@code err}
   * @param prompt where questions to the user (a contribution's entropy) are answered
   */
  Main(List<Command> commands, PrintStream out, PrintStream err, boolean interactive, Terminal.Prompt prompt) {
    this(commands, out, err, interactive, prompt, null);
  }

  /**
   * A command run on behalf of another process ({@link DaemonServer}'s client).
   *
   * @param workingDirectory the client's working folder, which relative paths are resolved against;
   *     null for this JVM's own
   */
  Main(List<Command> commands, PrintStream out, PrintStream err, boolean interactive, Terminal.Prompt prompt,
      Path workingDirectory) {
    this.workingDirectory = workingDirectory;
    this.commands = commands;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
    this.prompt = prompt;
  }

  public static void main(String[] args) {
    Console console = System.console();
    boolean interactive = console != null || "1".equals(System.getProperty("zkml4j.tty"));
    Terminal.Prompt prompt = console == null ? Terminal.Prompt.NONE : question -> console.readLine("%s", question);
    int code = new Main(Commands.all(), System.out, System.err, interactive, prompt).run(args);
    System.out.flush();
    System.exit(code);
  }

  int run(String[] argv) {
    List<String> words = new ArrayList<>(Arrays.asList(argv));
    boolean help = words.removeIf(w -> w.equals("--help") || w.equals("-h") || w.equals("help"));
    boolean quiet = words.removeIf(w -> w.equals("--quiet") || w.equals("-q"));
    boolean debug = words.removeIf(w -> w.equals("--debug"));
    // snarkjs's -v/--verbose: accepted so that its scripts run unchanged; zkml4j always reports.
    words.removeIf(w -> w.equals("--verbose") || w.equals("-v"));
    // The launcher's: this command already runs in a JVM of its own when it gets here.
    words.removeIf(w -> w.equals("--no-daemon"));
    if (words.removeIf(w -> w.equals("--version"))) {
      out.println("zkml4j " + version());
      return ExitCode.OK;
    }
    Match match = match(words);
    if (match == null) {
      if (words.isEmpty() || help) {
        printOverview(out);
        return words.isEmpty() && !help ? ExitCode.USAGE : ExitCode.OK;
      }
      err.println("zkml4j: unknown verb '" + String.join(" ", words) + "'. Run 'zkml4j --help' for the list.");
      return ExitCode.USAGE;
    }
    Command command = match.command();
    List<String> rest = words.subList(match.words(), words.size());
    if (help) {
      printHelp(command, out);
      return ExitCode.OK;
    }
    Terminal terminal = new Terminal(out, err, interactive, quiet, prompt);
    String name = command.names().get(0);
    try {
      Set<String> accepted = new HashSet<>(command.options());
      Set<String> flags = new HashSet<>();
      if (command instanceof FlagOptions f) {
        flags.addAll(f.flags());
      }
      return command.run(Arguments.parse(rest, accepted, flags, workingDirectory), terminal);
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

  /** A verb found at the start of the command line, and how many words its name took. */
  private record Match(Command command, int words) {}

  /** The command whose name or alias matches the longest prefix of the words, or null. */
  private Match match(List<String> words) {
    Match best = null;
    for (Command c : commands) {
      for (String name : c.names()) {
        String[] parts = name.split(" ");
        if ((best == null || parts.length > best.words()) && parts.length <= words.size()
            && Arrays.equals(parts, words.subList(0, parts.length).toArray())) {
          best = new Match(c, parts.length);
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
    s.println("Verbs (model verbs first, then snarkjs's Groth16 verbs with its names and argument order; aliases in brackets):");
    List<String> heads = new ArrayList<>();
    for (Command c : commands) {
      List<String> aliases = c.names().subList(1, c.names().size());
      heads.add(c.names().get(0) + (aliases.isEmpty() ? "" : " [" + String.join(", ", aliases) + "]"));
    }
    int width = heads.stream().mapToInt(String::length).max().orElse(0);
    for (int i = 0; i < commands.size(); i++) {
      s.println("  " + heads.get(i) + " ".repeat(width - heads.get(i).length() + 2) + commands.get(i).summary());
    }
    s.println();
    s.println("Global options: --help, --quiet (no progress), --debug (stack traces), --version;");
    s.println("  -v/--verbose is accepted for snarkjs's scripts (zkml4j always reports its steps)");
    s.println("The launcher runs commands in a background JVM that keeps later ones fast (zkml4j daemon --help);");
    s.println("  --no-daemon or ZKML4J_DAEMON=off runs a command in a JVM of its own");
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
