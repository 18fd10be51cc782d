package org.zkml4j.cli;

import java.util.List;

/** Every verb of the command, in the order the overview lists them. */
final class Commands {
  private Commands() {}

  static List<Command> all() {
    return List.of(
        new R1csInfoCommand(),
        new WtnsCheckCommand());
  }
}
