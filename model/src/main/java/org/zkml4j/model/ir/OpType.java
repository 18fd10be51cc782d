package org.zkml4j.model.ir;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ONNX operators zkml4j imports, each with its ONNX name and the range of model opsets whose
 * semantics the importer reproduces.
 *
 * <p>Most of them become an {@link Op} of the same name in a {@link Graph}. The {@link #foldsAway()}
 * ones never do: {@code Constant}, {@code Shape} and {@code Cast} are evaluated at import (shapes
 * are static), and {@code Identity} and {@code Dropout} (inference mode) are removed.
 * {@code BatchNormalization} becomes a per-channel affine {@link Op.ChannelAffine}, or disappears
 * into a preceding {@code Conv} or {@code Gemm}.
 */
public enum OpType {
  ADD("Add"),
  ARG_MAX("ArgMax"),
  AVERAGE_POOL("AveragePool"),
  BATCH_NORMALIZATION("BatchNormalization"),
  CAST("Cast"),
  CLIP("Clip"),
  CONCAT("Concat"),
  CONSTANT("Constant"),
  CONV("Conv"),
  DIV("Div"),
  DROPOUT("Dropout"),
  FLATTEN("Flatten"),
  GATHER("Gather"),
  GEMM("Gemm"),
  GLOBAL_AVERAGE_POOL("GlobalAveragePool"),
  IDENTITY("Identity"),
  LEAKY_RELU("LeakyRelu"),
  LOG_SOFTMAX("LogSoftmax"),
  MAT_MUL("MatMul"),
  MAX_POOL("MaxPool"),
  MUL("Mul"),
  PAD("Pad"),
  PRELU("PRelu"),
  RELU("Relu"),
  RESHAPE("Reshape"),
  SHAPE("Shape"),
  SIGMOID("Sigmoid"),
  SOFTMAX("Softmax"),
  SQUEEZE("Squeeze"),
  SUB("Sub"),
  TANH("Tanh"),
  TRANSPOSE("Transpose"),
  UNSQUEEZE("Unsqueeze");

  /** The lowest model opset the importer reads. Older models predate numpy-style broadcasting. */
  public static final int MIN_OPSET = 7;
  /** The highest model opset the importer reads. */
  public static final int MAX_OPSET = 21;

  private final String onnxName;

  OpType(String onnxName) {
    this.onnxName = onnxName;
  }

  /** The operator's name in ONNX ({@code op_type} of a node in the default domain). */
  public String onnxName() {
    return onnxName;
  }

  /** The lowest model opset at which this operator is imported. */
  public int minOpset() {
    return MIN_OPSET;
  }

  /** The highest model opset at which this operator is imported. */
  public int maxOpset() {
    return MAX_OPSET;
  }

  /** True for the operators that are evaluated or removed at import and never appear in a graph. */
  public boolean foldsAway() {
    return this == CONSTANT || this == SHAPE || this == CAST || this == IDENTITY || this == DROPOUT;
  }

  /** The operator with this ONNX name (case-sensitive, as in ONNX), if it is supported. */
  public static Optional<OpType> forOnnxName(String name) {
    return Arrays.stream(values()).filter(t -> t.onnxName.equals(name)).findFirst();
  }

  /** The ONNX names of all supported operators, comma-separated in alphabetical order. */
  public static String supportedNames() {
    return Arrays.stream(values()).map(OpType::onnxName).sorted().collect(Collectors.joining(", "));
  }
}
