package org.zkml4j.model.quant;

import java.util.List;
import java.util.Objects;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Window;

/**
 * What a {@link QuantizedLayer} computes, in exact integer arithmetic: the contract between the
 * model side and every proof backend. Each record's comment is the definition that
 * {@link QuantizedGraph#evaluate} implements and a circuit must reproduce value for value.
 *
 * <p>Conventions. Inputs are the layer's operands in order, runtime tensors or {@link Parameter}s.
 * Every division is {@code divRound(x, d) = floor((x + floor(d/2)) / d)}, rounding half up, and
 * {@code rescale(x, k) = divRound(x, 2^k)} (k = 0 leaves x unchanged): the rule stated once in
 * {@link org.zkml4j.circuit.gadget.fixedpoint.FixedPoint}. Element-wise operands broadcast as in
 * numpy ({@link Indexing#broadcast}); windows address their input as {@link Indexing#windowTaps}
 * says. Scales are implied: a layer's output scale is recorded on its {@link QuantizedTensor}. The
 * arithmetic is over the integers, unbounded: a product layer whose rescale was deferred yields a
 * wide tensor ({@link IntegerBounds}), and a shift may exceed 62 when a wide accumulator is
 * rescaled.
 */
public sealed interface QuantizedOp {
  /**
   * Grouped convolution. Inputs: x {@code [N, C, spatial...]}, weight {@code [M, C/group,
   * kernel...]}, optional bias {@code [M]} at the scale of x times weight minus biasShift. {@code y =
   * rescale(bias * 2^biasShift + sum weight * x, shift)}, taps in the padding reading 0. (A bias
   * beside a wide input is stored at a lower scale, so it fits a long: biasShift &gt; 0.)
   */
  record Conv(Window window, int group, int shift, int biasShift) implements QuantizedOp {
    public Conv {
      Objects.requireNonNull(window, "window");
      requireShift(shift);
      requireShift(biasShift);
    }

    /** A convolution whose bias is at the accumulator's scale. */
    public Conv(Window window, int group, int shift) {
      this(window, group, shift, 0);
    }
  }

  /**
   * A dense layer (Gemm, MatMul with a constant right operand). Inputs: x whose last axis has K
   * elements, seen as R rows; weight {@code [N, K]}; optional bias {@code [N]} or {@code [R, N]} at
   * the scale of x times weight minus biasShift. {@code y[r, n] = rescale(bias * 2^biasShift +
   * sum_k x[r, k] * weight[n, k], shift)}, in the output's shape (R * N elements).
   */
  record Dense(int shift, int biasShift) implements QuantizedOp {
    public Dense {
      requireShift(shift);
      requireShift(biasShift);
    }

    /** A dense layer whose bias is at the accumulator's scale. */
    public Dense(int shift) {
      this(shift, 0);
    }
  }

  /**
   * Per-channel affine (an unfolded BatchNormalization). Inputs: x {@code [N, C, ...]}, multiplier
   * {@code [C]}, offset {@code [C]} at the scale of x times multiplier minus biasShift. {@code y =
   * rescale(x * multiplier[c] + offset[c] * 2^biasShift, shift)}.
   */
  record ChannelAffine(int shift, int biasShift) implements QuantizedOp {
    public ChannelAffine {
      requireShift(shift);
      requireShift(biasShift);
    }

    /** An affine map whose offset is at the accumulator's scale. */
    public ChannelAffine(int shift) {
      this(shift, 0);
    }
  }

  /**
   * Sum or difference with the scales aligned: {@code y = a * 2^shiftA + b * 2^shiftB} (or minus).
   * Inputs: a, b, broadcast to the output.
   */
  record Add(int shiftA, int shiftB, boolean subtract) implements QuantizedOp {
    public Add {
      requireShift(shiftA);
      requireShift(shiftB);
    }
  }

  /** Product: {@code y = rescale(a * b, shift)}. Inputs: a, b, broadcast to the output. */
  record Mul(int shift) implements QuantizedOp {
    public Mul {
      requireShift(shift);
    }
  }

  /** {@code y = max(x, 0)}. Input: x. */
  record Relu() implements QuantizedOp {}

  /** {@code y = x >= 0 ? x : rescale(x * slope, slopeScale)}, slope an integer at scale slopeScale. Input: x. */
  record LeakyRelu(long slope, int slopeScale) implements QuantizedOp {
    public LeakyRelu {
      requireShift(slopeScale);
    }
  }

  /** {@code y = x >= 0 ? x : rescale(x * slope, slopeScale)}. Inputs: x, slope (broadcast, at scale slopeScale). */
  record PRelu(int slopeScale) implements QuantizedOp {
    public PRelu {
      requireShift(slopeScale);
    }
  }

  /**
   * {@code y = min(max(x, min), max)}; {@code Long.MIN_VALUE} / {@code Long.MAX_VALUE} stand for a
   * missing bound. Input: x.
   */
  record Clip(long min, long max) implements QuantizedOp {
    public Clip {
      if (min > max) {
        throw new IllegalArgumentException("clip interval [" + min + ", " + max + "] is empty");
      }
    }
  }

  /** The maximum of each window's taps inside x (padding never wins). Input: x {@code [N, C, spatial...]}. */
  record MaxPool(Window window) implements QuantizedOp {
    public MaxPool {
      Objects.requireNonNull(window, "window");
    }
  }

  /**
   * Average pooling: S = the sum of each window's taps inside x. With {@code foldedBits >= 0} every
   * window's divisor is 2^foldedBits and the division is moved into the output's scale: {@code y =
   * S}. Otherwise {@code y = divRound(S, d)}, d being ONNX's divisor for that window
   * ({@link Indexing#poolDivisors}). Global average pooling is the window covering every spatial
   * position. Input: x.
   */
  record AveragePool(Window window, boolean countIncludePad, int foldedBits) implements QuantizedOp {
    public AveragePool {
      Objects.requireNonNull(window, "window");
      if (foldedBits < -1) {
        throw new IllegalArgumentException("foldedBits must be -1 or more, was " + foldedBits);
      }
    }
  }

  /**
   * The index of the greatest element along {@code axis}, ties to the first (or with
   * {@code selectLastIndex} the last); the result is an {@link QuantizedTensor.Kind#INDEX}. Input: x.
   */
  record ArgMax(int axis, boolean keepDims, boolean selectLastIndex) implements QuantizedOp {}

  /**
   * A bounded piecewise-linear logistic function (or with {@code tanh} the hyperbolic tangent).
   * With x at scale s = {@code inputScale} &gt;= 0, t = |x|, and the concave
   * {@code u(t) = min(8t + 2^(s+4), 4t + 5 * 2^(s+2), t + 27 * 2^s, 2^(s+5))} (at scale s + 5, the
   * real curve min(t/4 + 1/2, t/8 + 5/8, t/32 + 27/32, 1)): sigmoid is {@code p = x >= 0 ? u(t) :
   * 2^(s+5) - u(t)}; tanh is {@code g = 2 u(2t) - 2^(s+5)}, {@code p = x >= 0 ? g : -g}. Then
   * {@code y = rescale(p, shift)}, at scale s + 5 - shift. The curve differs from the exact
   * functions by at most {@link #MAX_SIGMOID_ERROR} and {@link #MAX_TANH_ERROR}, before rounding.
   * Input: x.
   */
  record Sigmoid(boolean tanh, int inputScale, int shift) implements QuantizedOp {
    /** The largest |curve - logistic(x)| over all real x. */
    public static final double MAX_SIGMOID_ERROR = 0.0190;
    /** The largest |curve - tanh(x)| over all real x. */
    public static final double MAX_TANH_ERROR = 0.0380;

    public Sigmoid {
      if (inputScale < 0 || inputScale > 40) {
        throw new IllegalArgumentException("sigmoid input scale must be in [0, 40], was " + inputScale);
      }
      requireShift(shift);
    }
  }

  /**
   * A Softmax or LogSoftmax at the output, over {@code axis}, which the integers do not compute:
   * {@code y = x} (the logits), and {@link QuantizedGraph#dequantize} applies the function in
   * floating point. Softmax is monotone, so the logits' order (and any ArgMax) is proven; the
   * probabilities are a public function of proven values, computed outside the circuit. Input: x.
   */
  record Softmax(int axis, boolean log) implements QuantizedOp {}

  /** The same elements in a new shape (Reshape, Flatten, Squeeze, Unsqueeze). Input: x. */
  record Reshape() implements QuantizedOp {}

  /** Output axis i is input axis {@code perm[i]}. Input: x. */
  record Transpose(List<Integer> perm) implements QuantizedOp {
    public Transpose {
      perm = List.copyOf(perm);
    }
  }

  /** The inputs joined along {@code axis}, input i multiplied by 2^shifts[i] to align the scales. Inputs: one or more. */
  record Concat(int axis, List<Integer> shifts) implements QuantizedOp {
    public Concat {
      shifts = List.copyOf(shifts);
      shifts.forEach(QuantizedOp::requireShift);
    }
  }

  /** Constant padding with {@code value} (negative widths crop). Input: x. */
  record Pad(List<Integer> padsBegin, List<Integer> padsEnd, long value) implements QuantizedOp {
    public Pad {
      padsBegin = List.copyOf(padsBegin);
      padsEnd = List.copyOf(padsEnd);
    }
  }

  /** Slices along {@code axis} picked by constant indices (made non-negative) of the given shape. Input: data. */
  record Gather(int axis, List<Integer> indices, Shape indicesShape) implements QuantizedOp {
    public Gather {
      indices = List.copyOf(indices);
      Objects.requireNonNull(indicesShape, "indicesShape");
    }
  }

  private static void requireShift(int shift) {
    if (shift < 0 || shift > IntegerBounds.WIDE_BITS) {
      throw new IllegalArgumentException("shift must be in [0, " + IntegerBounds.WIDE_BITS + "], was " + shift);
    }
  }
}
