package org.zkml4j.groth16.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zkml4j.testkit.Peers;

/**
 * A local Ethereum node for tests: Foundry's {@code anvil} from interop/ (npm
 * {@code @foundry-rs/anvil-<os>-<arch>}), on 127.0.0.1 at a port the OS picks, with the Prague
 * hardfork, spoken to over JSON-RPC. Transactions come from anvil's first unlocked account and are
 * mined at once. {@link #close()} stops the process (a JVM shutdown hook does it too, should a test
 * run end without closing).
 */
public final class Anvil implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final String GAS_LIMIT = "0x1c9c380";
  private static final HexFormat HEX = HexFormat.of();

  private final Process process;
  private final Path log;
  private final Thread shutdownHook;
  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();
  private final String account;

  private Anvil(Process process, Path log, Thread shutdownHook, int port) {
    this.process = process;
    this.log = log;
    this.shutdownHook = shutdownHook;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
    this.account = rpc("eth_accounts").get(0).asText();
  }

  /**
   * Starts anvil and waits until it listens.
   *
   * @throws IllegalStateException with anvil's output if the binary is missing, exits or does not
   *     listen within a minute
   */
  public static Anvil start() {
    Path binary = binary();
    try {
      Path log = Files.createTempFile("anvil", ".log");
      Process process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", "0",
          "--accounts", "1", "--hardfork", "prague")
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      process.getOutputStream().close();
      Thread hook = new Thread(process::destroyForcibly, "anvil-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        Matcher m = LISTENING.matcher(Files.readString(log));
        if (m.find()) {
          return new Anvil(process, log, hook, Integer.parseInt(m.group(1)));
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      stop(process);
      Runtime.getRuntime().removeShutdownHook(hook);
      throw new IllegalStateException(binary + " did not start listening (exit " + (process.isAlive() ? "-" : process.exitValue())
          + "); output:\n" + Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting anvil", e);
    }
  }

  /** Deploys creation bytecode (hex, with or without 0x) and returns the contract's address. */
  public String deploy(String bytecode) {
    JsonNode receipt = transact(Map.of("data", prefixed(bytecode)));
    return receipt.get("contractAddress").asText();
  }

  /**
   * The result of {@code eth_call} of {@code data} on the contract at {@code to}.
   *
   * @throws IllegalStateException if the call reverts
   */
  public byte[] call(String to, byte[] data) {
    ObjectNode tx = json.createObjectNode().put("from", account).put("to", to).put("data", "0x" + HEX.formatHex(data));
    return HEX.parseHex(rpc("eth_call", tx, "latest").asText().substring(2));
  }

  /** Sends {@code data} to the contract at {@code to} in a mined transaction and returns its gas used. */
  public long gasUsed(String to, byte[] data) {
    JsonNode receipt = transact(Map.of("to", to, "data", "0x" + HEX.formatHex(data)));
    return Long.decode(receipt.get("gasUsed").asText());
  }

  private JsonNode transact(Map<String, String> fields) {
    ObjectNode tx = json.createObjectNode().put("from", account).put("gas", GAS_LIMIT);
    fields.forEach(tx::put);
    String hash = rpc("eth_sendTransaction", tx).asText();
    JsonNode receipt = rpc("eth_getTransactionReceipt", hash);
    for (int i = 0; receipt.isNull() && i < 100; i++) {
      sleep();
      receipt = rpc("eth_getTransactionReceipt", hash);
    }
    if (receipt.isNull() || !"0x1".equals(receipt.get("status").asText())) {
      throw new IllegalStateException("transaction " + hash + " failed or was not mined: " + receipt);
    }
    return receipt;
  }

  private JsonNode rpc(String method, Object... params) {
    ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
    request.set("params", json.valueToTree(params));
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
          .timeout(RPC_TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
          .build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = json.readTree(response.body());
      if (body.has("error")) {
        throw new IllegalStateException("anvil " + method + " failed: " + body.get("error"));
      }
      return body.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException("anvil " + method + " at " + endpoint + " failed; anvil log: " + log, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during anvil " + method, e);
    }
  }

  @Override
  public void close() {
    stop(process);
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a leftover temporary log is harmless
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** interop/node_modules/@foundry-rs/anvil-{linux,darwin,win32}-{amd64,arm64}/bin/anvil. */
  private static Path binary() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String platform = (os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux")
        + (arch.equals("aarch64") || arch.equals("arm64") ? "-arm64" : "-amd64");
    String pkg = "@foundry-rs/anvil-" + platform;
    Peers.assumeAvailable();
    Path dir = Peers.interop().resolve("node_modules").resolve(pkg);
    Path binary = dir.resolve("bin").resolve(platform.startsWith("win32") ? "anvil.exe" : "anvil");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("anvil is not installed at " + binary + "; interop/package.json pins "
          + "@foundry-rs/anvil-linux-amd64 (run `npm ci` in interop/); on other platforms add " + pkg
          + " with `npm install --save-optional --save-exact " + pkg + "@<same version>`");
    }
    return binary;
  }

  private static String prefixed(String hex) {
    return hex.startsWith("0x") ? hex : "0x" + hex;
  }
}
