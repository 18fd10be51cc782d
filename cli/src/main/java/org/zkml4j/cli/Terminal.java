package org.zkml4j.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the command writes: results to {@code out}, progress and diagnostics to {@code err}.
 * Progress is drawn as a redrawn line on a terminal, and as occasional plain lines otherwise (logs,
 * CI), so long steps are visible either way without flooding a log.
 */
final class Terminal {
  /** Asks the person at the terminal a question; tests answer it themselves. */
  @FunctionalInterface
  interface Prompt {
    /** No one to ask: every question goes unanswered. */
    Prompt NONE = question -> null;

    /** Shows the question and returns the line typed, or null when there is no one to ask. */
    String ask(String question);
  }

  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private final boolean quiet;
  private final Prompt prompt;
  private String lastStage = "";
  private long lastDrawNanos;
  private int lastPercent = -1;

  Terminal(PrintStream out, PrintStream err, boolean interactive, boolean quiet, Prompt prompt) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
    this.quiet = quiet;
    this.prompt = prompt;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** A note on stderr (suppressed by --quiet). */
  void info(String message) {
    if (!quiet) {
      endProgressLine();
      err.println(message);
    }
  }

  /**
   * Asks the user a question (even with --quiet: the user must see what is asked).
   *
   * @return the answer, or empty when no one can answer (no terminal, end of input)
   */
  Optional<String> ask(String question) {
    endProgressLine();
    return Optional.ofNullable(prompt.ask(question));
  }

  /** Reports progress of a stage; safe to call often and from any one thread at a time. */
  synchronized void progress(String stage, long done, long total) {
    if (quiet) {
      return;
    }
    int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    long now = System.nanoTime();
    boolean newStage = !stage.equals(lastStage);
    if (interactive) {
      if (!newStage && percent == lastPercent && now - lastDrawNanos < 100_000_000L) {
        return;
      }
      if (newStage && !lastStage.isEmpty()) {
        err.println();
      }
      int width = 30, filled = percent * width / 100;
      err.print(String.format(Locale.ROOT, "\r%-46s [%s%s] %3d%%", trim(stage, 46),
          "#".repeat(filled), ".".repeat(width - filled), percent));
      err.flush();
    } else if (newStage || (percent / 25 != lastPercent / 25 && now - lastDrawNanos > 2_000_000_000L)) {
      err.println(String.format(Locale.ROOT, "%s: %d%%", stage, percent));
    } else {
      return;
    }
    lastStage = stage;
    lastPercent = percent;
    lastDrawNanos = now;
  }

  /** Ends a progress line so the next output starts on a fresh line. */
  synchronized void endProgressLine() {
    if (interactive && !lastStage.isEmpty()) {
      err.println();
    }
    lastStage = "";
    lastPercent = -1;
  }

  private static String trim(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
