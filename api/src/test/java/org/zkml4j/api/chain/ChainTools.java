package org.zkml4j.api.chain;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.zkml4j.api.tools.NodeTools;

/** The npm tools the chain tests need, or a skipped test saying what to install. */
final class ChainTools {
  private ChainTools() {}

  /** The tools with anvil installed; skips the test if node, the npm tools or anvil are missing. */
  static NodeTools withAnvil() {
    NodeTools tools = NodeTools.find()
        .orElseGet(() -> Assumptions.abort("skipped: no Node.js or npm tools; " + NodeTools.howToInstall()));
    try {
      tools.anvilExecutable();
    } catch (IOException e) {
      Assumptions.abort("skipped: " + e.getMessage());
    }
    return tools;
  }
}
