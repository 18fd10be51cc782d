package org.zkml4j.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Node} computes, with its parameters in normalized form: defaults filled in,
 * negative axes made non-negative, padding explicit, and operands that ONNX passes as constant
 * inputs (a Reshape's target shape, a Clip's bounds, Pad's widths) turned into parameters. Weights,
 * biases and slopes stay inputs, so that a later pass can choose to keep them secret.
 *
 * <p>The input lists below are the node's inputs in order; each op has exactly one output. Float
 * semantics are ONNX's; {@link ReferenceEvaluator} is their executable statement.
 */
public sealed interface Op {
  /** The ONNX operator this op imports. */
  OpType type();

  /** The ONNX name of the operator. */
  default String onnxName() {
    return type().onnxName();
  }

  /** Convolution. Inputs: X {@code [N, C, spatial...]}, W {@code [M, C/group, kernel...]}, optional bias {@code [M]}. */
  record Conv(Window window, int group) implements Op {
    public Conv {
      Objects.requireNonNull(window, "window");
      if (group < 1) {
        throw new IllegalArgumentException("group must be at least 1, was " + group);
      }
    }

    @Override
    public OpType type() {
      return OpType.CONV;
    }
  }

  /** {@code alpha * A' * B' + beta * C}, where ' is an optional transpose. Inputs: A, B (rank 2), optional C broadcast to the result. */
  record Gemm(float alpha, float beta, boolean transA, boolean transB) implements Op {
    @Override
    public OpType type() {
      return OpType.GEMM;
    }
  }

  /** numpy's matmul: batched over leading axes with broadcasting, rank-1 operands promoted. Inputs: A, B. */
  record MatMul() implements Op {
    @Override
    public OpType type() {
      return OpType.MAT_MUL;
    }
  }

  /** Element-wise sum with numpy broadcasting. Inputs: A, B. */
  record Add() implements Op {
    @Override
    public OpType type() {
      return OpType.ADD;
    }
  }

  /** Element-wise difference with numpy broadcasting. Inputs: A, B. */
  record Sub() implements Op {
    @Override
    public OpType type() {
      return OpType.SUB;
    }
  }

  /** Element-wise product with numpy broadcasting. Inputs: A, B. */
  record Mul() implements Op {
    @Override
    public OpType type() {
      return OpType.MUL;
    }
  }

  /**
   * Element-wise quotient with numpy broadcasting; int64 division truncates toward zero. The
   * importer only accepts a constant divisor. Inputs: A, B.
   */
  record Div() implements Op {
    @Override
    public OpType type() {
      return OpType.DIV;
    }
  }

  /** {@code max(x, 0)}. Input: X. */
  record Relu() implements Op {
    @Override
    public OpType type() {
      return OpType.RELU;
    }
  }

  /** {@code x} for {@code x >= 0}, else {@code alpha * x}. Input: X. */
  record LeakyRelu(float alpha) implements Op {
    @Override
    public OpType type() {
      return OpType.LEAKY_RELU;
    }
  }

  /** {@code x} for {@code x >= 0}, else {@code slope * x}. Inputs: X, slope (broadcast to X). */
  record PRelu() implements Op {
    @Override
    public OpType type() {
      return OpType.PRELU;
    }
  }

  /** {@code min(max(x, min), max)}; an absent bound is infinite. Input: X. */
  record Clip(float min, float max) implements Op {
    @Override
    public OpType type() {
      return OpType.CLIP;
    }
  }

  /** {@code 1 / (1 + exp(-x))}. Input: X. */
  record Sigmoid() implements Op {
    @Override
    public OpType type() {
      return OpType.SIGMOID;
    }
  }

  /** Hyperbolic tangent. Input: X. */
  record Tanh() implements Op {
    @Override
    public OpType type() {
      return OpType.TANH;
    }
  }

  /** Maximum over each window; padding never wins. Input: X {@code [N, C, spatial...]}. */
  record MaxPool(Window window) implements Op {
    public MaxPool {
      Objects.requireNonNull(window, "window");
    }

    @Override
    public OpType type() {
      return OpType.MAX_POOL;
    }
  }

  /**
   * Mean over each window. The divisor counts the window's positions inside the input, or with
   * {@code countIncludePad} also those in the padding (but never past it). Input: X.
   */
  record AveragePool(Window window, boolean countIncludePad) implements Op {
    public AveragePool {
      Objects.requireNonNull(window, "window");
    }

    @Override
    public OpType type() {
      return OpType.AVERAGE_POOL;
    }
  }

  /** Mean over all spatial positions: {@code [N, C, spatial...]} to {@code [N, C, 1...]}. Input: X. */
  record GlobalAveragePool() implements Op {
    @Override
    public OpType type() {
      return OpType.GLOBAL_AVERAGE_POOL;
    }
  }

  /** To rank 2: axes before {@code axis} become the rows, the rest the columns. Input: X. */
  record Flatten(int axis) implements Op {
    @Override
    public OpType type() {
      return OpType.FLATTEN;
    }
  }

  /** Same elements, new shape (resolved: no 0 or -1 entries). Input: X. */
  record Reshape(Shape shape) implements Op {
    public Reshape {
      Objects.requireNonNull(shape, "shape");
    }

    @Override
    public OpType type() {
      return OpType.RESHAPE;
    }
  }

  /** Output axis {@code i} is input axis {@code perm[i]}. Input: X. */
  record Transpose(List<Integer> perm) implements Op {
    public Transpose {
      perm = List.copyOf(perm);
    }

    @Override
    public OpType type() {
      return OpType.TRANSPOSE;
    }
  }

  /** Removes the listed axes (ascending, each of size 1). Input: X. */
  record Squeeze(List<Integer> axes) implements Op {
    public Squeeze {
      axes = List.copyOf(axes);
    }

    @Override
    public OpType type() {
      return OpType.SQUEEZE;
    }
  }

  /** Inserts axes of size 1 at the listed positions of the output (ascending). Input: X. */
  record Unsqueeze(List<Integer> axes) implements Op {
    public Unsqueeze {
      axes = List.copyOf(axes);
    }

    @Override
    public OpType type() {
      return OpType.UNSQUEEZE;
    }
  }

  /** Joins the inputs along {@code axis}; all other dimensions agree. Inputs: one or more. */
  record Concat(int axis) implements Op {
    @Override
    public OpType type() {
      return OpType.CONCAT;
    }
  }

  /**
   * Constant-mode padding per axis; a negative width removes elements instead. Input: X.
   *
   * @param value the fill value (cast to the element type for int64 tensors)
   */
  record Pad(List<Integer> padsBegin, List<Integer> padsEnd, float value) implements Op {
    public Pad {
      padsBegin = List.copyOf(padsBegin);
      padsEnd = List.copyOf(padsEnd);
      if (padsBegin.size() != padsEnd.size()) {
        throw new IllegalArgumentException("pads differ in length: " + padsBegin + " and " + padsEnd);
      }
    }

    @Override
    public OpType type() {
      return OpType.PAD;
    }
  }

  /**
   * {@code x * scale[c] + shift[c]} for channel {@code c} (axis 1): an inference-mode
   * BatchNormalization with its statistics folded in. Inputs: X {@code [N, C, ...]}, scale
   * {@code [C]}, shift {@code [C]}.
   */
  record ChannelAffine() implements Op {
    @Override
    public OpType type() {
      return OpType.BATCH_NORMALIZATION;
    }
  }

  /** {@code exp(x) / sum(exp(x))} along {@code axis}. Input: X. */
  record Softmax(int axis) implements Op {
    @Override
    public OpType type() {
      return OpType.SOFTMAX;
    }
  }

  /** {@code x - log(sum(exp(x)))} along {@code axis}. Input: X. */
  record LogSoftmax(int axis) implements Op {
    @Override
    public OpType type() {
      return OpType.LOG_SOFTMAX;
    }
  }

  /** The int64 index of the largest element along {@code axis}; ties go to the first, or the last. Input: X. */
  record ArgMax(int axis, boolean keepDims, boolean selectLastIndex) implements Op {
    @Override
    public OpType type() {
      return OpType.ARG_MAX;
    }
  }

  /** Picks slices along {@code axis} by int64 indices (negative counts from the end). Inputs: data, indices. */
  record Gather(int axis) implements Op {
    @Override
    public OpType type() {
      return OpType.GATHER;
    }
  }
}
