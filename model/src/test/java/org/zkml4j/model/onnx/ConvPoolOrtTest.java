package org.zkml4j.model.onnx;

import static org.zkml4j.model.onnx.Differential.check;
import static org.zkml4j.model.onnx.Differential.random;
import static org.zkml4j.model.onnx.ModelWriter.FLOAT;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.zkml4j.model.onnx.ModelWriter.Attr;

/**
 * Conv, MaxPool, AveragePool and GlobalAveragePool against ONNX Runtime on random configurations:
 * 1 to 3 spatial axes, strides, dilations, explicit and automatic padding, groups (including
 * depthwise), ceil mode and count_include_pad, across opsets.
 */
class ConvPoolOrtTest {
  private static final String[] AUTO_PAD = {"NOTSET", "NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"};

  @Test
  void conv_randomConfigurations_matchOnnxRuntime() throws Exception {
    Random r = new Random(1);
    for (int trial = 0; trial < 40; trial++) {
      int spatial = trial < 4 ? 1 + trial % 3 : trial % 7 == 0 ? 1 : trial % 11 == 0 ? 3 : 2;
      int groups = switch (trial % 4) {
        case 0 -> 1;
        case 1 -> 2;
        case 2 -> 3;
        default -> 1;
      };
      boolean depthwise = trial % 5 == 4;
      int c = depthwise ? 4 : groups * (1 + r.nextInt(3));
      int m = depthwise ? 4 : groups * (1 + r.nextInt(3));
      if (depthwise) {
        groups = 4;
      }
      int opset = new int[] {7, 11, 13, 17, 21}[trial % 5];
      String autoPad = AUTO_PAD[trial % AUTO_PAD.length];
      int[] x = new int[spatial + 2];
      int[] w = new int[spatial + 2];
      x[0] = 1 + r.nextInt(2);
      x[1] = c;
      w[0] = m;
      w[1] = c / groups;
      long[] strides = new long[spatial];
      long[] dilations = new long[spatial];
      long[] pads = new long[2 * spatial];
      for (int i = 0; i < spatial; i++) {
        int k = 1 + r.nextInt(spatial == 3 ? 2 : 3);
        w[i + 2] = k;
        strides[i] = 1 + r.nextInt(2);
        dilations[i] = autoPad.startsWith("SAME") ? 1 : 1 + r.nextInt(2);
        pads[i] = r.nextInt(k);
        pads[i + spatial] = r.nextInt(k);
        x[i + 2] = (k - 1) * (int) dilations[i] + 1 + r.nextInt(spatial == 3 ? 3 : 6);
      }
      boolean bias = r.nextBoolean();
      ModelWriter model = new ModelWriter(opset).input("x", FLOAT, boxed(x))
          .initializer("w", random(r, w)).output("y", FLOAT);
      List<String> in = new ArrayList<>(List.of("x", "w"));
      if (bias) {
        model.initializer("b", random(r, m));
        in.add("b");
      }
      List<Attr> attrs = new ArrayList<>(List.of(Attr.ints("strides", strides), Attr.ints("dilations", dilations),
          Attr.i("group", groups)));
      if (autoPad.equals("NOTSET")) {
        attrs.add(Attr.ints("pads", pads));
      } else {
        attrs.add(Attr.s("auto_pad", autoPad));
      }
      if (r.nextBoolean()) {
        attrs.add(Attr.ints("kernel_shape", java.util.Arrays.stream(w, 2, w.length).asLongStream().toArray()));
      }
      model.node("Conv", in, List.of("y"), attrs.toArray(Attr[]::new));
      check(model, List.of(random(r, x)), "conv trial " + trial);
    }
  }

  @Test
  void pooling_randomConfigurations_matchOnnxRuntime() throws Exception {
    Random r = new Random(2);
    for (int trial = 0; trial < 48; trial++) {
      boolean max = trial % 2 == 0;
      int spatial = trial % 9 == 0 ? 1 : trial % 13 == 0 ? 3 : 2;
      int opset = new int[] {7, 10, 11, 12, 19, 21}[trial % 6];
      String autoPad = AUTO_PAD[(trial / 2) % AUTO_PAD.length];
      boolean dilated = autoPad.equals("NOTSET") && ((max && opset >= 10) || opset >= 19) && trial % 3 == 0;
      boolean ceil = opset >= 10 && autoPad.equals("NOTSET") && r.nextBoolean();
      int[] x = new int[spatial + 2];
      x[0] = 1 + r.nextInt(2);
      x[1] = 1 + r.nextInt(3);
      long[] kernel = new long[spatial];
      long[] strides = new long[spatial];
      long[] dilations = new long[spatial];
      long[] pads = new long[2 * spatial];
      for (int i = 0; i < spatial; i++) {
        kernel[i] = 1 + r.nextInt(3);
        strides[i] = 1 + r.nextInt(autoPad.startsWith("SAME") ? (int) kernel[i] + 1 : 3);
        dilations[i] = dilated ? 1 + r.nextInt(2) : 1;
        pads[i] = r.nextInt((int) kernel[i]);
        pads[i + spatial] = r.nextInt((int) kernel[i]);
        x[i + 2] = (int) ((kernel[i] - 1) * dilations[i] + 1) + r.nextInt(spatial == 3 ? 3 : 6);
      }
      List<Attr> attrs = new ArrayList<>(List.of(Attr.ints("kernel_shape", kernel), Attr.ints("strides", strides)));
      if (autoPad.equals("NOTSET")) {
        attrs.add(Attr.ints("pads", pads));
      } else {
        attrs.add(Attr.s("auto_pad", autoPad));
      }
      if (dilated) {
        attrs.add(Attr.ints("dilations", dilations));
      }
      if (ceil) {
        attrs.add(Attr.i("ceil_mode", 1));
      }
      if (!max && !dilated && r.nextBoolean()) {
        // ONNX Runtime 1.22's AveragePool-19 leaves the end padding out of the divisor, unlike its
        // AveragePool-11, ONNX's reference and the backend test data; compare at opset 18 at most.
        attrs.add(Attr.i("count_include_pad", 1));
        opset = Math.min(opset, 18);
      }
      ModelWriter model = new ModelWriter(opset).input("x", FLOAT, boxed(x)).output("y", FLOAT)
          .node(max ? "MaxPool" : "AveragePool", List.of("x"), List.of("y"), attrs.toArray(Attr[]::new));
      check(model, List.of(random(r, x)), (max ? "max" : "average") + " pool trial " + trial + " " + attrs.size());
    }
  }

  @Test
  void globalAveragePool_matchesOnnxRuntime() throws Exception {
    Random r = new Random(3);
    for (int[] x : new int[][] {{1, 3, 5}, {2, 4, 7, 7}, {1, 2, 3, 4, 5}}) {
      ModelWriter model = new ModelWriter(13).input("x", FLOAT, boxed(x)).output("y", FLOAT)
          .node("GlobalAveragePool", List.of("x"), List.of("y"));
      check(model, List.of(random(r, x)), "global average pool");
    }
  }

  static Object[] boxed(int[] dims) {
    return java.util.Arrays.stream(dims).boxed().toArray();
  }
}
