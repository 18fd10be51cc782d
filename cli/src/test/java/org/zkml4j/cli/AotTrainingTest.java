package org.zkml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The launcher's AOT training run: its model verbs and its synthetic proof succeed, and it leaves no files behind. */
class AotTrainingTest {
  @Test
  void trainingRunProvesAndCleansUp() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = trainingFolders(tmp);
    AotTraining.main(new String[0]); // throws if a command does not exit with 0
    assertEquals(before, trainingFolders(tmp));
  }

  private static long trainingFolders(Path tmp) throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("zkml4j-aot-training")).count();
    }
  }
}
