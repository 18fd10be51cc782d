package org.zkml4j.model.quant;

import java.util.HashMap;
import java.util.Map;

/**
 * An upper bound on |float value - dequantized integer value| for every tensor of a quantized
 * graph, derived from the scales alone (plus the magnitudes the bounds allow): input rounding of
 * 2^-(s+1), weight rounding of 2^-(s_w+1) per weight, each rescale's rounding of 2^-(s+1),
 * propagated through the layers by the usual first-order rules (|w| e_x + |x| e_w for a product).
 * The operator tests check the float model against the integer one within these bounds.
 */
final class ErrorBudget {
  private final QuantizedGraph q;
  private final Map<String, Double> error = new HashMap<>();

  ErrorBudget(QuantizedGraph q) {
    this.q = q;
    for (QuantizedTensor in : q.inputs()) {
      error.put(in.name(), half(in.scale()));
    }
    for (QuantizedLayer l : q.layers()) {
      error.put(l.output(), layer(l));
    }
  }

  /** The bound of a runtime tensor. */
  double of(String tensor) {
    return error.get(tensor);
  }

  private double layer(QuantizedLayer l) {
    QuantizedTensor out = q.tensor(l.output());
    String x = l.inputs().get(0);
    return switch (l.op()) {
      case QuantizedOp.Conv c -> weighted(l, rounding(c.shift(), out));
      case QuantizedOp.Dense d -> weighted(l, rounding(d.shift(), out));
      case QuantizedOp.ChannelAffine a -> weighted(l, rounding(a.shift(), out));
      case QuantizedOp.Add a -> operand(l, 0) + operand(l, 1);
      case QuantizedOp.Mul m -> amax(l, 0) * operand(l, 1) + amax(l, 1) * operand(l, 0)
          + operand(l, 0) * operand(l, 1) + rounding(m.shift(), out);
      case QuantizedOp.LeakyRelu r -> Math.max(1, Math.scalb((double) Math.abs(r.slope()), -r.slopeScale())
          + half(r.slopeScale())) * of(x) + magnitude(x) * half(r.slopeScale()) + half(out.scale());
      case QuantizedOp.PRelu p -> Math.max(1, amax(l, 1) + operand(l, 1)) * of(x) + magnitude(x) * operand(l, 1)
          + half(out.scale());
      case QuantizedOp.Clip c -> of(x) + half(out.scale());
      case QuantizedOp.Sigmoid s -> (s.tanh() ? 1 : 0.25) * of(x)
          + (s.tanh() ? QuantizedOp.Sigmoid.MAX_TANH_ERROR : QuantizedOp.Sigmoid.MAX_SIGMOID_ERROR)
          + rounding(s.shift(), out);
      case QuantizedOp.AveragePool p -> of(x) + (p.foldedBits() >= 0 ? 0 : half(out.scale()));
      case QuantizedOp.Concat c -> {
        double e = 0;
        for (int i = 0; i < l.inputs().size(); i++) {
          e = Math.max(e, operand(l, i));
        }
        yield e;
      }
      case QuantizedOp.Pad p -> Math.max(of(x), half(out.scale()));
      case QuantizedOp.ArgMax a -> 0;
      default -> of(x); // Relu, MaxPool, Softmax (on the logits), Reshape, Transpose, Gather
    };
  }

  /** A product layer: per output row (channel or neuron) sum (|w| + e_w) e_x + |x| e_w, plus the bias's and the rescale's rounding. */
  private double weighted(QuantizedLayer l, double rescale) {
    String x = l.inputs().get(0);
    Parameter w = q.parameter(l.inputs().get(1)).orElseThrow();
    int rows = w.shape().dim(0);
    int per = w.size() / rows;
    double ew = half(w.scale());
    double worst = 0;
    long[] v = w.values();
    for (int r = 0; r < rows; r++) {
      double l1 = 0;
      for (int i = r * per; i < (r + 1) * per; i++) {
        l1 += Math.scalb((double) Math.abs(v[i]), -w.scale()) + ew;
      }
      worst = Math.max(worst, l1 * of(x) + per * ew * magnitude(x));
    }
    double bias = l.inputs().size() > 2 ? half(q.parameter(l.inputs().get(2)).orElseThrow().scale()) : 0;
    return worst + bias + rescale;
  }

  /** The error of operand i: a tensor's bound, or a parameter's rounding. */
  private double operand(QuantizedLayer l, int i) {
    String name = l.inputs().get(i);
    return q.parameter(name).map(p -> half(p.scale())).orElseGet(() -> of(name));
  }

  /** The largest magnitude operand i can have (in reals), its error included. */
  private double amax(QuantizedLayer l, int i) {
    String name = l.inputs().get(i);
    return q.parameter(name).map(p -> Math.scalb((double) Math.max(-p.min(), p.max()), -p.scale()) + half(p.scale()))
        .orElseGet(() -> magnitude(name));
  }

  private double magnitude(String tensor) {
    QuantizedTensor t = q.tensor(tensor);
    return Math.scalb((double) Math.max(-t.min(), t.max()), -t.scale()) + of(tensor);
  }

  private static double rounding(int shift, QuantizedTensor out) {
    return shift == 0 ? 0 : half(out.scale());
  }

  private static double half(int scale) {
    return Math.scalb(1.0, -scale - 1);
  }
}
