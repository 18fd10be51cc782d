package org.zkml4j.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.zkml4j.api.tools.NodeTools;

/**
 * An Ethereum-compatible node spoken to over JSON-RPC: either a local {@code anvil} this object
 * started ({@link #startLocal}) and stops on {@link #close()}, or an existing node
 * ({@link #connect}). Transactions are sent with {@code eth_sendTransaction} from the node's first
 * unlocked account, so the node signs them: anvil's development accounts, or a node the user
 * unlocked an account on. No private key ever passes through this class.
 *
 * <p>Thread-safe: calls from several threads go out as independent HTTP requests, and the node
 * assigns nonces.
 */
public final class EvmChain implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(120);
  private static final int START_ATTEMPTS = 3;
  private static final HexFormat HEX = HexFormat.of();

  private final URI rpcUrl;
  private final Rpc client;
  private final long chainId;
  private final String account;
  private final long gasLimit;
  private final String description;
  private final LocalNode local;

  private EvmChain(URI rpcUrl, Rpc rpc, long chainId, String account, String description, LocalNode local)
      throws IOException {
    this.rpcUrl = rpcUrl;
    this.client = rpc;
    this.chainId = chainId;
    this.account = account;
    this.gasLimit = parseQuantity(rpc.call("eth_getBlockByNumber", "latest", false).path("gasLimit"),
        "eth_getBlockByNumber gasLimit");
    this.description = description;
    this.local = local;
  }

  /**
   * Starts Foundry's anvil (from the npm tools) on 127.0.0.1 at a free port, with the Prague
   * hardfork and one funded development account, and waits until it answers {@code eth_chainId}.
   * Transactions are mined as soon as they arrive. {@link #close()} stops it; so does a JVM
   * shutdown hook, should the caller never close it.
   *
   * @throws IOException if anvil is not installed, exits, or does not answer within a minute (the
   *     message holds its output)
   */
  public static EvmChain startLocal(NodeTools tools) throws IOException {
    Path binary = tools.anvilExecutable();
    IOException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      int port = freePort();
      LocalNode node = LocalNode.start(binary, port);
      URI url = URI.create("http://127.0.0.1:" + port);
      Rpc rpc = new Rpc(url);
      try {
        long chainId = waitForChainId(rpc, node);
        String account = firstAccount(rpc, url);
        return new EvmChain(url, rpc, chainId, account, "local anvil at " + url + ", chain " + chainId, node);
      } catch (PortTakenException e) {
        node.stop();
        last = e;
      } catch (IOException | RuntimeException e) {
        node.stop();
        throw e;
      }
    }
    throw last;
  }

  /**
   * An existing node at {@code rpcUrl} (http or https). Its first unlocked account
   * ({@code eth_accounts}) sends the transactions.
   *
   * @throws IOException if the node does not answer {@code eth_chainId}, or has no unlocked account
   */
  public static EvmChain connect(URI rpcUrl) throws IOException {
    String scheme = rpcUrl.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IOException("the JSON-RPC URL " + rpcUrl + " must start with http:// or https://");
    }
    Rpc rpc = new Rpc(rpcUrl);
    long chainId = parseQuantity(rpc.call("eth_chainId"), "eth_chainId");
    String account = firstAccount(rpc, rpcUrl);
    return new EvmChain(rpcUrl, rpc, chainId, account, "node at " + rpcUrl + ", chain " + chainId, null);
  }

  /** The node's JSON-RPC endpoint. */
  public URI rpcUrl() {
    return rpcUrl;
  }

  /** The chain id the node reported ({@code eth_chainId}); anvil's is 31337. */
  public long chainId() {
    return chainId;
  }

  /** One line for people, e.g. "local anvil at http://127.0.0.1:8545, chain 31337". */
  public String describe() {
    return description;
  }

  /** Stops anvil if this object started it; nothing for a connected node. */
  @Override
  public void close() {
    if (local != null) {
      local.stop();
    }
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The account transactions come from (0x-prefixed hex). */
  String account() {
    return account;
  }

  /**
   * Deploys creation bytecode (hex, with or without 0x) and waits for its receipt.
   *
   * @throws IOException if the node refuses it or the deployment reverts
   */
  Receipt deploy(String bytecode) throws IOException {
    ObjectNode tx = transaction().put("data", bytecode.startsWith("0x") ? bytecode : "0x" + bytecode);
    Receipt receipt = send(tx);
    if (!receipt.succeeded() || receipt.contractAddress() == null) {
      throw new IOException("deploying the contract failed in transaction " + receipt.transactionHash()
          + " on " + description + " (status 0, " + receipt.gasUsed() + " gas used)");
    }
    return receipt;
  }

  /**
   * The result of {@code eth_call} of {@code data} on the contract at {@code to}, at the latest
   * block, with the block's gas limit.
   *
   * @throws IOException if the call reverts or the node fails
   */
  byte[] call(String to, byte[] data) throws IOException {
    ObjectNode tx = transaction().put("to", to).put("data", "0x" + HEX.formatHex(data))
        .put("gas", "0x" + Long.toHexString(gasLimit));
    String result = rpc("eth_call", tx, "latest").asText();
    return HEX.parseHex(result.startsWith("0x") ? result.substring(2) : result);
  }

  /**
   * Sends {@code data} to {@code to} in a transaction and waits for its receipt, whatever its
   * status. The gas limit is the block's, never the node's estimate: Groth16 verifiers return
   * false, without reverting, when the pairing precompile runs out of gas, so an estimate finds a
   * limit at which the call "succeeds" by rejecting, and the gas used would be that of a failed
   * check.
   */
  Receipt transact(String to, byte[] data) throws IOException {
    return send(transaction().put("to", to).put("data", "0x" + HEX.formatHex(data))
        .put("gas", "0x" + Long.toHexString(gasLimit)));
  }

  /** The result of a JSON-RPC call; an error answer is an IOException naming the method. */
  JsonNode rpc(String method, Object... params) throws IOException {
    return client.call(method, params);
  }

  private ObjectNode transaction() {
    return client.json.createObjectNode().put("from", account);
  }

  private Receipt send(ObjectNode tx) throws IOException {
    String hash = rpc("eth_sendTransaction", tx).asText();
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    JsonNode receipt = rpc("eth_getTransactionReceipt", hash);
    while (receipt.isNull()) {
      if (System.nanoTime() > deadline) {
        throw new IOException("transaction " + hash + " was not mined within " + RECEIPT_TIMEOUT.toSeconds()
            + " s on " + description);
      }
      pause(100);
      receipt = rpc("eth_getTransactionReceipt", hash);
    }
    JsonNode address = receipt.path("contractAddress");
    return new Receipt(hash, "0x1".equals(receipt.path("status").asText()),
        parseQuantity(receipt.path("gasUsed"), "eth_getTransactionReceipt gasUsed"),
        address.isTextual() ? address.asText() : null);
  }

  /**
   * A mined transaction.
   *
   * @param contractAddress the created contract's address, or null if it created none
   */
  record Receipt(String transactionHash, boolean succeeded, long gasUsed, String contractAddress) {}

  private static long waitForChainId(Rpc rpc, LocalNode node) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        return parseQuantity(rpc.call("eth_chainId"), "eth_chainId");
      } catch (IOException notYet) {
        if (!node.process.isAlive()) {
          String log = node.log();
          String message = "anvil exited with status " + node.process.exitValue() + " before answering; its output:\n"
              + log;
          throw log.contains("in use") ? new PortTakenException(message) : new IOException(message);
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("anvil did not answer eth_chainId at " + rpc.url + " within "
              + START_TIMEOUT.toSeconds() + " s; its output:\n" + node.log(), notYet);
        }
        pause(100);
      }
    }
  }

  private static String firstAccount(Rpc rpc, URI url) throws IOException {
    JsonNode accounts = rpc.call("eth_accounts");
    if (!accounts.isArray() || accounts.isEmpty()) {
      throw new IOException("the node at " + url + " has no unlocked account (eth_accounts is empty), so it cannot "
          + "send transactions for zkml4j; unlock one on the node, or use a local anvil");
    }
    return accounts.get(0).asText();
  }

  private static long parseQuantity(JsonNode value, String what) throws IOException {
    String s = value.asText();
    if (!s.startsWith("0x") || s.length() < 3) {
      throw new IOException(what + " returned " + value + ", not a hexadecimal quantity");
    }
    try {
      return Long.parseUnsignedLong(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new IOException(what + " returned " + value + ", not a 64-bit quantity", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the node", e);
    }
  }

  /** anvil could not bind the port it was given (another process took it after we picked it). */
  private static final class PortTakenException extends IOException {
    PortTakenException(String message) {
      super(message);
    }
  }

  /** A JSON-RPC 2.0 client for one endpoint. */
  private static final class Rpc {
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();

    Rpc(URI url) {
      this.url = url;
    }

    /** The result of {@code method(params)}; a JSON-RPC error or a failed request is an IOException. */
    JsonNode call(String method, Object... params) throws IOException {
      ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
          .put("method", method);
      request.set("params", json.valueToTree(params));
      HttpResponse<String> response;
      try {
        response = http.send(HttpRequest.newBuilder(url)
            .timeout(RPC_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request)))
            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (ConnectException | HttpConnectTimeoutException e) {
        throw new IOException(method + " at " + url + " failed: cannot connect (is the node running, and is the URL "
            + "right?)", e);
      } catch (HttpTimeoutException e) {
        throw new IOException(method + " at " + url + " failed: no answer within " + RPC_TIMEOUT.toSeconds() + " s", e);
      } catch (IOException e) {
        throw new IOException(method + " at " + url + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted during " + method + " at " + url, e);
      }
      JsonNode body;
      try {
        body = json.readTree(response.body());
      } catch (IOException e) {
        body = null;
      }
      if (body == null || !body.isObject()) {
        throw new IOException(method + " at " + url + " failed: HTTP " + response.statusCode()
            + " with a body that is not a JSON-RPC answer: " + abbreviate(response.body()));
      }
      JsonNode error = body.get("error");
      if (error != null && !error.isNull()) {
        String data = error.hasNonNull("data") ? " (data " + abbreviate(error.get("data").toString()) + ")" : "";
        throw new IOException(method + " at " + url + " failed: " + error.path("message").asText(error.toString())
            + " [code " + error.path("code").asText("?") + "]" + data);
      }
      if (!body.has("result")) {
        throw new IOException(method + " at " + url + " failed: HTTP " + response.statusCode() + ", no result in "
            + abbreviate(response.body()));
      }
      return body.get("result");
    }

    private static String abbreviate(String s) {
      return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }
  }

  /** The anvil process this object started, its output file and its shutdown hook. */
  private static final class LocalNode {
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;
    private boolean stopped;

    private LocalNode(Process process, Path log, Thread shutdownHook) {
      this.process = process;
      this.log = log;
      this.shutdownHook = shutdownHook;
    }

    static LocalNode start(Path binary, int port) throws IOException {
      Path log = Files.createTempFile("zkml4j-anvil", ".log");
      Process process;
      try {
        process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
            "--accounts", "1", "--hardfork", "prague", "--silent")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
      } catch (IOException e) {
        Files.deleteIfExists(log);
        throw new IOException("cannot start " + binary + ": " + e.getMessage(), e);
      }
      process.getOutputStream().close();
      Thread hook = new Thread(process::destroyForcibly, "zkml4j-anvil-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      return new LocalNode(process, log, hook);
    }

    String log() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        return "(cannot read " + log + ": " + e.getMessage() + ")";
      }
    }

    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down; the hook runs or ran
      }
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        // a leftover temporary log is harmless
      }
    }
  }
}
