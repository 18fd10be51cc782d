package org.zkml4j.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.zkml4j.model.quant.QuantizedTensor;

/** How the model verbs print outputs: real numbers, and the class a classifier predicts. */
final class OutputText {
  private OutputText() {}

  /** One line per output, like {@code output [1, 10]: -3.25 1.5 ... 9.125}. */
  static String values(List<QuantizedTensor> declared, List<float[]> outputs) {
    StringBuilder s = new StringBuilder();
    for (int o = 0; o < outputs.size(); o++) {
      float[] v = outputs.get(o);
      String head = o < declared.size() ? declared.get(o).name() + " " + declared.get(o).shape() : "output " + o;
      s.append(head).append(": ").append(IntStream.range(0, v.length)
          .mapToObj(i -> number(v[i])).collect(Collectors.joining(" "))).append('\n');
    }
    return s.toString();
  }

  /** A value to at most 6 significant digits, without trailing zeros: 9.53125, -0.5625, 1.5e-05. */
  static String number(float v) {
    if (!Float.isFinite(v)) {
      return Float.toString(v);
    }
    BigDecimal d = new BigDecimal(Float.toString(v)).round(new MathContext(6)).stripTrailingZeros();
    return d.scale() > 8 || d.precision() - d.scale() > 9 ? d.toString() : d.toPlainString();
  }

  /**
   * The predicted class: the arg-max of the first output when it has several values (logits or
   * probabilities), or its value when it holds one (an ArgMax label); -1 if there is no output.
   */
  static int predictedClass(List<float[]> outputs) {
    if (outputs.isEmpty() || outputs.get(0).length == 0) {
      return -1;
    }
    float[] v = outputs.get(0);
    if (v.length == 1) {
      return Math.round(v[0]);
    }
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
