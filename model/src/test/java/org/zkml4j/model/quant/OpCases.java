package org.zkml4j.model.quant;

import static org.zkml4j.model.quant.TestGraphs.random;
import static org.zkml4j.model.quant.TestGraphs.uniform;
import static org.zkml4j.model.quant.TestGraphs.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.Window;

/**
 * One small random graph per supported operator (and per interesting form of one), each a few
 * hundred constraints when compiled: the domain of the operator tests.
 */
public final class OpCases {
  /** A named graph. */
  public record OpCase(String name, Graph graph) {
    @Override
    public String toString() {
      return name;
    }
  }

  private OpCases() {}

  private static final Shape X = Shape.of(1, 2, 4, 4);

  /** Every case, built with weights from {@code seed}. */
  public static List<OpCase> all(long seed) throws GraphException {
    Random r = new Random(seed);
    List<OpCase> cases = new ArrayList<>();
    Window pad1 = window(2, 3, 1, 1);
    cases.add(unary("conv 3x3 pad 1 + bias", X, b -> conv(b, r, "x", 3, 2, pad1, 1, true, "y")));
    cases.add(unary("conv stride 2 no bias", X, b -> conv(b, r, "x", 2, 2, window(2, 2, 2, 0), 1, false, "y")));
    cases.add(unary("conv groups 2 + relu", X, b -> {
      conv(b, r, "x", 4, 2, window(2, 3, 1, 1), 2, true, "c");
      b.node("relu", new Op.Relu(), List.of("c"), "y");
    }));
    cases.add(unary("conv1d dilation 2", Shape.of(1, 2, 8), b -> conv(b, r, "x", 3, 2,
        new Window(List.of(3), List.of(1), List.of(1), List.of(0), List.of(2), false), 1, true, "y")));
    cases.add(unary("gemm transB + bias + relu", Shape.of(1, 6), b -> {
      b.constant("w", random(r, Shape.of(4, 6), 0.5)).constant("bias", random(r, Shape.of(4), 0.2))
          .node("gemm", new Op.Gemm(1, 1, false, true), List.of("x", "w", "bias"), "g")
          .node("relu", new Op.Relu(), List.of("g"), "y");
    }));
    cases.add(unary("gemm alpha beta C rows", Shape.of(2, 5), b -> {
      b.constant("w", random(r, Shape.of(5, 3), 0.5)).constant("c", random(r, Shape.of(2, 3), 0.3))
          .node("gemm", new Op.Gemm(0.5f, 2f, false, false), List.of("x", "w", "c"), "y");
    }));
    cases.add(unary("matmul batched rank 3", Shape.of(2, 2, 4), b -> {
      b.constant("w", random(r, Shape.of(4, 3), 0.5)).node("mm", new Op.MatMul(), List.of("x", "w"), "y");
    }));
    cases.add(unary("batchnorm unfolded after relu", X, b -> {
      b.constant("s", uniform(r, Shape.of(2), 0.5, 1.5)).constant("t", random(r, Shape.of(2), 0.3))
          .node("relu", new Op.Relu(), List.of("x"), "r")
          .node("bn", new Op.ChannelAffine(), List.of("r", "s", "t"), "y");
    }));
    cases.add(unary("residual add of two scales", Shape.of(1, 4), b -> {
      b.constant("w", random(r, Shape.of(4, 4), 0.7))
          .node("gemm", new Op.Gemm(1, 1, false, true), List.of("x", "w"), "g")
          .node("relu", new Op.Relu(), List.of("x"), "rx")
          .node("add", new Op.Add(), List.of("g", "rx"), "y");
    }));
    cases.add(unary("add and sub constants", Shape.of(1, 2, 3), b -> {
      b.constant("c", random(r, Shape.of(3), 0.5)).constant("k", random(r, Shape.of(2, 1), 0.5))
          .node("add", new Op.Add(), List.of("x", "c"), "a")
          .node("sub", new Op.Sub(), List.of("k", "a"), "y");
    }));
    cases.add(unary("mul by constant", Shape.of(1, 6), b -> {
      b.constant("c", random(r, Shape.of(6), 1.5)).node("mul", new Op.Mul(), List.of("x", "c"), "y");
    }));
    cases.add(unary("div by 4 and mul by 0.5", Shape.of(1, 6), b -> {
      b.constant("four", Tensor.ofFloats(Shape.scalar(), 4)).constant("half", Tensor.ofFloats(Shape.of(1), 0.5f))
          .node("div", new Op.Div(), List.of("x", "four"), "d")
          .node("mul", new Op.Mul(), List.of("half", "d"), "y");
    }));
    cases.add(unary("div by 3", Shape.of(1, 6), b -> {
      b.constant("three", Tensor.ofFloats(Shape.scalar(), 3)).node("div", new Op.Div(), List.of("x", "three"), "y");
    }));
    cases.add(unary("polynomial x^2 + 0.5x", Shape.of(1, 6), b -> {
      b.constant("n", Tensor.ofFloats(Shape.scalar(), 0.5f))
          .node("shift", new Op.Add(), List.of("x", "n"), "s")
          .node("square", new Op.Mul(), List.of("x", "s"), "y");
    }));
    cases.add(unary("leaky relu", Shape.of(1, 8), b -> b.node("leaky", new Op.LeakyRelu(0.1f), List.of("x"), "y")));
    cases.add(unary("conv + prelu", X, b -> {
      conv(b, r, "x", 2, 2, pad1, 1, true, "c");
      b.constant("slope", uniform(r, Shape.of(2, 1, 1), 0.05, 0.3)).node("prelu", new Op.PRelu(), List.of("c", "slope"), "y");
    }));
    cases.add(unary("clip", Shape.of(1, 8), b -> b.node("clip", new Op.Clip(-0.5f, 0.25f), List.of("x"), "y")));
    cases.add(unary("gemm + relu6 clip", Shape.of(1, 5), b -> {
      b.constant("w", random(r, Shape.of(4, 5), 2))
          .node("gemm", new Op.Gemm(1, 1, false, true), List.of("x", "w"), "g")
          .node("relu6", new Op.Clip(0, 1f), List.of("g"), "y");
    }));
    cases.add(unary("sigmoid", Shape.of(1, 8), b -> b.node("sigmoid", new Op.Sigmoid(), List.of("x"), "y")));
    cases.add(unary("tanh", Shape.of(1, 8), b -> b.node("tanh", new Op.Tanh(), List.of("x"), "y")));
    cases.add(unary("avgpool 2x2 folded", X, b -> b.node("pool", new Op.AveragePool(window(2, 2, 2, 0), false),
        List.of("x"), "y")));
    cases.add(unary("avgpool 3x3 pad 1 divided", X, b -> b.node("pool", new Op.AveragePool(pad1, false),
        List.of("x"), "y")));
    cases.add(unary("avgpool count_include_pad", X, b -> b.node("pool", new Op.AveragePool(pad1, true),
        List.of("x"), "y")));
    cases.add(unary("global average pool 4x4", X, b -> b.node("gap", new Op.GlobalAveragePool(), List.of("x"), "y")));
    cases.add(unary("global average pool 3x3", Shape.of(1, 2, 3, 3), b -> b.node("gap", new Op.GlobalAveragePool(),
        List.of("x"), "y")));
    cases.add(unary("maxpool 2x2", X, b -> b.node("pool", new Op.MaxPool(window(2, 2, 2, 0)), List.of("x"), "y")));
    cases.add(unary("conv + maxpool 3x3 pad 1", X, b -> {
      conv(b, r, "x", 2, 2, pad1, 1, true, "c");
      b.node("pool", new Op.MaxPool(pad1), List.of("c"), "y");
    }));
    cases.add(unary("gemm + argmax", Shape.of(2, 6), b -> {
      b.constant("w", random(r, Shape.of(6, 5), 0.5))
          .node("gemm", new Op.Gemm(1, 1, false, false), List.of("x", "w"), "g")
          .node("argmax", new Op.ArgMax(1, false, false), List.of("g"), "y");
    }));
    cases.add(unary("argmax last keepdims axis 0", Shape.of(3, 4), b -> b.node("argmax", new Op.ArgMax(0, true, true),
        List.of("x"), "y")));
    cases.add(unary("gemm + softmax", Shape.of(1, 6), b -> {
      b.constant("w", random(r, Shape.of(5, 6), 0.5))
          .node("gemm", new Op.Gemm(1, 1, false, true), List.of("x", "w"), "g")
          .node("softmax", new Op.Softmax(1), List.of("g"), "y");
    }));
    cases.add(unary("log softmax + argmax", Shape.of(1, 6), b -> {
      b.constant("w", random(r, Shape.of(5, 6), 0.5))
          .node("gemm", new Op.Gemm(1, 1, false, true), List.of("x", "w"), "g")
          .node("lsm", new Op.LogSoftmax(1), List.of("g"), "l")
          .node("argmax", new Op.ArgMax(1, false, false), List.of("l"), "y");
    }));
    cases.add(unary("wiring: transpose pad squeeze unsqueeze gather concat", Shape.of(1, 2, 3), b -> {
      b.constant("k", random(r, Shape.of(1, 2, 1), 0.5)).constant("idx", Tensor.ofLongs(Shape.of(2), 2, -3))
          .node("t", new Op.Transpose(List.of(0, 2, 1)), List.of("x"), "t")
          .node("pad", new Op.Pad(List.of(0, 1, 0), List.of(0, 0, 1), 0.25f), List.of("t"), "p")
          .node("sq", new Op.Squeeze(List.of(0)), List.of("p"), "s")
          .node("unsq", new Op.Unsqueeze(List.of(0)), List.of("s"), "u")
          .node("gather", new Op.Gather(1), List.of("u", "idx"), "g")
          .node("relu", new Op.Relu(), List.of("x"), "rx")
          .node("cat", new Op.Concat(2), List.of("g", "k", "rx"), "c")
          .node("flat", new Op.Flatten(1), List.of("c"), "y");
    }));
    return cases;
  }

  private interface Body {
    void build(GraphBuilder b) throws GraphException;
  }

  private static OpCase unary(String name, Shape in, Body body) throws GraphException {
    GraphBuilder b = new GraphBuilder(name).input("x", ElementType.FLOAT, in);
    body.build(b);
    return new OpCase(name, b.output("y").build());
  }

  private static void conv(GraphBuilder b, Random r, String x, int out, int in, Window w, int group, boolean bias,
      String y) throws GraphException {
    String wn = b.freshName("w");
    int fan = in / group;
    List<Integer> kernel = w.kernel();
    int[] dims = new int[2 + kernel.size()];
    dims[0] = out;
    dims[1] = fan;
    int taps = fan;
    for (int i = 0; i < kernel.size(); i++) {
      dims[2 + i] = kernel.get(i);
      taps *= kernel.get(i);
    }
    b.constant(wn, random(r, Shape.of(dims), Math.sqrt(3.0 / taps)));
    List<String> inputs = new ArrayList<>(List.of(x, wn));
    if (bias) {
      String bn = b.freshName("b");
      b.constant(bn, random(r, Shape.of(out), 0.2));
      inputs.add(bn);
    }
    b.node(b.freshName("conv"), new Op.Conv(w, group), inputs, y);
  }
}
