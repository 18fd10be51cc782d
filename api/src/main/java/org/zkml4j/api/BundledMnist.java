package org.zkml4j.api;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zkml4j.circuit.format.FormatException;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.onnx.OnnxException;
import org.zkml4j.model.quant.QuantizationException;

/**
 * The MNIST model bundled with a zkml4j checkout ({@value #MODEL}), its calibration samples and its
 * held-out test digits: what {@code zkml4j demo} and {@code zkml4j serve} prove with.
 *
 * <p>The checkout is found by walking up from the jar this class was loaded from (the launcher
 * runs {@code cli/target/zkml4j.jar}), then from the working directory, to the first folder that
 * holds {@value #MODEL}. Immutable.
 */
public final class BundledMnist {
  /** The bundled model, relative to the checkout. */
  public static final String MODEL = "models/mnist/lenet.onnx";

  private final Path root;

  private BundledMnist(Path root) {
    this.root = root;
  }

  /** The bundled model of the checkout this code runs from, if there is one. */
  public static Optional<BundledMnist> find() {
    List<Path> starts = new ArrayList<>();
    try {
      var source = BundledMnist.class.getProtectionDomain().getCodeSource();
      if (source != null) {
        starts.add(Path.of(source.getLocation().toURI()));
      }
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      // not loaded from a file: fall back to the working directory
    }
    starts.add(Path.of("").toAbsolutePath());
    for (Path start : starts) {
      for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
        if (Files.isRegularFile(d.resolve(MODEL))) {
          return Optional.of(new BundledMnist(d));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link #find}, or an exception whose message says where it looked and what to do.
   *
   * @throws IllegalArgumentException when no checkout holds the model
   */
  public static BundledMnist require() {
    return find().orElseThrow(() -> new IllegalArgumentException("cannot find the bundled model " + MODEL
        + " above " + Path.of("").toAbsolutePath() + " or the zkml4j jar; run from a zkml4j checkout"));
  }

  /** The checkout's root folder (it also holds {@code interop/} with the npm tools). */
  public Path root() {
    return root;
  }

  /** {@code models/mnist}: the model, {@code calibration.json}, {@code digit-<N>.png}. */
  public Path directory() {
    return root.resolve("models/mnist");
  }

  public Path model() {
    return root.resolve(MODEL);
  }

  /** The held-out test digit labelled {@code label}, a 28x28 grayscale PNG. */
  public Path digit(int label) {
    if (label < 0 || label > 9) {
      throw new IllegalArgumentException("the bundled digits are labelled 0 to 9, not " + label);
    }
    return directory().resolve("digit-" + label + ".png");
  }

  /**
   * Imports the model, calibrates it on {@code calibration.json} and compiles it: the same circuit
   * for the same visibility on every run, so cached keys fit it.
   */
  public ZkModel compile(Visibility visibility)
      throws IOException, OnnxException, FormatException, QuantizationException {
    return ZkModel.load(model()).calibrate(directory().resolve("calibration.json")).compile(visibility);
  }

  @Override
  public String toString() {
    return "BundledMnist(" + model() + ")";
  }
}
