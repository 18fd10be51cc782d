package org.zkml4j.model.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.ValueInfo;

/**
 * Imports the ops that move or describe data rather than compute with it: Constant, Cast, Shape
 * (these three always fold to constants, or to nothing), Flatten, Reshape, Transpose, Squeeze,
 * Unsqueeze, Concat, Pad and Gather. Operands that ONNX passes as inputs (shapes, axes, pads) must
 * be constants, and become parameters of the op.
 */
final class LayoutImporter {
  private LayoutImporter() {}

  static void constant(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(0, 0);
    Tensor value = null;
    int given = 0;
    for (String a : List.of("value", "value_float", "value_floats", "value_int", "value_ints")) {
      if (ctx.has(a)) {
        given++;
        value = switch (a) {
          case "value" -> ctx.tensorAttr(a);
          case "value_float" -> Tensor.ofFloats(Shape.scalar(), ctx.floatAttr(a, 0));
          case "value_floats" -> {
            float[] f = ctx.floatsAttr(a);
            yield Tensor.ofFloats(Shape.of(f.length), f);
          }
          case "value_int" -> Tensor.ofLongs(Shape.scalar(), ctx.intAttr(a, 0));
          default -> {
            long[] v = ctx.intsAttr(a);
            yield Tensor.ofLongs(Shape.of(v.length), v);
          }
        };
      }
    }
    if (given != 1) {
      ctx.finish();
      throw ctx.invalid("expected exactly one value attribute, got " + given);
    }
    defineConstant(ctx, value);
  }

  private static void defineConstant(NodeContext ctx, Tensor value) throws OnnxException {
    try {
      ctx.builder.constant(ctx.output(), value);
    } catch (GraphException e) {
      throw ctx.wrap(e);
    }
  }

  /** A constant is converted now; a runtime value only when the type stays the same. */
  static void cast(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    ctx.ignore("saturate");
    if (!ctx.has("to")) {
      throw ctx.invalid("attribute 'to' is required");
    }
    int to = (int) ctx.intAttr("to", 0);
    ElementType target = TensorDecoding.elementType(to);
    if (target == null) {
      throw ctx.unsupported("casting to " + TensorDecoding.typeName(to) + " is not supported");
    }
    ValueInfo x = ctx.info(0);
    Tensor value = ctx.builder.constantValue(ctx.input(0)).orElse(null);
    if (value == null) {
      boolean same = (to == TensorDecoding.FLOAT && x.type() == ElementType.FLOAT)
          || (to == TensorDecoding.INT64 && x.type() == ElementType.INT64);
      if (!same) {
        throw ctx.unsupported("casting the runtime value '" + ctx.input(0) + "' (" + x.type() + ") to "
            + TensorDecoding.typeName(to) + " is not supported; only casts of constants are");
      }
      NodeImporter.alias(ctx, ctx.output(), ctx.input(0));
      return;
    }
    defineConstant(ctx, CastConversion.convert(value, to));
  }

  static void shape(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    int[] dims = ctx.info(0).shape().toArray();
    int rank = dims.length;
    long start = ctx.intAttr("start", 0);
    long end = ctx.intAttr("end", rank);
    int from = Math.clamp(start < 0 ? start + rank : start, 0, rank);
    int to = Math.clamp(end < 0 ? end + rank : end, 0, rank);
    long[] out = new long[Math.max(0, to - from)];
    for (int i = 0; i < out.length; i++) {
      out[i] = dims[from + i];
    }
    defineConstant(ctx, Tensor.ofLongs(Shape.of(out.length), out));
  }

  static void flatten(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    int rank = ctx.info(0).shape().rank();
    long axis = ctx.intAttr("axis", 1);
    if (axis < -rank || axis > rank) {
      throw ctx.invalid("axis " + axis + " is outside [" + -rank + ", " + rank + "]");
    }
    ctx.add(new Op.Flatten((int) (axis < 0 ? axis + rank : axis)), List.of(ctx.input(0)));
  }

  /** Resolves the target shape: 0 copies the input's dimension (unless allowzero), -1 is inferred. */
  static void reshape(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(2, 2);
    Shape x = ctx.info(0).shape();
    long[] target = ctx.constantInts(1, "shape");
    boolean allowZero = ctx.intAttr("allowzero", 0) != 0;
    int[] dims = new int[target.length];
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < target.length; i++) {
      long d = target[i];
      if (d == 0 && !allowZero) {
        if (i >= x.rank()) {
          throw ctx.invalid("shape " + Arrays.toString(target) + " copies dimension " + i + " of " + x
              + ", which has none");
        }
        d = x.dim(i);
      }
      if (d == -1) {
        if (inferred >= 0) {
          throw ctx.invalid("shape " + Arrays.toString(target) + " has more than one -1");
        }
        inferred = i;
        continue;
      }
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw ctx.invalid("shape " + Arrays.toString(target) + " has the invalid dimension " + d);
      }
      dims[i] = (int) d;
      known *= d;
    }
    if (inferred >= 0) {
      if (known == 0 || x.size() % known != 0) {
        throw ctx.invalid("cannot reshape " + x + " to " + Arrays.toString(target));
      }
      dims[inferred] = (int) (x.size() / known);
    }
    ctx.add(new Op.Reshape(Shape.of(dims)), List.of(ctx.input(0)));
  }

  static void transpose(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    int rank = ctx.info(0).shape().rank();
    long[] perm = ctx.intsAttr("perm");
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      p.add(perm == null ? rank - 1 - i : i < perm.length ? ctx.toInt(perm[i], "perm") : -1);
    }
    if (perm != null && perm.length != rank) {
      throw ctx.invalid("perm " + Arrays.toString(perm) + " does not have one entry per axis of a rank-" + rank
          + " input");
    }
    ctx.add(new Op.Transpose(p), List.of(ctx.input(0)));
  }

  /** Axes from the attribute (before opset 13) or the second input (from 13). */
  private static long[] axes(NodeContext ctx) throws OnnxException {
    if (ctx.opset < 13) {
      ctx.requireInputs(1, 1);
      return ctx.intsAttr("axes");
    }
    ctx.requireInputs(1, 2);
    return ctx.constantInts(1, "axes");
  }

  static void squeeze(NodeContext ctx) throws OnnxException {
    long[] axes = axes(ctx);
    int[] x = ctx.info(0).shape().toArray();
    List<Integer> list = new ArrayList<>();
    if (axes == null || axes.length == 0) {
      for (int i = 0; i < x.length; i++) {
        if (x[i] == 1) {
          list.add(i);
        }
      }
    } else {
      list = normalizedAxes(ctx, axes, x.length);
    }
    ctx.add(new Op.Squeeze(list), List.of(ctx.input(0)));
  }

  static void unsqueeze(NodeContext ctx) throws OnnxException {
    long[] axes = axes(ctx);
    if (axes == null) {
      throw ctx.invalid("axes are required");
    }
    int rank = ctx.info(0).shape().rank() + axes.length;
    ctx.add(new Op.Unsqueeze(normalizedAxes(ctx, axes, rank)), List.of(ctx.input(0)));
  }

  /** Axes made non-negative, sorted, and checked to be distinct. */
  private static List<Integer> normalizedAxes(NodeContext ctx, long[] axes, int rank) throws OnnxException {
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      out[i] = ctx.axis(axes[i], rank, "axis");
    }
    Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      if (out[i] == out[i - 1]) {
        throw ctx.invalid("axes " + Arrays.toString(axes) + " name axis " + out[i] + " twice");
      }
    }
    return Arrays.stream(out).boxed().toList();
  }

  static void concat(NodeContext ctx) throws OnnxException {
    int n = ctx.inputCount();
    ctx.requireInputs(1, Math.max(1, n));
    if (!ctx.has("axis")) {
      throw ctx.invalid("attribute 'axis' is required");
    }
    int axis = ctx.axis(ctx.intAttr("axis", 0), ctx.info(0).shape().rank(), "axis");
    ctx.add(new Op.Concat(axis), NodeImporter.inputs(ctx, n));
  }

  /** Constant mode only; widths from the attribute (before opset 11) or inputs, optionally per listed axes (18). */
  static void pad(NodeContext ctx) throws OnnxException {
    String mode = ctx.stringAttr("mode", "constant");
    if (!mode.equals("constant")) {
      throw ctx.unsupported("mode '" + mode + "' is not supported; only 'constant' padding is");
    }
    int rank = ctx.info(0).shape().rank();
    long[] pads;
    float value;
    int[] axes;
    if (ctx.opset < 11) {
      ctx.requireInputs(1, 1);
      pads = ctx.intsAttr("pads");
      value = ctx.floatAttr("value", 0f);
      axes = null;
      if (pads == null) {
        throw ctx.invalid("attribute 'pads' is required");
      }
    } else {
      ctx.requireInputs(2, 4);
      pads = ctx.constantInts(1, "pads");
      Tensor v = ctx.constantInput(2, "constant_value");
      if (v != null && v.size() != 1) {
        throw ctx.invalid("constant_value must be a scalar, got " + v.shape());
      }
      value = v == null ? 0f : v.type() == ElementType.FLOAT ? v.getFloat(0) : v.getLong(0);
      long[] a = ctx.constantInts(3, "axes");
      axes = null;
      if (a != null) {
        axes = new int[a.length];
        for (int i = 0; i < a.length; i++) {
          axes[i] = ctx.axis(a[i], rank, "axis");
        }
      }
    }
    int listed = axes == null ? rank : axes.length;
    if (pads.length != 2 * listed) {
      throw ctx.invalid("pads " + Arrays.toString(pads) + " must have 2 x " + listed + " entries");
    }
    Integer[] begin = new Integer[rank];
    Integer[] end = new Integer[rank];
    Arrays.fill(begin, 0);
    Arrays.fill(end, 0);
    for (int i = 0; i < listed; i++) {
      int axis = axes == null ? i : axes[i];
      begin[axis] = ctx.toInt(pads[i], "pads");
      end[axis] = ctx.toInt(pads[i + listed], "pads");
    }
    ctx.add(new Op.Pad(List.of(begin), List.of(end), value), List.of(ctx.input(0)));
  }

  static void gather(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(2, 2);
    int axis = ctx.axis(ctx.intAttr("axis", 0), ctx.info(0).shape().rank(), "axis");
    ctx.constantInput(1, "indices");
    ctx.add(new Op.Gather(axis), NodeImporter.inputs(ctx, 2));
  }
}
