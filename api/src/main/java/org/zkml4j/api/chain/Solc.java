package org.zkml4j.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zkml4j.api.tools.NodeTools;

/**
 * The Solidity compiler of the pinned npm tools ({@code solc}, the solcjs WebAssembly build) run
 * through Node.js by {@code solc-compile.mjs}: optimizer on with 200 runs, the compiler's default
 * EVM version. The solcjs build is used rather than a native {@code solc} so that the compiler
 * version is the one {@code interop/package-lock.json} pins, on every platform.
 */
final class Solc {
  /** Loading the 10 MB WebAssembly compiler alone takes seconds on a loaded machine. */
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String SCRIPT = "solc-compile.mjs";

  /** One compiled contract: creation bytecode (hex, no 0x) and the deployed code's size in bytes. */
  record Contract(String bytecode, int runtimeSize) {}

  /**
   * Everything one compiler run produced.
   *
   * @param version solc's version string
   * @param contracts by source file name, then by contract name
   * @param warnings the compiler's warnings by source file name ("" for those without a file)
   */
  record Output(String version, Map<String, Map<String, Contract>> contracts, Map<String, List<String>> warnings) {
    /** The contract {@code name} from {@code file}. */
    Contract contract(String file, String name) throws IOException {
      Contract c = contracts.getOrDefault(file, Map.of()).get(name);
      if (c == null) {
        throw new IOException("solc produced no contract " + name + " in " + file + "; it produced "
            + contracts.keySet() + " (is the contract name right?)");
      }
      return c;
    }

    List<String> warnings(String file) {
      return warnings.getOrDefault(file, List.of());
    }
  }

  private Solc() {}

  /**
   * Compiles the sources together.
   *
   * @param sources Solidity text by file name (a bare name such as {@code Verifier.sol})
   * @throws IOException if solc is not installed, cannot run, or reports an error (its messages
   *     are in the exception's)
   */
  static Output compile(NodeTools tools, Map<String, String> sources) throws IOException {
    if (!Files.isRegularFile(tools.resolve("solc/package.json"))) {
      throw new IOException("the npm package solc is not installed in " + tools.nodeModules() + "; "
          + NodeTools.howToInstall());
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode input = json.createObjectNode().put("language", "Solidity");
    ObjectNode files = input.putObject("sources");
    sources.forEach((name, text) -> files.putObject(name).put("content", text));
    ObjectNode settings = input.putObject("settings");
    settings.putObject("optimizer").put("enabled", true).put("runs", 200);
    settings.putObject("outputSelection").putObject("*").putArray("*")
        .add("evm.bytecode.object").add("evm.deployedBytecode.object");

    Path script = Files.createTempFile("zkml4j-solc-compile", ".mjs");
    String printed;
    try {
      try (InputStream in = Solc.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IllegalStateException("the resource " + SCRIPT + " is missing from the zkml4j api jar");
        }
        Files.write(script, in.readAllBytes());
      }
      printed = tools.runNode(TIMEOUT, List.of(script.toString()), json.writeValueAsBytes(input));
    } catch (IOException e) {
      throw new IOException("solc could not compile " + sources.keySet() + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(script);
    }
    return parse(json.readTree(printed), sources);
  }

  private static Output parse(JsonNode root, Map<String, String> sources) throws IOException {
    JsonNode output = root.path("output");
    List<String> errors = new ArrayList<>();
    Map<String, List<String>> warnings = new HashMap<>();
    for (JsonNode e : output.path("errors")) {
      String message = e.path("formattedMessage").asText(e.path("message").asText());
      if ("error".equals(e.path("severity").asText())) {
        errors.add(message);
      } else {
        warnings.computeIfAbsent(e.path("sourceLocation").path("file").asText(""), f -> new ArrayList<>()).add(message);
      }
    }
    if (!errors.isEmpty()) {
      throw new IOException("solc " + root.path("version").asText() + " rejected " + sources.keySet() + ":\n"
          + String.join("\n", errors));
    }
    Map<String, Map<String, Contract>> contracts = new HashMap<>();
    for (var file : output.path("contracts").properties()) {
      Map<String, Contract> byName = new HashMap<>();
      for (var c : file.getValue().properties()) {
        JsonNode evm = c.getValue().path("evm");
        byName.put(c.getKey(), new Contract(evm.path("bytecode").path("object").asText(),
            evm.path("deployedBytecode").path("object").asText().length() / 2));
      }
      contracts.put(file.getKey(), Map.copyOf(byName));
    }
    return new Output(root.path("version").asText(), Map.copyOf(contracts), Map.copyOf(warnings));
  }
}
