package org.zkml4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The words after a verb: positional arguments and options, in snarkjs's spelling
 * ({@code --name=value}, {@code -n=value}, {@code --flag}) and also {@code --name value}.
 */
final class Arguments {
  /** The option of the verbs whose library call takes an executor. */
  static final String THREADS = "threads";

  private final List<String> positionals;
  private final Map<String, String> options;
  private final Path workingDirectory;

  private Arguments(List<String> positionals, Map<String, String> options, Path workingDirectory) {
    this.positionals = positionals;
    this.options = options;
    this.workingDirectory = workingDirectory;
  }

  /**
   * Parses words against a verb's accepted options.
   *
   * @param accepted long option names; a one-letter form ({@code -e}) matches the option whose name
   *     starts with that letter
   * @param flags the accepted options that take no value
   */
  static Arguments parse(List<String> words, Set<String> accepted, Set<String> flags) throws UsageException {
    return parse(words, accepted, flags, null);
  }

  /**
   * As {@link #parse(List, Set, Set)}, for a command run on behalf of another process (the
   * daemon's client): relative paths are resolved against that process's working directory.
   *
   * @param workingDirectory an absolute folder, or null for this JVM's own
   */
  static Arguments parse(List<String> words, Set<String> accepted, Set<String> flags, Path workingDirectory)
      throws UsageException {
    List<String> positionals = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (!word.startsWith("-") || word.equals("-") || isNumber(word)) {
        positionals.add(word);
        continue;
      }
      String body = word.replaceFirst("^--?", "");
      int eq = body.indexOf('=');
      String key = eq < 0 ? body : body.substring(0, eq);
      String name = resolve(key, accepted, word);
      String value;
      if (eq >= 0) {
        value = body.substring(eq + 1);
      } else if (flags.contains(name)) {
        value = "true";
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw new UsageException("option " + word + " needs a value");
      }
      options.put(name, value);
    }
    return new Arguments(List.copyOf(positionals), options, workingDirectory);
  }

  private static boolean isNumber(String word) {
    return word.matches("-\\d+(\\.\\d+)?");
  }

  private static String resolve(String key, Set<String> accepted, String word) throws UsageException {
    if (accepted.contains(key)) {
      return key;
    }
    if (key.length() == 1) {
      List<String> matches = accepted.stream().filter(a -> a.startsWith(key)).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
    }
    throw new UsageException("unknown option " + word
        + (accepted.isEmpty() ? " (this verb takes no options)" : "; options: --" + String.join(", --", accepted)));
  }

  /** Fails unless there are between min and max positional arguments. */
  void expectPositionals(int min, int max) throws UsageException {
    if (positionals.size() < min) {
      throw new UsageException("missing argument" + (min - positionals.size() > 1 ? "s" : "")
          + ": expected " + (min == max ? String.valueOf(min) : "at least " + min) + ", got " + positionals.size());
    }
    if (positionals.size() > max) {
      throw new UsageException("too many arguments: expected at most " + max + ", got " + positionals.size()
          + " (" + String.join(" ", positionals.subList(max, positionals.size())) + ")");
    }
  }

  int count() {
    return positionals.size();
  }

  String positional(int i) {
    return positionals.get(i);
  }

  Path path(int i) {
    return file(positionals.get(i));
  }

  /** The i-th positional argument as a path, or snarkjs's default file name when it is absent. */
  Path path(int i, String defaultName) {
    return file(i < positionals.size() ? positionals.get(i) : defaultName);
  }

  /** An option's value as a path. */
  Optional<Path> pathOption(String name) {
    return option(name).map(this::file);
  }

  /** A path the user typed: as given, or, for a daemon's client, resolved against the client's folder. */
  Path file(String typed) {
    return workingDirectory == null ? Path.of(typed) : workingDirectory.resolve(typed);
  }

  /**
   * The executor {@code --threads N} asks for, or the shared one sized to the machine's
   * processors when the option is absent.
   */
  Parallelism parallelism() throws UsageException {
    return options.containsKey(THREADS) ? new Parallelism(intOption(THREADS, 1, 1, 4096)) : Parallelism.shared();
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  boolean flag(String name) {
    return options.containsKey(name) && !options.get(name).equals("false");
  }

  int intOption(String name, int defaultValue, int min, int max) throws UsageException {
    String v = options.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new UsageException("--" + name + " must be between " + min + " and " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, was '" + v + "'");
    }
  }
}
