package org.zkml4j.model.quant;

import java.util.ArrayList;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.ReferenceEvaluator;
import org.zkml4j.model.ir.Tensor;

/**
 * How closely a {@link QuantizedGraph} follows its float graph on a set of inputs: per output, the
 * largest and the mean absolute difference between the float value and the dequantized integer
 * one, and how often the two agree on the arg-max (along the last axis, per row; for an index
 * output such as an ArgMax, how often the indices are equal).
 *
 * @param outputs one entry per graph output, in order
 * @param samples the number of inputs compared
 */
public record FidelityReport(List<Output> outputs, int samples) {
  /**
   * The comparison of one output.
   *
   * @param name the output's name
   * @param maxAbsError the largest |float - dequantized| over all elements and samples
   * @param meanAbsError the mean of |float - dequantized|
   * @param argmaxAgreement the fraction of rows (or index elements) on which both agree
   */
  public record Output(String name, double maxAbsError, double meanAbsError, double argmaxAgreement) {}

  public FidelityReport {
    outputs = List.copyOf(outputs);
  }

  /**
   * Runs both graphs on every sample and compares their outputs.
   *
   * @param samples at least one; each one float tensor per input
   * @throws IllegalArgumentException if a sample does not fit, or falls outside the quantized
   *     graph's declared input bounds
   */
  public static FidelityReport measure(Graph graph, QuantizedGraph quantized, List<List<Tensor>> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("fidelity needs at least one sample input");
    }
    ReferenceEvaluator reference = new ReferenceEvaluator(graph);
    int n = quantized.outputs().size();
    double[] max = new double[n];
    double[] sum = new double[n];
    long[] count = new long[n];
    long[] agree = new long[n];
    long[] rows = new long[n];
    for (List<Tensor> sample : samples) {
      List<Tensor> expected = reference.run(sample);
      List<BigInteger[]> actual = quantized.evaluateExact(quantized.quantize(sample));
      for (int o = 0; o < n; o++) {
        Tensor e = expected.get(o);
        Tensor a = quantized.dequantize(o, actual.get(o));
        boolean index = e.type() == ElementType.INT64;
        for (int i = 0; i < e.size(); i++) {
          double d = Math.abs((index ? e.getLong(i) : e.getFloat(i)) - a.getFloat(i));
          max[o] = Math.max(max[o], d);
          sum[o] += d;
          count[o]++;
          if (index) {
            agree[o] += d == 0 ? 1 : 0;
            rows[o]++;
          }
        }
        if (!index) {
          int width = e.shape().rank() == 0 ? 1 : e.shape().dim(e.shape().rank() - 1);
          for (int r = 0; width > 0 && r < e.size() / width; r++) {
            agree[o] += argmax(e, r, width) == argmax(a, r, width) ? 1 : 0;
            rows[o]++;
          }
        }
      }
    }
    List<Output> outputs = new ArrayList<>();
    for (int o = 0; o < n; o++) {
      outputs.add(new Output(quantized.outputs().get(o).name(), max[o], count[o] == 0 ? 0 : sum[o] / count[o],
          rows[o] == 0 ? 1 : (double) agree[o] / rows[o]));
    }
    return new FidelityReport(outputs, samples.size());
  }

  /** One line per output, like {@code y: max |error| 0.0123, mean 0.0021, argmax agreement 98.0% (100 samples)}. */
  public String format() {
    StringBuilder s = new StringBuilder();
    for (Output o : outputs) {
      s.append(String.format(Locale.ROOT, "%s: max |error| %.4g, mean %.4g, argmax agreement %.1f%% (%d samples)%n",
          o.name(), o.maxAbsError(), o.meanAbsError(), 100 * o.argmaxAgreement(), samples));
    }
    return s.toString();
  }

  private static int argmax(Tensor t, int row, int width) {
    int best = 0;
    for (int j = 1; j < width; j++) {
      if (t.getFloat(row * width + j) > t.getFloat(row * width + best)) {
        best = j;
      }
    }
    return best;
  }
}
