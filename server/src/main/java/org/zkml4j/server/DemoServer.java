package org.zkml4j.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.zkml4j.api.BundledMnist;
import org.zkml4j.api.tools.NodeTools;
import org.zkml4j.groth16.ceremony.Progress;

/**
 * The web demo: draw a digit, get a zero-knowledge proof that the bundled MNIST model classifies
 * it as it does (the drawing private, the scores public, optionally a Poseidon commitment of the
 * drawing public too), and watch the proof verified by this server's Java verifier, by snarkjs in
 * the browser, and by a Solidity verifier on an EVM chain.
 *
 * <pre>{@code
 * try (DemoServer server = DemoServer.start(ServerOptions.defaults(), Progress.NONE, System.out::println)) {
 *   System.out.println("open " + server.url());
 *   server.awaitClose();
 * }
 * }</pre>
 *
 * <p>{@link #start} compiles the model twice (with and without the commitment), sets both up on
 * one cached local ceremony (minutes the first time, seconds later) and proves once on each, so
 * that the JIT has compiled the prover before the first request. The JSON API under the page is
 * described in the module's README.
 */
public final class DemoServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService requests;
  private final ProofQueue queue;
  private final ProofRunner runner;
  private final ChainVerifier chain;
  private final URI url;
  private final Object closed = new Object();
  private boolean isClosed;

  private DemoServer(HttpServer http, ExecutorService requests, ProofQueue queue, ProofRunner runner,
      ChainVerifier chain, URI url) {
    this.http = http;
    this.requests = requests;
    this.queue = queue;
    this.runner = runner;
    this.chain = chain;
    this.url = url;
  }

  /**
   * Compiles and sets up the model, starts the chain (in the background) and listens.
   *
   * @param progress the setup's long steps (the ceremony, the keys)
   * @param log one line per step, for the terminal
   * @throws IllegalArgumentException if there is no bundled model (not run from a zkml4j checkout)
   * @throws IOException if the address cannot be bound (the message names it)
   */
  public static DemoServer start(ServerOptions options, Progress progress, Consumer<String> log) throws Exception {
    BundledMnist mnist = BundledMnist.require();
    Optional<NodeTools> tools = NodeTools.find();
    if (tools.isEmpty()) {
      log.accept("The npm tools are missing: the page cannot verify with snarkjs, nor on chain. To get them: "
          + NodeTools.howToInstall());
    }
    ProofModels models = ProofModels.setUp(mnist, options.cacheDirectory(), progress, log);
    log.accept("Warming up the prover (one proof on each circuit)...");
    models.warmUp(mnist.digit(0));
    ChainVerifier chain = options.chain() ? ChainVerifier.start(options.rpcUrl(), tools, models, log) : null;
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
    } catch (IOException e) {
      if (chain != null) {
        chain.close();
      }
      throw new IOException("cannot listen on " + options.host() + ":" + options.port() + " (" + e.getMessage()
          + "); is another server there? choose another --port", e);
    }
    ProofRunner runner = new ProofRunner(models, log);
    ProofQueue queue = new ProofQueue(options.queue(), TimeUnit.MINUTES.toNanos(15), 256, runner);
    ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    http.setExecutor(requests);
    http.createContext("/", new Routes(mnist, models, queue, chain, tools));
    http.start();
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    URI url = URI.create("http://" + host + ":" + http.getAddress().getPort() + "/");
    return new DemoServer(http, requests, queue, runner, chain, url);
  }

  /** Where the page is, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return url;
  }

  /** Blocks until {@link #close} is called (from another thread or a shutdown hook). */
  public void awaitClose() throws InterruptedException {
    synchronized (closed) {
      while (!isClosed) {
        closed.wait();
      }
    }
  }

  /** Stops listening, fails the waiting requests, and stops the local chain if this server started it. */
  @Override
  public void close() {
    synchronized (closed) {
      if (isClosed) {
        return;
      }
      isClosed = true;
      closed.notifyAll();
    }
    http.stop(0);
    queue.close();
    runner.close();
    if (chain != null) {
      chain.close();
    }
    requests.shutdownNow();
  }
}
