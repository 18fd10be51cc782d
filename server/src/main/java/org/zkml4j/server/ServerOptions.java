package org.zkml4j.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.zkml4j.api.SetupOptions;

/**
 * How {@link DemoServer} listens, where it verifies on chain, where it caches its setup, and how
 * many proof requests may wait. Immutable; each {@code with} method returns a changed copy.
 */
public final class ServerOptions {
  /** The default port, 8080. */
  public static final int DEFAULT_PORT = 8080;
  /** The default queue bound: how many requests may wait while one is proven. */
  public static final int DEFAULT_QUEUE = 8;
  /** The largest request body accepted, 1 MiB (a drawn canvas is a few kilobytes of PNG). */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final String host;
  private final int port;
  private final URI rpcUrl;
  private final boolean chain;
  private final Path cacheDirectory;
  private final int queue;

  private ServerOptions(String host, int port, URI rpcUrl, boolean chain, Path cacheDirectory, int queue) {
    this.host = host;
    this.port = port;
    this.rpcUrl = rpcUrl;
    this.chain = chain;
    this.cacheDirectory = cacheDirectory;
    this.queue = queue;
  }

  /** 127.0.0.1:8080, a local anvil, the setup cache {@link SetupOptions#defaultCacheDirectory()}, 8 waiting. */
  public static ServerOptions defaults() {
    return new ServerOptions("127.0.0.1", DEFAULT_PORT, null, true, SetupOptions.defaultCacheDirectory(),
        DEFAULT_QUEUE);
  }

  /** The interface to listen on; {@code 0.0.0.0} for every one. */
  public ServerOptions host(String newHost) {
    return new ServerOptions(Objects.requireNonNull(newHost, "host"), port, rpcUrl, chain, cacheDirectory, queue);
  }

  /** The port to listen on; 0 picks a free one ({@link DemoServer#url()} says which). */
  public ServerOptions port(int newPort) {
    if (newPort < 0 || newPort > 65535) {
      throw new IllegalArgumentException("the port must be between 0 and 65535, was " + newPort);
    }
    return new ServerOptions(host, newPort, rpcUrl, chain, cacheDirectory, queue);
  }

  /** Verify on the node at this JSON-RPC URL (its first unlocked account pays) instead of a local anvil. */
  public ServerOptions rpcUrl(URI url) {
    return new ServerOptions(host, port, Objects.requireNonNull(url, "url"), true, cacheDirectory, queue);
  }

  /** Without on-chain verification (no anvil, no Solidity compiler): the page shows it as off. */
  public ServerOptions noChain() {
    return new ServerOptions(host, port, null, false, cacheDirectory, queue);
  }

  /** The setup cache: the powers-of-tau ceremony and the keys. */
  public ServerOptions cacheDirectory(Path dir) {
    return new ServerOptions(host, port, rpcUrl, chain, Objects.requireNonNull(dir, "dir"), queue);
  }

  /** How many proof requests may wait while one is proven; more are refused with 429. */
  public ServerOptions queue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the queue must hold at least 1 request, was " + capacity);
    }
    return new ServerOptions(host, port, rpcUrl, chain, cacheDirectory, capacity);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Optional<URI> rpcUrl() {
    return Optional.ofNullable(rpcUrl);
  }

  /** Whether proofs are verified on chain. */
  public boolean chain() {
    return chain;
  }

  public Path cacheDirectory() {
    return cacheDirectory;
  }

  public int queue() {
    return queue;
  }

  @Override
  public String toString() {
    return "ServerOptions(" + host + ":" + port + ", " + (!chain ? "no chain" : rpcUrl == null ? "local anvil"
        : "rpc " + rpcUrl) + ", cache " + cacheDirectory + ", queue " + queue + ")";
  }
}
