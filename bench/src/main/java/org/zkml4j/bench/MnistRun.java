package org.zkml4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.zkml4j.api.Keys;
import org.zkml4j.api.ModelInput;
import org.zkml4j.api.ModelWitness;
import org.zkml4j.api.ProofBundle;
import org.zkml4j.api.ZkModel;
import org.zkml4j.circuit.R1cs;
import org.zkml4j.math.parallel.Parallelism;
import org.zkml4j.model.compile.Visibility;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.ReferenceEvaluator;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.quant.QuantizationOptions;
import org.zkml4j.model.quant.QuantizedGraph;

/**
 * The zkml4j side of {@code scripts/bench-mnist} that runs inside one JVM (the command-line steps
 * run as {@code zkml4j} processes). Prints one JSON line for {@code bench/peers/mnist-side-by-side.mjs}.
 *
 * <ul>
 *   <li>{@code accuracy <model.onnx> <calibration.json> <test-subset.json>}: the float model (the
 *       graph's {@link ReferenceEvaluator}) and the quantized one ({@link QuantizedGraph#evaluate},
 *       the circuit's exact integer semantics) on every labelled digit, for both quantization
 *       presets, with the constraints each preset's circuit has (image private, weights fixed).
 *   <li>{@code prove <model dir> <input> <rounds>}: a model directory set up by {@code zkml4j
 *       setup}; one untimed warm-up proof, then {@code rounds} timed ones, witness and Groth16 prove
 *       timed apart, each proof verified untimed. The process's peak resident memory (VmHWM) is
 *       read at the end, so it covers loading the keys and every proof.
 * </ul>
 */
public final class MnistRun {
  private MnistRun() {}

  public static void main(String[] args) throws Exception {
    String json = switch (args.length == 0 ? "" : args[0]) {
      case "accuracy" -> accuracy(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
      case "prove" -> prove(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("usage: MnistRun accuracy <model.onnx> <calibration.json>"
          + " <test-subset.json> | prove <model dir> <input> <rounds>");
    };
    System.out.println(json);
  }

  static String accuracy(Path onnx, Path calibration, Path testSubset) throws Exception {
    LabelledDigits digits = LabelledDigits.read(testSubset);
    Shape shape = Shape.of(1, 1, 28, 28);
    List<List<Tensor>> inputs = new ArrayList<>();
    for (float[] image : digits.images()) {
      inputs.add(List.of(Tensor.ofFloats(shape, image)));
    }
    List<String> presets = new ArrayList<>();
    int floatCorrect = -1;
    for (QuantizationOptions options : List.of(QuantizationOptions.accuracy(), QuantizationOptions.size())) {
      ZkModel model = ZkModel.load(onnx).calibrate(calibration).quantization(options).compile(Visibility.defaults());
      Graph graph = model.graph();
      ReferenceEvaluator reference = new ReferenceEvaluator(graph);
      QuantizedGraph quantized = model.compiled().graph();
      int fCorrect = 0, qCorrect = 0, agree = 0;
      for (int i = 0; i < digits.size(); i++) {
        Tensor logits = reference.run(inputs.get(i)).get(0);
        float[] f = new float[logits.size()];
        for (int j = 0; j < f.length; j++) {
          f[j] = logits.getFloat(j);
        }
        long[] q = quantized.evaluate(quantized.quantize(inputs.get(i))).get(0);
        int fClass = argmax(f), qClass = argmax(q);
        fCorrect += fClass == digits.labels()[i] ? 1 : 0;
        qCorrect += qClass == digits.labels()[i] ? 1 : 0;
        agree += fClass == qClass ? 1 : 0;
      }
      floatCorrect = fCorrect;
      presets.add(String.format(Locale.ROOT, "{\"optimize\":\"%s\",\"quantizedCorrect\":%d,\"agree\":%d,"
          + "\"constraints\":%d}", options.optimize().name().toLowerCase(Locale.ROOT), qCorrect, agree,
          model.compiled().circuit().r1cs().numConstraints()));
    }
    return String.format(Locale.ROOT, "{\"digits\":%d,\"floatCorrect\":%d,\"presets\":[%s]}", digits.size(),
        floatCorrect, String.join(",", presets));
  }

  static String prove(Path modelDir, Path inputFile, int rounds) throws Exception {
    ZkModel model = ZkModel.open(modelDir);
    Keys keys = Keys.read(modelDir, Parallelism.shared());
    ModelInput input = model.readInput(inputFile);
    double[] witnessMs = new double[rounds];
    double[] proveMs = new double[rounds];
    boolean allValid = true;
    for (int r = -1; r < rounds; r++) {
      long t0 = System.nanoTime();
      ModelWitness witness = model.witness(input);
      long t1 = System.nanoTime();
      ProofBundle proof = model.prove(keys, witness, Parallelism.shared());
      long t2 = System.nanoTime();
      allValid &= model.verify(keys.verifyingKey(), proof);
      if (r >= 0) {
        witnessMs[r] = (t1 - t0) / 1e6;
        proveMs[r] = (t2 - t1) / 1e6;
      }
    }
    R1cs r1cs = model.compiled().circuit().r1cs();
    return String.format(Locale.ROOT, "{\"constraints\":%d,\"wires\":%d,\"witnessMs\":%s,\"proveMs\":%s,"
        + "\"verified\":%b,\"peakRssMb\":%.1f,\"threads\":%d}", r1cs.numConstraints(), r1cs.numWires(),
        Arrays.toString(witnessMs), Arrays.toString(proveMs), allValid, peakRssMb(),
        Parallelism.shared().threads());
  }

  /** The process's peak resident set (VmHWM of /proc/self/status), or -1 where there is no /proc. */
  private static double peakRssMb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  private static int argmax(long[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }
}
