package org.zkml4j.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The opt-in timing lines: silent by default, one line per phase when the property is set. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
@ResourceLock(Resources.SYSTEM_ERR)
class PhaseTimerTest {
  @Test
  void silentUnlessThePropertyIsTrue() {
    String printed = capture(() -> {
      PhaseTimer timer = PhaseTimer.start("prove");
      assertFalse(timer.enabled());
      timer.lap("msm A");
    }, null);
    assertEquals("", printed);
  }

  @Test
  void printsEachPhaseWithWallAndCpuTime() {
    String printed = capture(() -> {
      PhaseTimer timer = PhaseTimer.start("prove");
      assertTrue(timer.enabled());
      timer.lap("msm A");
      timer.lap("msm B1");
    }, "true");
    assertTrue(printed.matches("(?s).*zkml4j timings: prove: msm A [0-9.]+ ms \\(process cpu [0-9.]+ ms\\)\n"
        + "zkml4j timings: prove: msm B1 [0-9.]+ ms \\(process cpu [0-9.]+ ms\\)\n"), printed);
  }

  private static String capture(Runnable body, String property) {
    String before = System.getProperty(PhaseTimer.PROPERTY);
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (property == null) {
        System.clearProperty(PhaseTimer.PROPERTY);
      } else {
        System.setProperty(PhaseTimer.PROPERTY, property);
      }
      System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      body.run();
    } finally {
      System.setErr(err);
      if (before == null) {
        System.clearProperty(PhaseTimer.PROPERTY);
      } else {
        System.setProperty(PhaseTimer.PROPERTY, before);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
