package org.zkml4j.model.ir;

import java.util.List;

/**
 * Evaluates one op on concrete tensors: the dispatcher behind {@link ReferenceEvaluator} and the
 * constant folding in {@link GraphBuilder}. Inputs have passed {@link ShapeInference}, which also
 * gave the output shape, so the kernels do not check shapes again.
 */
final class Kernels {
  private Kernels() {}

  static Tensor apply(Op op, List<Tensor> in, Shape out) {
    Tensor x = in.get(0);
    return switch (op) {
      case Op.Conv conv -> Convolution.conv(conv, x, in.get(1), in.size() > 2 ? in.get(2) : null, out);
      case Op.Gemm gemm -> MatrixProducts.gemm(gemm, x, in.get(1), in.size() > 2 ? in.get(2) : null, out);
      case Op.MatMul m -> MatrixProducts.matMul(x, in.get(1), out);
      case Op.Add a -> Elementwise.binary(Elementwise.Binary.ADD, x, in.get(1), out);
      case Op.Sub s -> Elementwise.binary(Elementwise.Binary.SUB, x, in.get(1), out);
      case Op.Mul m -> Elementwise.binary(Elementwise.Binary.MUL, x, in.get(1), out);
      case Op.Div d -> Elementwise.binary(Elementwise.Binary.DIV, x, in.get(1), out);
      case Op.PRelu p -> Elementwise.binary(Elementwise.Binary.PRELU, x, in.get(1), out);
      case Op.Relu r -> Elementwise.clip(x, 0f, Float.POSITIVE_INFINITY);
      case Op.Clip c -> Elementwise.clip(x, c.min(), c.max());
      case Op.LeakyRelu r -> Elementwise.leakyRelu(x, r.alpha());
      case Op.Sigmoid s -> Elementwise.sigmoid(x);
      case Op.Tanh t -> Elementwise.tanh(x);
      case Op.ChannelAffine a -> Elementwise.channelAffine(x, in.get(1), in.get(2));
      case Op.MaxPool p -> Pooling.max(p.window(), x, out);
      case Op.AveragePool p -> Pooling.average(p.window(), p.countIncludePad(), x, out);
      case Op.GlobalAveragePool g -> Reductions.globalAverage(x, out);
      case Op.Softmax s -> Reductions.softmax(x, s.axis(), false);
      case Op.LogSoftmax s -> Reductions.softmax(x, s.axis(), true);
      case Op.ArgMax a -> Reductions.argMax(x, a.axis(), a.selectLastIndex(), out);
      case Op.Flatten f -> x.reshape(out);
      case Op.Reshape r -> x.reshape(out);
      case Op.Squeeze s -> x.reshape(out);
      case Op.Unsqueeze u -> x.reshape(out);
      case Op.Transpose t -> Layouts.transpose(x, t.perm(), out);
      case Op.Concat c -> Layouts.concat(in, c.axis(), out);
      case Op.Pad p -> Layouts.pad(x, p, out);
      case Op.Gather g -> Layouts.gather(x, in.get(1), g.axis(), out);
    };
  }

  /** Row-major strides of a shape. */
  static int[] strides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }
}
