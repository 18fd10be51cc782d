package org.zkml4j.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The zkml4j checkout the command runs from, found by walking up from the jar (the launcher runs
 * {@code cli/target/zkml4j.jar}) and then from the working directory, to the first folder that
 * holds {@code models/mnist/lenet.onnx}. What {@code demo} needs for its bundled model, and for
 * snarkjs in {@code interop/node_modules}.
 */
final class RepositoryRoot {
  static final String DEMO_MODEL = "models/mnist/lenet.onnx";

  private RepositoryRoot() {}

  static Optional<Path> find() {
    List<Path> starts = new ArrayList<>();
    try {
      var source = RepositoryRoot.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        starts.add(Path.of(source.getLocation().toURI()));
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      // not loaded from a file: fall back to the working directory
    }
    starts.add(Path.of("").toAbsolutePath());
    for (Path start : starts) {
      for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve(DEMO_MODEL))) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }
}
