package org.zkml4j.api.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the npm tools, and running node scripts with their output and errors. */
class NodeToolsTest {
  private static NodeTools tools() {
    return NodeTools.find().orElseGet(() -> Assumptions.abort("skipped: " + NodeTools.howToInstall()));
  }

  @Test
  void find_walksUpToTheCheckoutsInteropNodeModules() {
    NodeTools tools = tools();
    assertEquals(Path.of("interop", "node_modules"), tools.nodeModules().subpath(
        tools.nodeModules().getNameCount() - 2, tools.nodeModules().getNameCount()));
    assertTrue(Files.isRegularFile(tools.resolve("snarkjs/build/cli.cjs")), tools.toString());
  }

  @Test
  void find_obeysTheSystemProperty_evenWhenItNamesNoFolder(@TempDir Path dir) {
    tools();
    String before = System.getProperty(NodeTools.NODE_MODULES_PROPERTY);
    try {
      System.setProperty(NodeTools.NODE_MODULES_PROPERTY, dir.toString());
      assertEquals(Optional.of(dir.toAbsolutePath()), NodeTools.find().map(NodeTools::nodeModules));
      IOException e = assertThrows(IOException.class, () -> NodeTools.find().orElseThrow().anvilExecutable());
      assertTrue(e.getMessage().startsWith("anvil is not installed: no executable " + dir), e.getMessage());
      System.setProperty(NodeTools.NODE_MODULES_PROPERTY, dir.resolve("missing").toString());
      assertEquals(Optional.empty(), NodeTools.find());
    } finally {
      if (before == null) {
        System.clearProperty(NodeTools.NODE_MODULES_PROPERTY);
      } else {
        System.setProperty(NodeTools.NODE_MODULES_PROPERTY, before);
      }
    }
  }

  @Test
  void runNode_givesStdin_returnsStdout_inTheFolderAboveNodeModules() throws IOException {
    NodeTools tools = tools();
    String out = tools.runNode(Duration.ofMinutes(1), List.of("-e",
        "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(s.toUpperCase()+' '+process.cwd()))"),
        "hello".getBytes(StandardCharsets.UTF_8));
    assertEquals("HELLO " + tools.nodeModules().getParent(), out.strip());
  }

  @Test
  void runNode_failure_carriesWhatTheScriptPrinted() {
    NodeTools tools = tools();
    IOException e = assertThrows(IOException.class, () -> tools.runNode(Duration.ofMinutes(1),
        List.of("-e", "console.log('to stdout'); console.error('to stderr'); process.exit(3)"), null));
    assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
    assertTrue(e.getMessage().contains("to stdout") && e.getMessage().contains("to stderr"), e.getMessage());
  }

  @Test
  void runNode_killsAScriptThatOutlivesItsTimeout() {
    NodeTools tools = tools();
    IOException e = assertThrows(IOException.class,
        () -> tools.runNode(Duration.ofSeconds(2), List.of("-e", "setTimeout(() => {}, 60000)"), null));
    assertTrue(e.getMessage().contains("did not finish within 2 s"), e.getMessage());
  }

  @Test
  void howToInstall_namesNpmCiInInterop() {
    assertTrue(NodeTools.howToInstall().contains("'npm ci' in the interop/ folder"), NodeTools.howToInstall());
  }
}
