package org.zkml4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.zkml4j.api.SetupOptions;
import org.zkml4j.api.ZkModel;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.quant.QuantizationOptions;

/**
 * The options the model verbs share: visibility ({@code --input}, {@code --weights},
 * {@code --output}), quantization preset ({@code --optimize}), calibration data, output path
 * ({@code -o}), {@code --threads} and {@code --cache}, parsed into the library's own types.
 */
final class ModelOptions {
  /** The visibility, preset and calibration options of {@code compile} and {@code inspect}. */
  static final Set<String> COMPILE = Set.of("calibration", "input", "weights", "output", "optimize");
  /** {@code -o} and its long form {@code --out}. */
  static final Set<String> OUT = Set.of("o", "out");
  static final String THREADS = "threads";
  /** {@code --cache <dir>}: the checked model directories, local ceremonies and their keys. */
  static final String CACHE = "cache";
  static final String COMPILE_HELP = """
        --calibration <data.json>   sample inputs that choose the fixed-point scales: models/mnist's
                                    {"images": [[pixels 0-255], ...]}, ezkl's {"input_data": [...]},
                                    or an array of samples (default: calibration.json next to the
                                    model, if there is one)
        --input=private|public|hashed     what the proof reveals of the input (default private;
                                          hashed: a Poseidon digest of it is public)
        --weights=fixed|private|hashed    fixed: constants of the circuit (the verifying key pins
                                          the model; cheapest); private or hashed: secret weights
        --output=public|private|hashed    the outputs as public signals (default), hidden, or
                                          their digest
        --optimize=accuracy|size          the quantization preset: wider integers, or a smaller
                                          circuit (default accuracy)""";

  private ModelOptions() {}

  static Visibility visibility(Arguments args) throws UsageException {
    Visibility d = Visibility.defaults();
    return new Visibility(choice(args, "input", Visibility.Exposure.class, d.input()),
        choice(args, "weights", Visibility.Weights.class, d.weights()),
        choice(args, "output", Visibility.Exposure.class, d.output()));
  }

  static QuantizationOptions quantization(Arguments args) throws UsageException {
    return QuantizationOptions.of(choice(args, "optimize", QuantizationOptions.Optimize.class,
        QuantizationOptions.Optimize.ACCURACY));
  }

  /** {@code --calibration}, or {@code calibration.json} beside the model when it exists. */
  static Optional<Path> calibration(Arguments args, Path model) {
    Optional<String> given = args.option("calibration");
    if (given.isPresent()) {
      return Optional.of(args.file(given.get()));
    }
    Path beside = model.toAbsolutePath().resolveSibling("calibration.json");
    return Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
  }

  /** {@code -o <path>} or {@code --out <path>}. */
  static Optional<Path> out(Arguments args) {
    return args.pathOption("o").or(() -> args.pathOption("out"));
  }

  static Path requireOut(Arguments args, String what) throws UsageException {
    return out(args).orElseThrow(() -> new UsageException("say where to write " + what + " with -o <path>"));
  }

  /** {@code --cache <dir>}, or {@link SetupOptions#defaultCacheDirectory()}. */
  static Path cache(Arguments args) {
    return args.pathOption(CACHE).orElseGet(SetupOptions::defaultCacheDirectory);
  }

  /** Opens a model directory, remembering the check in {@link #cache}. */
  static ZkModel open(Path dir, Arguments args) throws IOException, FormatException {
    return ZkModel.open(dir, cache(args));
  }

  /**
   * Fails with a message naming the file and the option it came from unless it exists and is a
   * readable file: checked before any slow step, so a typo costs no time.
   */
  static void requireFile(Path file, String what) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(what + " " + file + " does not exist"
          + (file.isAbsolute() ? "" : " (looked in " + Path.of("").toAbsolutePath() + ")") + "; check the path");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(what + " " + file + (Files.isDirectory(file) ? " is a directory, not a file"
          : " cannot be read (check its permissions)"));
    }
  }

  /** {@code --threads N}: an executor of N workers, or the shared one sized to the processors. */
  static Parallelism parallelism(Arguments args) throws UsageException {
    int n = args.intOption(THREADS, 0, 1, 4096);
    return n == 0 ? Parallelism.shared() : new Parallelism(n);
  }

  private static <E extends Enum<E>> E choice(Arguments args, String option, Class<E> type, E fallback)
      throws UsageException {
    Optional<String> v = args.option(option);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        names.append(names.isEmpty() ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw new UsageException("--" + option + " must be one of " + names + "; was '" + v.get() + "'");
    }
  }
}
