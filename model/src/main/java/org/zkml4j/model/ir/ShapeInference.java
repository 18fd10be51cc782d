package org.zkml4j.model.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The output type and shape of each op from its inputs' types and shapes, with every check the
 * op's definition implies (arity, ranks, matching channels, broadcastability). Error messages name
 * the node, the op and what was expected.
 */
final class ShapeInference {
  private ShapeInference() {}

  /**
   * @param constants the value of each input that is a constant, or null where it is not
   */
  static ValueInfo infer(String node, Op op, List<ValueInfo> in, List<Tensor> constants, String output)
      throws GraphException {
    Check c = new Check(node, op);
    Shape shape = switch (op) {
      case Op.Conv conv -> conv(c, conv, in);
      case Op.Gemm gemm -> gemm(c, gemm, in);
      case Op.MatMul m -> {
        c.arity(in, 2, 2);
        c.floats(in);
        yield matMul(c, in.get(0).shape(), in.get(1).shape());
      }
      case Op.Add a -> binary(c, in);
      case Op.Sub s -> binary(c, in);
      case Op.Mul m -> binary(c, in);
      case Op.Div d -> binary(c, in);
      case Op.Relu r -> unaryFloat(c, in);
      case Op.LeakyRelu r -> unaryFloat(c, in);
      case Op.Sigmoid s -> unaryFloat(c, in);
      case Op.Tanh t -> unaryFloat(c, in);
      case Op.Clip clip -> {
        if (!(clip.min() <= clip.max())) {
          throw c.invalid("min " + clip.min() + " is above max " + clip.max());
        }
        yield unaryFloat(c, in);
      }
      case Op.PRelu p -> {
        c.arity(in, 2, 2);
        c.floats(in);
        Shape x = in.get(0).shape();
        if (!broadcast(c, x, in.get(1).shape()).equals(x)) {
          throw c.invalid("slope " + in.get(1).shape() + " does not broadcast to X " + x);
        }
        yield x;
      }
      case Op.MaxPool pool -> pool(c, pool.window(), in);
      case Op.AveragePool pool -> pool(c, pool.window(), in);
      case Op.GlobalAveragePool g -> {
        Shape x = unaryFloat(c, in);
        if (x.rank() < 3) {
          throw c.invalid("X must be [N, C, spatial...], got " + x);
        }
        int[] out = x.toArray();
        Arrays.fill(out, 2, out.length, 1);
        yield Shape.of(out);
      }
      case Op.ChannelAffine a -> {
        c.arity(in, 3, 3);
        c.floats(in);
        Shape x = in.get(0).shape();
        if (x.rank() < 2) {
          throw c.invalid("X must be [N, C, ...], got " + x);
        }
        for (int i = 1; i <= 2; i++) {
          if (!in.get(i).shape().equals(Shape.of(x.dim(1)))) {
            throw c.invalid((i == 1 ? "scale" : "shift") + " must be [" + x.dim(1) + "] for X " + x + ", got "
                + in.get(i).shape());
          }
        }
        yield x;
      }
      case Op.Softmax s -> softmax(c, s.axis(), in);
      case Op.LogSoftmax s -> softmax(c, s.axis(), in);
      case Op.ArgMax a -> {
        c.arity(in, 1, 1);
        c.floats(in);
        int[] x = in.get(0).shape().toArray();
        c.axis(a.axis(), x.length);
        if (x[a.axis()] == 0) {
          throw c.invalid("ArgMax over an empty axis " + a.axis());
        }
        yield a.keepDims() ? withDim(x, a.axis(), 1) : without(x, a.axis());
      }
      case Op.Flatten f -> {
        c.arity(in, 1, 1);
        Shape x = in.get(0).shape();
        if (f.axis() < 0 || f.axis() > x.rank()) {
          throw c.invalid("axis " + f.axis() + " is outside [0, " + x.rank() + "]");
        }
        yield Shape.of(x.sizeOf(0, f.axis()), x.sizeOf(f.axis(), x.rank()));
      }
      case Op.Reshape r -> {
        c.arity(in, 1, 1);
        if (r.shape().size() != in.get(0).shape().size()) {
          throw c.invalid("cannot reshape " + in.get(0).shape() + " (" + in.get(0).shape().size()
              + " elements) to " + r.shape());
        }
        yield r.shape();
      }
      case Op.Transpose t -> {
        c.arity(in, 1, 1);
        int[] x = in.get(0).shape().toArray();
        if (!isPermutation(t.perm(), x.length)) {
          throw c.invalid("perm " + t.perm() + " is not a permutation of the " + x.length + " axes");
        }
        int[] out = new int[x.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = x[t.perm().get(i)];
        }
        yield Shape.of(out);
      }
      case Op.Squeeze s -> {
        c.arity(in, 1, 1);
        int[] x = in.get(0).shape().toArray();
        c.ascending(s.axes(), x.length);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
          if (s.axes().contains(i)) {
            if (x[i] != 1) {
              throw c.invalid("cannot squeeze axis " + i + " of " + Arrays.toString(x) + ": its size is not 1");
            }
          } else {
            out.add(x[i]);
          }
        }
        yield Shape.of(out.stream().mapToInt(Integer::intValue).toArray());
      }
      case Op.Unsqueeze u -> {
        c.arity(in, 1, 1);
        int[] x = in.get(0).shape().toArray();
        int rank = x.length + u.axes().size();
        c.ascending(u.axes(), rank);
        int[] out = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
          out[i] = u.axes().contains(i) ? 1 : x[j++];
        }
        yield Shape.of(out);
      }
      case Op.Concat cat -> concat(c, cat.axis(), in);
      case Op.Pad p -> {
        c.arity(in, 1, 1);
        int[] x = in.get(0).shape().toArray();
        if (p.padsBegin().size() != x.length) {
          throw c.invalid(p.padsBegin().size() + " pad widths for an input of rank " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
          x[i] += p.padsBegin().get(i) + p.padsEnd().get(i);
          if (x[i] < 0) {
            throw c.invalid("pads " + p.padsBegin() + "+" + p.padsEnd() + " remove more than all of axis " + i
                + " of " + in.get(0).shape());
          }
        }
        yield Shape.of(x);
      }
      case Op.Gather g -> gather(c, g.axis(), in, constants.get(1));
    };
    ElementType type = op instanceof Op.ArgMax ? ElementType.INT64 : in.get(0).type();
    return new ValueInfo(output, type, shape);
  }

  private static Shape conv(Check c, Op.Conv conv, List<ValueInfo> in) throws GraphException {
    c.arity(in, 2, 3);
    c.floats(in);
    Shape x = in.get(0).shape();
    Shape w = in.get(1).shape();
    Window win = conv.window();
    if (x.rank() < 3 || x.rank() != win.rank() + 2) {
      throw c.invalid("X " + x + " must be [N, C] and " + win.rank() + " spatial axes");
    }
    if (w.rank() != x.rank()) {
      throw c.invalid("W " + w + " must have the rank of X " + x);
    }
    int group = conv.group();
    if (x.dim(1) != w.dim(1) * group) {
      throw c.invalid("X has " + x.dim(1) + " channels but W " + w + " with group " + group + " expects "
          + (long) w.dim(1) * group);
    }
    if (w.dim(0) % group != 0) {
      throw c.invalid("W's " + w.dim(0) + " output channels are not divisible by group " + group);
    }
    for (int i = 0; i < win.rank(); i++) {
      if (win.kernel().get(i) != w.dim(i + 2)) {
        throw c.invalid("kernel " + win.kernel() + " does not match W " + w);
      }
    }
    if (in.size() == 3 && !in.get(2).shape().equals(Shape.of(w.dim(0)))) {
      throw c.invalid("bias must be [" + w.dim(0) + "], got " + in.get(2).shape());
    }
    int[] out = new int[x.rank()];
    out[0] = x.dim(0);
    out[1] = w.dim(0);
    spatial(c, win, x, out);
    return Shape.of(out);
  }

  private static Shape pool(Check c, Window win, List<ValueInfo> in) throws GraphException {
    Shape x = unaryFloat(c, in);
    if (x.rank() < 3 || x.rank() != win.rank() + 2) {
      throw c.invalid("X " + x + " must be [N, C] and " + win.rank() + " spatial axes");
    }
    int[] out = x.toArray();
    spatial(c, win, x, out);
    return Shape.of(out);
  }

  private static void spatial(Check c, Window win, Shape x, int[] out) throws GraphException {
    for (int i = 0; i < win.rank(); i++) {
      out[i + 2] = win.outputSize(i, x.dim(i + 2));
      if (out[i + 2] < 1) {
        throw c.invalid("window " + win + " does not fit the input " + x + " along spatial axis " + i);
      }
    }
  }

  private static Shape gemm(Check c, Op.Gemm gemm, List<ValueInfo> in) throws GraphException {
    c.arity(in, 2, 3);
    c.floats(in);
    Shape a = in.get(0).shape();
    Shape b = in.get(1).shape();
    if (a.rank() != 2 || b.rank() != 2) {
      throw c.invalid("A " + a + " and B " + b + " must both have rank 2");
    }
    int m = gemm.transA() ? a.dim(1) : a.dim(0);
    int k = gemm.transA() ? a.dim(0) : a.dim(1);
    int kb = gemm.transB() ? b.dim(1) : b.dim(0);
    int n = gemm.transB() ? b.dim(0) : b.dim(1);
    if (k != kb) {
      throw c.invalid("inner dimensions differ: A " + a + (gemm.transA() ? "ᵀ" : "") + " times B " + b
          + (gemm.transB() ? "ᵀ" : ""));
    }
    Shape y = Shape.of(m, n);
    if (in.size() == 3 && !broadcast(c, y, in.get(2).shape()).equals(y)) {
      throw c.invalid("C " + in.get(2).shape() + " does not broadcast to the product " + y);
    }
    return y;
  }

  static Shape matMul(Check c, Shape a, Shape b) throws GraphException {
    if (a.rank() == 0 || b.rank() == 0) {
      throw c.invalid("MatMul operands must have rank 1 or more, got " + a + " and " + b);
    }
    int ka = a.dim(a.rank() - 1);
    int kb = b.rank() == 1 ? b.dim(0) : b.dim(b.rank() - 2);
    if (ka != kb) {
      throw c.invalid("inner dimensions differ: " + a + " times " + b);
    }
    int[] batchA = a.rank() > 2 ? Arrays.copyOf(a.toArray(), a.rank() - 2) : new int[0];
    int[] batchB = b.rank() > 2 ? Arrays.copyOf(b.toArray(), b.rank() - 2) : new int[0];
    int[] batch = broadcast(c, Shape.of(batchA), Shape.of(batchB)).toArray();
    List<Integer> out = new ArrayList<>();
    for (int d : batch) {
      out.add(d);
    }
    if (a.rank() > 1) {
      out.add(a.dim(a.rank() - 2));
    }
    if (b.rank() > 1) {
      out.add(b.dim(b.rank() - 1));
    }
    return Shape.of(out.stream().mapToInt(Integer::intValue).toArray());
  }

  private static Shape binary(Check c, List<ValueInfo> in) throws GraphException {
    c.arity(in, 2, 2);
    if (in.get(0).type() != in.get(1).type()) {
      throw c.invalid("operands differ in type: " + in.get(0) + " and " + in.get(1));
    }
    return broadcast(c, in.get(0).shape(), in.get(1).shape());
  }

  /** numpy broadcasting: align trailing axes; each pair must agree or one of them be 1. */
  static Shape broadcast(Check c, Shape a, Shape b) throws GraphException {
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.rank() ? 1 : a.dim(i - (rank - a.rank()));
      int db = i < rank - b.rank() ? 1 : b.dim(i - (rank - b.rank()));
      if (da != db && da != 1 && db != 1) {
        throw c.invalid("shapes " + a + " and " + b + " do not broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return Shape.of(out);
  }

  private static Shape softmax(Check c, int axis, List<ValueInfo> in) throws GraphException {
    Shape x = unaryFloat(c, in);
    c.axis(axis, x.rank());
    return x;
  }

  private static Shape concat(Check c, int axis, List<ValueInfo> in) throws GraphException {
    c.arity(in, 1, Integer.MAX_VALUE);
    int[] out = in.get(0).shape().toArray();
    c.axis(axis, out.length);
    for (int i = 1; i < in.size(); i++) {
      ValueInfo v = in.get(i);
      if (v.type() != in.get(0).type()) {
        throw c.invalid("inputs differ in type: " + in.get(0) + " and " + v);
      }
      boolean fits = v.shape().rank() == out.length;
      for (int d = 0; fits && d < out.length; d++) {
        fits = d == axis || v.shape().dim(d) == out[d];
      }
      if (!fits) {
        throw c.invalid("input " + v + " does not match " + in.get(0) + " outside axis " + axis);
      }
      out[axis] += v.shape().dim(axis);
    }
    return Shape.of(out);
  }

  private static Shape gather(Check c, int axis, List<ValueInfo> in, Tensor indices) throws GraphException {
    c.arity(in, 2, 2);
    int[] data = in.get(0).shape().toArray();
    c.axis(axis, data.length);
    if (in.get(1).type() != ElementType.INT64) {
      throw c.invalid("indices must be integers, got " + in.get(1));
    }
    if (indices != null) {
      for (int i = 0; i < indices.size(); i++) {
        long k = indices.getLong(i);
        if (k < -data[axis] || k >= data[axis]) {
          throw c.invalid("index " + k + " is outside [" + -data[axis] + ", " + data[axis] + ") on axis " + axis);
        }
      }
    }
    int[] idx = in.get(1).shape().toArray();
    int[] out = new int[data.length - 1 + idx.length];
    System.arraycopy(data, 0, out, 0, axis);
    System.arraycopy(idx, 0, out, axis, idx.length);
    System.arraycopy(data, axis + 1, out, axis + idx.length, data.length - axis - 1);
    return Shape.of(out);
  }

  private static Shape unaryFloat(Check c, List<ValueInfo> in) throws GraphException {
    c.arity(in, 1, 1);
    c.floats(in);
    return in.get(0).shape();
  }

  private static boolean isPermutation(List<Integer> perm, int rank) {
    if (perm.size() != rank) {
      return false;
    }
    boolean[] seen = new boolean[rank];
    for (int p : perm) {
      if (p < 0 || p >= rank || seen[p]) {
        return false;
      }
      seen[p] = true;
    }
    return true;
  }

  private static Shape withDim(int[] dims, int axis, int value) {
    int[] out = dims.clone();
    out[axis] = value;
    return Shape.of(out);
  }

  private static Shape without(int[] dims, int axis) {
    int[] out = new int[dims.length - 1];
    System.arraycopy(dims, 0, out, 0, axis);
    System.arraycopy(dims, axis + 1, out, axis, out.length - axis);
    return Shape.of(out);
  }

  /** Builds the messages for one node: {@code node 'conv1' (Conv): ...}. */
  record Check(String node, Op op) {
    GraphException invalid(String what) {
      return GraphException.invalid("node '" + node + "' (" + op.onnxName() + "): " + what);
    }

    void arity(List<ValueInfo> in, int min, int max) throws GraphException {
      if (in.size() < min || in.size() > max) {
        String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? min + " or more"
            : min + " to " + max;
        throw invalid("expected " + expected + " inputs, got " + in.size());
      }
    }

    void floats(List<ValueInfo> in) throws GraphException {
      for (ValueInfo v : in) {
        if (v.type() != ElementType.FLOAT) {
          throw GraphException.unsupported("node '" + node + "' (" + op.onnxName() + "): input " + v
              + " must be FLOAT; this op is only supported on floats");
        }
      }
    }

    void axis(int axis, int rank) throws GraphException {
      if (axis < 0 || axis >= rank) {
        throw invalid("axis " + axis + " is outside [0, " + rank + ")");
      }
    }

    void ascending(List<Integer> axes, int rank) throws GraphException {
      for (int i = 0; i < axes.size(); i++) {
        if (axes.get(i) < 0 || axes.get(i) >= rank || (i > 0 && axes.get(i) <= axes.get(i - 1))) {
          throw invalid("axes " + axes + " must be distinct, ascending and in [0, " + rank + ")");
        }
      }
    }
  }
}
