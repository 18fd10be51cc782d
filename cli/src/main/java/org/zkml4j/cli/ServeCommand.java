package org.zkml4j.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.zkml4j.api.SetupOptions;
import org.zkml4j.server.DemoServer;
import org.zkml4j.server.ServerOptions;

/**
 * {@code serve}: the web demo ({@link DemoServer}) until the process is stopped.
 */
final class ServeCommand implements Command, FlagOptions {
  @Override
  public List<String> names() {
    return List.of("serve");
  }

  @Override
  public String synopsis() {
    return "[--port 8080] [--host 127.0.0.1] [--rpc-url <url>] [--no-chain] [--cache <dir>] [--queue N]";
  }

  @Override
  public String summary() {
    return "Web demo: draw a digit, prove its classification, verify in Java, in the browser and on chain";
  }

  @Override
  public String help() {
    return """
        Serves a page where you draw a digit (or load a held-out MNIST test digit) and get a
        zero-knowledge proof that the bundled model models/mnist/lenet.onnx classifies it as it
        says, with the drawing private and the ten scores public; optionally the proof also
        publishes a Poseidon commitment of the 28x28 image. The page then verifies the proof
        three ways: with this server's Java verifier, with snarkjs in the browser, and with the
        Solidity verifier on an EVM chain (a local anvil the server starts, or --rpc-url).
        A JSON API under the page does the same for programs (see server/README.md).

        Start-up compiles the model twice and sets both circuits up on one local powers-of-tau
        ceremony of power 17: a few minutes of two cores the first time, seconds later (cached).
        The ceremony is local: fine for a demo, not for proofs a stranger must trust.

        Options:
          --port N         the port (default 8080; 0 picks a free one)
          --host H         the interface (default 127.0.0.1; 0.0.0.0 for every one)
          --rpc-url URL    verify on the node at this JSON-RPC URL (its first unlocked account
                           pays) instead of starting a local anvil
          --no-chain       no on-chain verification
          --cache <dir>    the setup cache (default ~/.cache/zkml4j)
          --queue N        how many proof requests may wait (default 8); more get 429

        Examples:
          ./zkml4j serve
          ./zkml4j serve --port 9000 --no-chain
          ./zkml4j serve --rpc-url http://127.0.0.1:8545""";
  }

  @Override
  public Set<String> options() {
    return Set.of("port", "host", "rpc-url", "no-chain", "cache", "queue");
  }

  @Override
  public Set<String> flags() {
    return Set.of("no-chain");
  }

  @Override
  public int run(Arguments args, Terminal terminal) throws Exception {
    args.expectPositionals(0, 0);
    ServerOptions options = ServerOptions.defaults()
        .port(args.intOption("port", ServerOptions.DEFAULT_PORT, 0, 65535))
        .queue(args.intOption("queue", ServerOptions.DEFAULT_QUEUE, 1, 10_000))
        .cacheDirectory(args.pathOption("cache").orElseGet(SetupOptions::defaultCacheDirectory));
    if (args.option("host").isPresent()) {
      options = options.host(args.option("host").get());
    }
    if (args.flag("no-chain")) {
      if (args.option("rpc-url").isPresent()) {
        throw new UsageException("--no-chain and --rpc-url contradict each other; give one");
      }
      options = options.noChain();
    } else if (args.option("rpc-url").isPresent()) {
      URI url;
      try {
        url = URI.create(args.option("rpc-url").get());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--rpc-url is not a URL: " + e.getMessage());
      }
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new UsageException("--rpc-url must be an http:// or https:// JSON-RPC URL, was '" + url + "'");
      }
      options = options.rpcUrl(url);
    }
    DemoServer server = DemoServer.start(options, (stage, done, total) -> terminal.progress(stage, done, total),
        line -> terminal.info(line));
    terminal.endProgressLine();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "zkml4j-serve-stop"));
    terminal.out().println("zkml4j serve: ready at " + server.url() + " (Ctrl-C stops it)");
    terminal.out().flush();
    server.awaitClose();
    return ExitCode.OK;
  }
}
