package org.zkml4j.model.quant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The proven intervals are sound: no input inside the declared bounds, including the extreme ones
 * (every element at its minimum or maximum, or at either at random, where linear layers reach
 * their extremes) drives any layer outside its interval ({@link QuantizedGraph#evaluateAll} checks
 * every value and throws if one escapes).
 */
class BoundsProperties {
  private static final Map<Integer, QuantizedGraph> GRAPHS = new HashMap<>();

  static synchronized QuantizedGraph graph(int index) {
    return GRAPHS.computeIfAbsent(index, i -> {
      try {
        OpCases.OpCase c = OpCases.all(61).get(i);
        return Quantizer.quantize(c.graph(), TestGraphs.calibration(new Random(i), c.graph(), 6, -1, 1),
            QuantizationOptions.accuracy());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static int cases() {
    try {
      return OpCases.all(61).size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Extreme integer inputs for a graph: per element min, max, or a uniform value, as {@code mode} says (0 to 3). */
  static List<long[]> extremeInputs(QuantizedGraph q, int mode, long seed) {
    Random r = new Random(seed);
    List<long[]> inputs = new ArrayList<>();
    for (QuantizedTensor in : q.inputs()) {
      long[] v = new long[in.shape().size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = switch (mode) {
          case 0 -> in.min();
          case 1 -> in.max();
          case 2 -> r.nextBoolean() ? in.min() : in.max();
          default -> in.min() + (long) (r.nextDouble() * (in.max() - in.min() + 1));
        };
      }
      inputs.add(v);
    }
    return inputs;
  }

  @Property(tries = 200)
  void extremeInputs_stayInsideEveryProvenInterval(@ForAll @IntRange(min = 0, max = 31) int index,
      @ForAll @IntRange(min = 0, max = 3) int mode, @ForAll long seed) {
    QuantizedGraph q = graph(index % cases());
    q.evaluateAll(extremeInputs(q, mode, seed));
  }
}
