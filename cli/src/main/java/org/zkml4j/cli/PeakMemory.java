package org.zkml4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory from Linux's {@code /proc/self}: the daemon resets the peak
 * before each command, so that each command's peak can be reported as a JVM of its own would
 * have had it (GNU time's "maximum resident set size"). Elsewhere every figure is 0.
 */
final class PeakMemory {
  private PeakMemory() {}

  /** Starts a new peak from the current resident size (Linux's {@code clear_refs} value 5). */
  static void reset() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // not Linux, or not allowed: the peak then covers the daemon's whole life, an overestimate
    }
  }

  /** The largest resident size since the last {@link #reset}, in KiB. */
  static long peakKib() {
    return statusField("VmHWM:");
  }

  static long currentKib() {
    return statusField("VmRSS:");
  }

  private static long statusField(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown
    }
    return 0;
  }
}
