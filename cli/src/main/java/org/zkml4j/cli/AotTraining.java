package org.zkml4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.zkml4j.circuit.Witness;
import org.zkml4j.circuit.format.WtnsFile;
import org.zkml4j.groth16.ProvingKey;
import org.zkml4j.groth16.QapCoefficients;
import org.zkml4j.groth16.format.ZkeyWriter;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.field.Bn254;

/**
 * The training run of the launcher's JDK AOT cache (JEP 483, 514, 515): runs the commands a user
 * runs, so that the JVM records the classes they load and the profiles of their hot methods,
 * which later commands then start with. Two parts, about ten seconds together on two cores:
 * <ol>
 *   <li>the model verbs on a tiny 7x7 MNIST model bundled as a resource ({@value #RESOURCES}, 942
 *       constraints): {@code compile}; a power-10 ceremony made with the {@code powersoftau}
 *       verbs; {@code setup --ptau} from it; {@code prove} from JSON and from a PNG;
 *       {@code verify}. This puts the ONNX importer, the quantizer, the model compiler, the
 *       witness generator, the manifest reading, the ceremony and key code and the image decoder
 *       in the cache: what a cold {@code prove} of any model spends its first second on.
 *   <li>{@code groth16 prove} on a synthetic key and witness of 5,000 signals on a 2^13 domain,
 *       big enough to reach the prover's lane kernels (from 2^13), which the tiny model's 2^10
 *       domain does not.
 * </ol>
 * The synthetic key's points are distinct multiples of the generators and its witness is random,
 * so the proof it makes does not verify: it exercises the same code as a real one, which is all a
 * training run needs. Everything is written to a temporary folder and deleted. Not a verb: the
 * launcher runs this class directly and discards its output.
 */
final class AotTraining {
  /** The folder of the training files, beside this class. */
  private static final String RESOURCES = "aot-training/";
  private static final List<String> FILES = List.of("tiny.onnx", "calibration.json", "digit-7.json",
      "digit-7.png");
  private static final int SIGNALS = 5_000;
  private static final int LOG2_DOMAIN = 13;

  private AotTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("zkml4j-aot-training");
    try {
      trainModelVerbs(dir);
      trainGroth16Prove(dir);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void trainModelVerbs(Path dir) throws IOException {
    Path files = Files.createDirectories(dir.resolve("files"));
    for (String name : FILES) {
      try (InputStream in = AotTraining.class.getResourceAsStream(RESOURCES + name)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks its training file " + RESOURCES + name);
        }
        Files.copy(in, files.resolve(name));
      }
    }
    String model = dir.resolve("model").toString(), cache = dir.resolve("cache").toString();
    run("compile", files.resolve("tiny.onnx").toString(), "-o", model, "--calibration",
        files.resolve("calibration.json").toString(), "--cache", cache);
    // a ceremony made with the powersoftau verbs, then read by setup as a public ceremony file is
    String[] ptau = {dir.resolve("0.ptau").toString(), dir.resolve("1.ptau").toString(), dir.resolve("2.ptau").toString()};
    run("powersoftau", "new", "bn128", "10", ptau[0]);
    run("powersoftau", "contribute", ptau[0], ptau[1], "--name=training", "-e=training entropy");
    run("powersoftau", "prepare", "phase2", ptau[1], ptau[2]);
    run("setup", model, "--ptau", ptau[2], "--cache", cache);
    run("prove", model, "--input", files.resolve("digit-7.json").toString(), "-o", dir.resolve("proof").toString(),
        "--cache", cache);
    run("prove", model, "--input", files.resolve("digit-7.png").toString(), "-o", dir.resolve("proof").toString(),
        "--cache", cache);
    run("verify", model, dir.resolve("proof").toString(), "--cache", cache);
  }

  private static void trainGroth16Prove(Path dir) throws IOException {
    Path zkey = dir.resolve("train.zkey"), wtns = dir.resolve("train.wtns");
    SplittableRandom random = new SplittableRandom(1);
    ZkeyWriter.write(syntheticKey(random), zkey);
    WtnsFile.write(Witness.of(randomWitness(random)), wtns);
    run("groth16", "prove", zkey.toString(), wtns.toString(), dir.resolve("proof.json").toString(),
        dir.resolve("public.json").toString());
  }

  /** Runs a command as the launcher would, without its output; fails unless it succeeds. */
  private static void run(String... words) {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    int code = new Main(Commands.all(), sink, sink, false).run(words);
    if (code != ExitCode.OK) {
      throw new IllegalStateException("the training run of '" + String.join(" ", words) + "' ended with exit code "
          + code);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (var children = Files.list(p)) {
        for (Path c : children.toList()) {
          deleteRecursively(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }

  private static ProvingKey syntheticKey(SplittableRandom random) {
    int domain = 1 << LOG2_DOMAIN;
    G1 g1 = new G1();
    G2 g2 = new G2();
    long[] a = multiples(g1, SIGNALS, 1), b1 = multiples(g1, SIGNALS, 2), b2 = multiples(g2, SIGNALS, 1);
    long[] c = multiples(g1, SIGNALS - 2, 3), h = multiples(g1, domain, 4), ic = multiples(g1, 2, 5);
    int entries = 2 * SIGNALS;
    int[] matrix = new int[entries], constraint = new int[entries], signal = new int[entries];
    long[] values = new long[4 * entries];
    for (int i = 0; i < entries; i++) {
      matrix[i] = i % 2;
      constraint[i] = i / 2;
      signal[i] = random.nextInt(SIGNALS);
      Bn254.FR.fromLong(values, 4 * i, 1 + random.nextInt(1000));
    }
    long[] point1 = multiples(g1, 1, 6), point2 = multiples(g2, 1, 7);
    return ProvingKey.builder().sizes(SIGNALS, 1, domain)
        .alpha1(point1).beta1(point1).delta1(point1).beta2(point2).gamma2(point2).delta2(point2)
        .ic(ic).coefficients(QapCoefficients.of(matrix, constraint, signal, values))
        .pointsA(a).pointsB1(b1).pointsB2(b2).pointsC(c).pointsH(h).build();
  }

  /** The affine points (start + i) G for i below n, G the group's generator. */
  private static long[] multiples(CurveGroup g, int n, int start) {
    int affine = g.generator().length, jacobian = affine / 2 * 3;
    long[] step = new long[jacobian], point = new long[jacobian], out = new long[n * affine];
    g.fromAffine(step, 0, g.generator(), 0);
    g.fromAffine(point, 0, g.generator(), 0);
    for (int i = 1; i < start; i++) {
      g.add(point, 0, point, 0, step, 0);
    }
    for (int i = 0; i < n; i++) {
      g.toAffine(out, i * affine, point, 0);
      g.add(point, 0, point, 0, step, 0);
    }
    return out;
  }

  private static long[] randomWitness(SplittableRandom random) {
    long[] w = new long[4 * SIGNALS];
    Bn254.FR.setOne(w, 0);
    for (int i = 1; i < SIGNALS; i++) {
      Bn254.FR.fromLong(w, 4 * i, random.nextLong() >>> 1);
      if (i % 3 == 0) {
        Bn254.FR.mul(w, 4 * i, w, 4 * i, w, 4 * i);
      }
    }
    return w;
  }
}
