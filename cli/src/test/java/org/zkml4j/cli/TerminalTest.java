package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Terminal terminal(boolean interactive, boolean quiet) {
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new Terminal(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), e, interactive,
        quiet, question -> "answer to " + question);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logsGetOneLinePerStageNotOnePerUpdate() {
    Terminal t = terminal(false, false);
    for (int i = 0; i <= 100; i++) {
      t.progress("tauG1: applying the key", i, 100);
    }
    t.progress("tauG2: applying the key", 0, 10);
    assertEquals("tauG1: applying the key: 0%\ntauG2: applying the key: 0%\n", err().replace("\r\n", "\n"));
  }

  @Test
  void terminalsGetARedrawnBarEndedByANewLine() {
    Terminal t = terminal(true, false);
    t.progress("proving", 5, 10);
    t.endProgressLine();
    assertTrue(err().startsWith("\rproving"), err());
    assertTrue(err().contains("[###############...............]  50%"), err());
    assertTrue(err().endsWith(System.lineSeparator()), err());
  }

  @Test
  void quietSuppressesProgressAndNotesButNotQuestions() {
    Terminal t = terminal(true, true);
    t.progress("proving", 5, 10);
    t.info("a note");
    assertEquals("", err());
    assertEquals("answer to entropy?", t.ask("entropy?").orElseThrow());
  }
}
