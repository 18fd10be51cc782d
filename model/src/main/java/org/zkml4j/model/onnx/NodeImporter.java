package org.zkml4j.model.onnx;

import java.util.ArrayList;
import java.util.List;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.ValueInfo;

/**
 * Translates one ONNX node into {@link Op}s on the graph builder, resolving the differences
 * between opsets (attributes that became inputs, changed defaults) so that the graph sees one
 * meaning per op. Layout ops are in {@link LayoutImporter}, windowed ops in {@link WindowImporter}.
 */
final class NodeImporter {
  private NodeImporter() {}

  static void importNode(NodeContext ctx) throws OnnxException {
    switch (ctx.type) {
      case CONV -> WindowImporter.conv(ctx);
      case MAX_POOL -> WindowImporter.maxPool(ctx);
      case AVERAGE_POOL -> WindowImporter.averagePool(ctx);
      case GEMM -> gemm(ctx);
      case MAT_MUL -> simple(ctx, new Op.MatMul(), 2);
      case ADD -> simple(ctx, new Op.Add(), 2);
      case SUB -> simple(ctx, new Op.Sub(), 2);
      case MUL -> simple(ctx, new Op.Mul(), 2);
      case DIV -> {
        ctx.requireInputs(2, 2);
        ctx.constantInput(1, "divisor");
        simple(ctx, new Op.Div(), 2);
      }
      case RELU -> simple(ctx, new Op.Relu(), 1);
      case SIGMOID -> simple(ctx, new Op.Sigmoid(), 1);
      case TANH -> simple(ctx, new Op.Tanh(), 1);
      case LEAKY_RELU -> simple(ctx, new Op.LeakyRelu(ctx.floatAttr("alpha", 0.01f)), 1);
      case PRELU -> simple(ctx, new Op.PRelu(), 2);
      case CLIP -> clip(ctx);
      case GLOBAL_AVERAGE_POOL -> simple(ctx, new Op.GlobalAveragePool(), 1);
      case BATCH_NORMALIZATION -> batchNormalization(ctx);
      case SOFTMAX, LOG_SOFTMAX -> softmax(ctx);
      case ARG_MAX -> argMax(ctx);
      case IDENTITY -> {
        ctx.requireInputs(1, 1);
        alias(ctx, ctx.output(), ctx.input(0));
      }
      case DROPOUT -> dropout(ctx);
      case CONSTANT -> LayoutImporter.constant(ctx);
      case CAST -> LayoutImporter.cast(ctx);
      case SHAPE -> LayoutImporter.shape(ctx);
      case FLATTEN -> LayoutImporter.flatten(ctx);
      case RESHAPE -> LayoutImporter.reshape(ctx);
      case TRANSPOSE -> LayoutImporter.transpose(ctx);
      case SQUEEZE -> LayoutImporter.squeeze(ctx);
      case UNSQUEEZE -> LayoutImporter.unsqueeze(ctx);
      case CONCAT -> LayoutImporter.concat(ctx);
      case PAD -> LayoutImporter.pad(ctx);
      case GATHER -> LayoutImporter.gather(ctx);
    }
    ctx.finish();
  }

  /** An op with exactly {@code arity} inputs, no attributes beyond those already read, one output. */
  private static void simple(NodeContext ctx, Op op, int arity) throws OnnxException {
    ctx.requireInputs(arity, arity);
    ctx.requireOutputs(1, "an extra output");
    ctx.add(op, inputs(ctx, arity));
  }

  static List<String> inputs(NodeContext ctx, int count) {
    List<String> in = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      in.add(ctx.input(i));
    }
    return in;
  }

  static void alias(NodeContext ctx, String alias, String value) throws OnnxException {
    try {
      ctx.builder.alias(alias, value);
    } catch (GraphException e) {
      throw ctx.wrap(e);
    }
  }

  /** C is optional from opset 11; before, it is required. */
  private static void gemm(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(ctx.opset < 11 ? 3 : 2, 3);
    ctx.requireOutputs(1, "an extra output");
    if (ctx.has("broadcast") && ctx.intAttr("broadcast", 1) != 1) {
      throw ctx.unsupported("attribute broadcast=0 (opset 6 and older) is not supported");
    }
    Op.Gemm op = new Op.Gemm(ctx.floatAttr("alpha", 1f), ctx.floatAttr("beta", 1f), ctx.intAttr("transA", 0) != 0,
        ctx.intAttr("transB", 0) != 0);
    ctx.add(op, inputs(ctx, ctx.inputCount()));
  }

  private static void clip(NodeContext ctx) throws OnnxException {
    float min = Float.NEGATIVE_INFINITY;
    float max = Float.POSITIVE_INFINITY;
    if (ctx.opset < 11) {
      ctx.requireInputs(1, 1);
      min = ctx.floatAttr("min", min);
      max = ctx.floatAttr("max", max);
    } else {
      ctx.requireInputs(1, 3);
      min = scalarOr(ctx, 1, "min", min);
      max = scalarOr(ctx, 2, "max", max);
    }
    ctx.requireOutputs(1, "an extra output");
    ctx.add(new Op.Clip(min, max), List.of(ctx.input(0)));
  }

  /** A constant scalar input as a float, or {@code fallback} when the input is omitted. */
  private static float scalarOr(NodeContext ctx, int i, String role, float fallback) throws OnnxException {
    Tensor t = ctx.constantInput(i, role);
    if (t == null) {
      return fallback;
    }
    if (t.size() != 1) {
      throw ctx.invalid(role + " must be a scalar, got " + t.shape());
    }
    return t.type() == ElementType.FLOAT ? t.getFloat(0) : t.getLong(0);
  }

  private static void batchNormalization(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(5, 5);
    ctx.requireOutputs(1, "a training-mode statistic");
    if (ctx.intAttr("training_mode", 0) != 0) {
      throw ctx.unsupported("training_mode=1 is not supported; export the model in inference mode");
    }
    if (ctx.intAttr("spatial", 1) != 1) {
      throw ctx.unsupported("spatial=0 (per-element statistics, opset 8 and older) is not supported");
    }
    ctx.ignore("momentum");
    ctx.ignore("is_test");
    double eps = ctx.floatAttr("epsilon", 1e-5f);
    ValueInfo x = ctx.info(0);
    if (x.shape().rank() < 2) {
      throw ctx.invalid("X must be [N, C, ...], got " + x.shape());
    }
    int channels = x.shape().dim(1);
    String[] roles = {"scale", "B", "input_mean", "input_var"};
    float[][] p = new float[4][];
    for (int i = 0; i < 4; i++) {
      Tensor t = ctx.constantInput(i + 1, roles[i]);
      if (t.type() != ElementType.FLOAT || !t.shape().equals(Shape.of(channels))) {
        throw ctx.invalid(roles[i] + " must be FLOAT[" + channels + "] for X " + x.shape() + ", got " + t.type()
            + t.shape());
      }
      p[i] = t.toFloatArray();
    }
    float[] scale = new float[channels];
    float[] shift = new float[channels];
    for (int c = 0; c < channels; c++) {
      double a = p[0][c] / Math.sqrt(p[3][c] + eps);
      scale[c] = (float) a;
      shift[c] = (float) (p[1][c] - p[2][c] * a);
    }
    String scaleName = ctx.builder.freshName(ctx.name + "_scale");
    String shiftName = ctx.builder.freshName(ctx.name + "_shift");
    try {
      ctx.builder.constant(scaleName, Tensor.ofFloats(Shape.of(channels), scale));
      ctx.builder.constant(shiftName, Tensor.ofFloats(Shape.of(channels), shift));
    } catch (GraphException e) {
      throw ctx.wrap(e);
    }
    ctx.add(new Op.ChannelAffine(), List.of(ctx.input(0), scaleName, shiftName));
  }

  /**
   * Before opset 13, Softmax and LogSoftmax flatten the input to 2-D at {@code axis} (default 1) and
   * normalize over the trailing block; from 13 on they normalize along one axis (default -1). The
   * two agree when the axis is the last; otherwise the old meaning is built as reshape, normalize
   * along axis 1, reshape back.
   */
  private static void softmax(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    ctx.requireOutputs(1, "an extra output");
    boolean log = ctx.type == org.zkml4j.model.ir.OpType.LOG_SOFTMAX;
    Shape x = ctx.info(0).shape();
    int rank = Math.max(1, x.rank());
    int axis = ctx.axis(ctx.intAttr("axis", ctx.opset < 13 ? 1 : -1), rank, "axis");
    if (x.rank() == 0) {
      throw ctx.invalid("input is a scalar; expected rank 1 or more");
    }
    if (ctx.opset >= 13 || axis == x.rank() - 1) {
      ctx.add(log ? new Op.LogSoftmax(axis) : new Op.Softmax(axis), List.of(ctx.input(0)));
      return;
    }
    String flat = ctx.builder.freshName(ctx.output() + "_2d");
    String normalized = ctx.builder.freshName(ctx.output() + "_2d_normalized");
    Shape twoD = Shape.of(x.sizeOf(0, axis), x.sizeOf(axis, x.rank()));
    try {
      ctx.builder.node(ctx.name + "_to_2d", new Op.Reshape(twoD), List.of(ctx.input(0)), flat);
      ctx.builder.node(ctx.name, log ? new Op.LogSoftmax(1) : new Op.Softmax(1), List.of(flat), normalized);
      ctx.builder.node(ctx.name + "_from_2d", new Op.Reshape(x), List.of(normalized), ctx.output());
    } catch (GraphException e) {
      throw ctx.wrap(e);
    }
  }

  private static void argMax(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    ctx.requireOutputs(1, "an extra output");
    int rank = ctx.info(0).shape().rank();
    int axis = ctx.axis(ctx.intAttr("axis", 0), rank, "axis");
    ctx.add(new Op.ArgMax(axis, ctx.intAttr("keepdims", 1) != 0, ctx.intAttr("select_last_index", 0) != 0),
        List.of(ctx.input(0)));
  }

  /** Inference-mode Dropout is the identity; its optional mask output is all true. */
  private static void dropout(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 3);
    ctx.ignore("ratio");
    ctx.ignore("seed");
    ctx.ignore("is_test");
    if (ctx.input(2) != null) {
      Tensor training = ctx.constantInput(2, "training_mode");
      if (training.size() != 1 || (training.type() == ElementType.INT64 ? training.getLong(0) : training.getFloat(0)) != 0) {
        throw ctx.unsupported("training_mode=true is not supported; export the model in inference mode");
      }
    }
    ValueInfo x = ctx.info(0);
    alias(ctx, ctx.output(), ctx.input(0));
    if (ctx.def.outputs().size() > 1 && !ctx.def.outputs().get(1).isEmpty()) {
      long[] ones = new long[x.shape().size()];
      java.util.Arrays.fill(ones, 1);
      try {
        ctx.builder.constant(ctx.def.outputs().get(1), Tensor.ofLongs(x.shape(), ones));
      } catch (GraphException e) {
        throw ctx.wrap(e);
      }
    }
  }
}
