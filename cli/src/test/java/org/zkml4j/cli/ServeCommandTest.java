package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code serve}'s command line; the server itself is tested in the server module. */
class ServeCommandTest {
  @Test
  void contradictoryOrOutOfRangeOptions_areUsageErrors_beforeAnythingStarts() {
    CliRun both = CliRun.expect(ExitCode.USAGE, "serve", "--no-chain", "--rpc-url", "http://127.0.0.1:8545");
    assertTrue(both.err().contains("--no-chain and --rpc-url contradict each other"), both.err());
    CliRun port = CliRun.expect(ExitCode.USAGE, "serve", "--port", "70000");
    assertTrue(port.err().contains("--port must be between 0 and 65535"), port.err());
    CliRun queue = CliRun.expect(ExitCode.USAGE, "serve", "--queue", "0");
    assertTrue(queue.err().contains("--queue must be between 1"), queue.err());
    CliRun rpc = CliRun.expect(ExitCode.USAGE, "serve", "--rpc-url", "localhost:8545");
    assertTrue(rpc.err().contains("must be an http:// or https://"), rpc.err());
    CliRun extra = CliRun.expect(ExitCode.USAGE, "serve", "now");
    assertTrue(extra.err().contains("too many arguments"), extra.err());
  }
}
