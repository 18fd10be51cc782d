package org.zkml4j.api.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A local anvil and connections to nodes: what works, and the messages of what does not. */
class EvmChainTest {
  @Test
  void startLocal_answers_connectReachesTheSameNode_closeStopsIt() throws IOException {
    URI url;
    try (EvmChain local = EvmChain.startLocal(ChainTools.withAnvil())) {
      url = local.rpcUrl();
      assertEquals("127.0.0.1", url.getHost());
      assertEquals(31337, local.chainId(), "anvil's chain id");
      assertEquals("local anvil at " + url + ", chain 31337", local.describe());
      assertTrue(local.account().matches("0x[0-9a-fA-F]{40}"), local.account());

      EvmChain remote = EvmChain.connect(url);
      assertEquals(local.chainId(), remote.chainId());
      assertEquals(local.account(), remote.account());
      assertEquals("node at " + url + ", chain 31337", remote.describe());
      String block = remote.rpc("eth_blockNumber").asText();
      remote.close(); // a connected node is not ours to stop
      assertEquals(block, local.rpc("eth_blockNumber").asText());
    }
    IOException stopped = assertThrows(IOException.class, () -> EvmChain.connect(url));
    assertTrue(stopped.getMessage().contains("eth_chainId at " + url), stopped.getMessage());
  }

  @Test
  void connect_toAPortNobodyListensOn_saysWhichCallFailedWhere() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port);
    IOException e = assertThrows(IOException.class, () -> EvmChain.connect(url));
    assertTrue(e.getMessage().startsWith("eth_chainId at " + url + " failed: cannot connect"), e.getMessage());
  }

  @Test
  void connect_needsAnHttpUrl() {
    IOException e = assertThrows(IOException.class, () -> EvmChain.connect(URI.create("ws://127.0.0.1:8545")));
    assertTrue(e.getMessage().contains("must start with http:// or https://"), e.getMessage());
  }

  @Test
  void nodeErrors_nameTheMethod_andTheNodesReason() throws IOException {
    try (EvmChain chain = EvmChain.startLocal(ChainTools.withAnvil())) {
      IOException e = assertThrows(IOException.class, () -> chain.rpc("eth_noSuchMethod"));
      assertTrue(e.getMessage().startsWith("eth_noSuchMethod at " + chain.rpcUrl() + " failed: "), e.getMessage());
      IOException bad = assertThrows(IOException.class, () -> chain.deploy("0xfe")); // INVALID opcode reverts
      assertTrue(bad.getMessage().contains("failed"), bad.getMessage());
    }
  }
}
