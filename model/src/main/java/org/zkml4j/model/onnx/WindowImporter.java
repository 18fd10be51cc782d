package org.zkml4j.model.onnx;

import java.util.Arrays;
import java.util.List;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Window;

/**
 * Imports Conv, MaxPool and AveragePool: reads kernel, strides, dilations, pads and ceil_mode, and
 * resolves {@code auto_pad} into explicit pads from the (static) input shape. SAME_UPPER and
 * SAME_LOWER give {@code ceil(in / stride)} outputs, with the odd unit of padding at the end or the
 * start respectively; VALID pads nothing. SAME with a stride so much larger than the window that
 * the needed padding is negative (below -1) shifts the windows in ONNX Runtime, and is rejected.
 */
final class WindowImporter {
  private WindowImporter() {}

  static void conv(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(2, 3);
    ctx.requireOutputs(1, "an extra output");
    Shape x = ctx.info(0).shape();
    Shape w = ctx.info(1).shape();
    int spatial = spatialRank(ctx, x);
    if (w.rank() != x.rank()) {
      throw ctx.invalid("W " + w + " must have the rank of X " + x);
    }
    int[] kernel = Arrays.copyOfRange(w.toArray(), 2, w.rank());
    long[] given = ctx.intsAttr("kernel_shape");
    if (given != null && !Arrays.equals(given, Arrays.stream(kernel).asLongStream().toArray())) {
      throw ctx.invalid("kernel_shape " + Arrays.toString(given) + " does not match W " + w);
    }
    long group = ctx.intAttr("group", 1);
    if (group < 1 || group > x.dim(1)) {
      throw ctx.invalid("group " + group + " must be in [1, " + x.dim(1) + "] (the input channels)");
    }
    Window window = window(ctx, kernel, x, spatial, false);
    ctx.add(new Op.Conv(window, (int) group), NodeImporter.inputs(ctx, ctx.inputCount()));
  }

  static void maxPool(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    ctx.requireOutputs(1, "the Indices output");
    ctx.ignore("storage_order");
    Shape x = ctx.info(0).shape();
    ctx.add(new Op.MaxPool(window(ctx, kernel(ctx, x), x, spatialRank(ctx, x), true)), List.of(ctx.input(0)));
  }

  static void averagePool(NodeContext ctx) throws OnnxException {
    ctx.requireInputs(1, 1);
    ctx.requireOutputs(1, "an extra output");
    Shape x = ctx.info(0).shape();
    Window window = window(ctx, kernel(ctx, x), x, spatialRank(ctx, x), true);
    ctx.add(new Op.AveragePool(window, ctx.intAttr("count_include_pad", 0) != 0), List.of(ctx.input(0)));
  }

  private static int spatialRank(NodeContext ctx, Shape x) throws OnnxException {
    if (x.rank() < 3 || x.rank() > 5) {
      throw (x.rank() < 3 ? ctx.invalid("X " + x + " must be [N, C, spatial...]")
          : ctx.unsupported("X " + x + " has " + (x.rank() - 2) + " spatial axes; 1 to 3 are supported"));
    }
    return x.rank() - 2;
  }

  private static int[] kernel(NodeContext ctx, Shape x) throws OnnxException {
    if (!ctx.has("kernel_shape")) {
      throw ctx.invalid("attribute 'kernel_shape' is required");
    }
    int[] k = ctx.intList("kernel_shape", x.rank() - 2, 1);
    for (int v : k) {
      if (v < 1) {
        throw ctx.invalid("kernel_shape " + Arrays.toString(k) + " must be positive");
      }
    }
    return k;
  }

  private static Window window(NodeContext ctx, int[] kernel, Shape x, int spatial, boolean pool)
      throws OnnxException {
    int[] strides = ctx.intList("strides", spatial, 1);
    int[] dilations = ctx.intList("dilations", spatial, 1);
    int[] pads = ctx.intList("pads", 2 * spatial, 0);
    boolean ceil = pool && ctx.intAttr("ceil_mode", 0) != 0;
    String autoPad = ctx.stringAttr("auto_pad", "NOTSET");
    for (int i = 0; i < spatial; i++) {
      if (strides[i] < 1 || dilations[i] < 1) {
        throw ctx.invalid("strides " + Arrays.toString(strides) + " and dilations " + Arrays.toString(dilations)
            + " must be positive");
      }
    }
    int[] begin = Arrays.copyOfRange(pads, 0, spatial);
    int[] end = Arrays.copyOfRange(pads, spatial, 2 * spatial);
    switch (autoPad) {
      case "NOTSET" -> {
        for (int p : pads) {
          if (p < 0) {
            throw ctx.invalid("pads " + Arrays.toString(pads) + " must not be negative");
          }
        }
      }
      case "VALID" -> {
        Arrays.fill(begin, 0);
        Arrays.fill(end, 0);
      }
      case "SAME_UPPER", "SAME_LOWER" -> {
        for (int i = 0; i < spatial; i++) {
          int in = x.dim(i + 2);
          int out = Math.ceilDiv(in, strides[i]);
          int total = (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - in;
          if (total < -1) {
            throw ctx.unsupported("auto_pad " + autoPad + " with stride " + strides[i] + " on spatial axis " + i
                + " leaves gaps between windows (padding " + total + "), where runtimes disagree; give explicit pads");
          }
          total = Math.max(0, total);
          int small = total / 2;
          begin[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
          end[i] = total - begin[i];
        }
      }
      default -> throw ctx.invalid("auto_pad '" + autoPad + "' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID");
    }
    return new Window(boxed(kernel), boxed(strides), boxed(begin), boxed(end), boxed(dilations), ceil);
  }

  private static List<Integer> boxed(int[] v) {
    return Arrays.stream(v).boxed().toList();
  }
}
