package org.zkml4j.model.quant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.ReferenceEvaluator;
import org.zkml4j.model.ir.Tensor;

/**
 * The range every float value of a graph took over a set of sample inputs, measured with the
 * {@link ReferenceEvaluator}: what {@link Quantizer} chooses activation and input scales from.
 * Immutable.
 */
public final class Calibration {
  /** The least and greatest value seen (NaNs ignored); both 0 if nothing finite was seen. */
  public record Range(float min, float max) {
    /** The greatest magnitude. */
    public float maxAbs() {
      return Math.max(Math.abs(min), Math.abs(max));
    }
  }

  private final Map<String, Range> ranges;
  private final int samples;

  private Calibration(Map<String, Range> ranges, int samples) {
    this.ranges = Collections.unmodifiableMap(ranges);
    this.samples = samples;
  }

  /**
   * Runs the graph on every sample and records each float value's range.
   *
   * @param samples at least one; each one tensor per graph input, in order
   * @throws IllegalArgumentException if there is no sample or a sample does not fit the inputs
   */
  public static Calibration observe(Graph graph, List<List<Tensor>> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one sample input");
    }
    ReferenceEvaluator evaluator = new ReferenceEvaluator(graph);
    Map<String, float[]> seen = new LinkedHashMap<>();
    for (List<Tensor> sample : samples) {
      for (Map.Entry<String, Tensor> e : evaluator.runAll(sample).entrySet()) {
        Tensor t = e.getValue();
        if (t.type() != ElementType.FLOAT) {
          continue;
        }
        float[] r = seen.computeIfAbsent(e.getKey(), k -> new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY});
        for (int i = 0; i < t.size(); i++) {
          float v = t.getFloat(i);
          if (Float.isFinite(v)) {
            r[0] = Math.min(r[0], v);
            r[1] = Math.max(r[1], v);
          }
        }
      }
    }
    Map<String, Range> ranges = new LinkedHashMap<>();
    seen.forEach((k, r) -> ranges.put(k, r[0] > r[1] ? new Range(0, 0) : new Range(r[0], r[1])));
    return new Calibration(ranges, samples.size());
  }

  /** The observed range of a float runtime value (input or node output). */
  public Optional<Range> range(String value) {
    return Optional.ofNullable(ranges.get(value));
  }

  /** Every observed range by value name, in evaluation order. */
  public Map<String, Range> ranges() {
    return ranges;
  }

  /** The number of samples observed. */
  public int samples() {
    return samples;
  }
}
