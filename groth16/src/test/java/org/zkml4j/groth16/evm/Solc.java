package org.zkml4j.groth16.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.testkit.Peers;

/**
 * The Solidity compiler of interop/ (npm {@code solc}, the solcjs WebAssembly build) run through
 * Node.js: optimizer on with 200 runs, the compiler's default EVM version.
 */
public final class Solc {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  /** One compiled contract: creation bytecode (hex, no 0x) and the deployed code's size in bytes. */
  public record Contract(String bytecode, int runtimeSize) {}

  /** Everything one compiler run produced, by source file name (without folders). */
  public record Output(String version, Map<String, Map<String, Contract>> contracts, Map<String, List<String>> warnings) {
    /** The contract {@code name} from {@code file}. */
    public Contract contract(String file, String name) {
      Contract c = contracts.getOrDefault(file, Map.of()).get(name);
      if (c == null) {
        throw new IllegalStateException("solc produced no contract " + name + " in " + file + "; got " + contracts);
      }
      return c;
    }

    public List<String> warnings(String file) {
      return warnings.getOrDefault(file, List.of());
    }
  }

  private Solc() {}

  /**
   * Compiles the sources together (distinct file names).
   *
   * <p>Fails the calling test with the compiler's messages if compilation fails.
   */
  public static Output compile(Path... sources) {
    Peers.requirePackage("solc");
    List<String> args = new ArrayList<>(List.of(Peers.resource(Solc.class, "solc-compile.mjs").toString()));
    for (Path source : sources) {
      args.add(source.toAbsolutePath().toString());
    }
    String json = Peers.nodeOk(args, null, TIMEOUT).stdout();
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      Map<String, Map<String, Contract>> contracts = new HashMap<>();
      root.get("contracts").properties().forEach(file -> {
        Map<String, Contract> byName = new HashMap<>();
        file.getValue().properties().forEach(c -> byName.put(c.getKey(),
            new Contract(c.getValue().get("bytecode").asText(), c.getValue().get("runtimeSize").asInt())));
        contracts.put(file.getKey(), byName);
      });
      Map<String, List<String>> warnings = new HashMap<>();
      root.get("warnings").properties().forEach(file -> {
        List<String> messages = new ArrayList<>();
        file.getValue().forEach(m -> messages.add(m.asText()));
        warnings.put(file.getKey(), messages);
      });
      return new Output(root.get("version").asText(), contracts, warnings);
    } catch (IOException e) {
      throw new UncheckedIOException("solc-compile.mjs printed no valid JSON: " + json, e);
    }
  }
}
