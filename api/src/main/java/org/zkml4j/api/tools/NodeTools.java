package org.zkml4j.api.tools;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The project's pinned npm tools (snarkjs, solc, anvil...): the {@code interop/node_modules}
 * folder that {@code npm ci} in {@code interop/} fills, and the Node.js that runs them.
 *
 * <p>Main code uses them for what only a peer can give a user: a second opinion from snarkjs, the
 * Solidity compiler, and a local EVM. They are optional: {@link #find()} is empty when they are not
 * installed, and callers say {@link #howToInstall()} instead of failing.
 *
 * <p>Scripts run with the folder above {@code node_modules} as working directory, so a script
 * loads packages with {@code createRequire(path.join(process.cwd(), "package.json"))}, and with
 * {@code NODE_PATH} set to {@code node_modules}. Instances are immutable and thread-safe.
 */
public final class NodeTools {
  /** The system property naming the {@code node_modules} folder, overriding the search. */
  public static final String NODE_MODULES_PROPERTY = "zkml4j.nodeModules";
  /** The environment variable naming the {@code node_modules} folder, if the property is unset. */
  public static final String NODE_MODULES_ENV = "ZKML4J_NODE_MODULES";

  private static final String INTEROP_MODULES = "interop/node_modules";
  private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[;\\d]*m");
  private static final Duration NODE_PROBE_TIMEOUT = Duration.ofSeconds(30);
  /** How much of a failed command's standard error goes into the exception message. */
  private static final int MAX_ERROR_CHARS = 4000;

  private final Path nodeModules;

  private NodeTools(Path nodeModules) {
    this.nodeModules = nodeModules;
  }

  /**
   * The installed tools, if any. The {@code node_modules} folder is, in this order: the folder the
   * system property {@value #NODE_MODULES_PROPERTY} names, the one the environment variable
   * {@value #NODE_MODULES_ENV} names, or the first {@code interop/node_modules} found walking up
   * from where this class was loaded (the launcher runs a jar inside the checkout), then from the
   * working directory. A property or variable that is set decides alone: if it names no folder,
   * the result is empty rather than some other installation. Empty too if {@code node --version}
   * does not run.
   */
  public static Optional<NodeTools> find() {
    Optional<Path> modules = locate();
    if (modules.isEmpty() || !nodeRuns()) {
      return Optional.empty();
    }
    return Optional.of(new NodeTools(modules.get()));
  }

  /** What a user does to get the tools, as a sentence. */
  public static String howToInstall() {
    return "install Node.js (with npm), then run 'npm ci' in the interop/ folder of the zkml4j checkout "
        + "(or point the system property " + NODE_MODULES_PROPERTY + " or the environment variable "
        + NODE_MODULES_ENV + " at such a node_modules folder)";
  }

  /** The {@code node_modules} folder, absolute. */
  public Path nodeModules() {
    return nodeModules;
  }

  /** A path inside {@code node_modules}, e.g. {@code "snarkjs/build/cli.cjs"}; it need not exist. */
  public Path resolve(String relativeToNodeModules) {
    return nodeModules.resolve(relativeToNodeModules);
  }

  /**
   * Foundry's {@code anvil} binary, which npm installs as the optional package
   * {@code @foundry-rs/anvil-<os>-<arch>} (interop/package.json pins the linux-amd64 one).
   *
   * @throws IOException if it is not installed here, saying which package to add
   */
  public Path anvilExecutable() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String platform = (os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux")
        + (arch.equals("aarch64") || arch.equals("arm64") ? "-arm64" : "-amd64");
    String pkg = "@foundry-rs/anvil-" + platform;
    Path binary = nodeModules.resolve(pkg).resolve("bin").resolve(platform.startsWith("win32") ? "anvil.exe" : "anvil");
    if (!Files.isExecutable(binary)) {
      throw new IOException("anvil is not installed: no executable " + binary + ". interop/package.json pins "
          + "@foundry-rs/anvil-linux-amd64 as optional (run 'npm ci' in interop/); on this platform add " + pkg
          + " with 'npm install --save-optional --save-exact " + pkg + "@<the same version>' in interop/");
    }
    return binary;
  }

  /**
   * Runs {@code node args...} in the folder above {@code node_modules} and returns its standard
   * output.
   *
   * @param stdin the whole standard input, or null for none
   * @throws IOException if node cannot start, exits with a non-zero status or outlives
   *     {@code timeout} (it is then killed); the message holds the end of what it printed
   */
  public String runNode(Duration timeout, List<String> args, byte[] stdin) throws IOException {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add("node");
    command.addAll(args);
    Path out = Files.createTempFile("zkml4j-node", ".out");
    Path err = Files.createTempFile("zkml4j-node", ".err");
    Path in = stdin == null ? null : Files.write(Files.createTempFile("zkml4j-node", ".in"), stdin);
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(nodeModules.getParent().toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().put("NODE_PATH", nodeModules.toString());
      if (in != null) {
        pb.redirectInput(in.toFile());
      }
      Process p = pb.start();
      if (in == null) {
        p.getOutputStream().close();
      }
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IOException(describe(args) + " did not finish within " + timeout.toSeconds() + " s"
            + printed(read(out), read(err)));
      }
      if (p.exitValue() != 0) {
        throw new IOException(describe(args) + " exited with status " + p.exitValue() + printed(read(out), read(err)));
      }
      return read(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + describe(args), e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      if (in != null) {
        Files.deleteIfExists(in);
      }
    }
  }

  @Override
  public String toString() {
    return "npm tools in " + nodeModules;
  }

  private static Optional<Path> locate() {
    String setting = System.getProperty(NODE_MODULES_PROPERTY);
    if (setting == null || setting.isBlank()) {
      setting = System.getenv(NODE_MODULES_ENV);
    }
    if (setting != null && !setting.isBlank()) {
      Path p = Path.of(setting).toAbsolutePath().normalize();
      return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
    List<Path> starts = new ArrayList<>(2);
    try {
      CodeSource source = NodeTools.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        starts.add(Path.of(source.getLocation().toURI()));
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
      // not loaded from a file: the working directory remains
    }
    starts.add(Path.of(""));
    for (Path start : starts) {
      for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
        Path candidate = d.resolve(INTEROP_MODULES);
        if (Files.isDirectory(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean nodeRuns() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(NODE_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String describe(List<String> args) {
    String script = args.isEmpty() ? "" : args.getFirst();
    return "node " + (script.length() > 200 ? script.substring(0, 200) + "..." : script);
  }

  /** The ends of both streams, for a failure's message (snarkjs logs its errors on standard output). */
  private static String printed(String stdout, String stderr) {
    String out = tail(stdout);
    String err = tail(stderr);
    if (out.isEmpty() && err.isEmpty()) {
      return " and printed nothing";
    }
    return (out.isEmpty() ? "" : "; standard output:\n" + out) + (err.isEmpty() ? "" : "; standard error:\n" + err);
  }

  private static String tail(String text) {
    String s = text.strip();
    return s.length() > MAX_ERROR_CHARS ? "..." + s.substring(s.length() - MAX_ERROR_CHARS) : s;
  }

  private static String read(Path file) throws IOException {
    return ANSI_COLOUR.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
  }
}
