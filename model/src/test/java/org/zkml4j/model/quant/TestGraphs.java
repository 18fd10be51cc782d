package org.zkml4j.model.quant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.zkml4j.model.ir.ElementType;
import org.zkml4j.model.ir.Graph;
import org.zkml4j.model.ir.GraphBuilder;
import org.zkml4j.model.ir.GraphException;
import org.zkml4j.model.ir.Op;
import org.zkml4j.model.ir.Shape;
import org.zkml4j.model.ir.Tensor;
import org.zkml4j.model.ir.ValueInfo;
import org.zkml4j.model.ir.Window;

/** Small graphs with random weights and random sample inputs, for the quantization and compiler tests. */
public final class TestGraphs {
  private TestGraphs() {}

  /** A tensor of uniform values in [-amplitude, amplitude). */
  public static Tensor random(Random rnd, Shape shape, double amplitude) {
    float[] v = new float[shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((rnd.nextDouble() * 2 - 1) * amplitude);
    }
    return Tensor.ofFloats(shape, v);
  }

  /** A tensor of uniform values in [lo, hi). */
  public static Tensor uniform(Random rnd, Shape shape, double lo, double hi) {
    float[] v = new float[shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + rnd.nextDouble() * (hi - lo));
    }
    return Tensor.ofFloats(shape, v);
  }

  /** {@code count} samples for a graph, every input uniform in [lo, hi). */
  public static List<List<Tensor>> samples(Random rnd, Graph g, int count, double lo, double hi) {
    return samples(rnd, g, count, lo, hi, false);
  }

  /**
   * Calibration samples: the first has every input element at lo or hi at random (so the
   * calibrated range spans the domain), the others are uniform in [lo, hi).
   */
  public static List<List<Tensor>> calibration(Random rnd, Graph g, int count, double lo, double hi) {
    return samples(rnd, g, count, lo, hi, true);
  }

  private static List<List<Tensor>> samples(Random rnd, Graph g, int count, double lo, double hi, boolean corner) {
    List<List<Tensor>> s = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (corner && i == 0) {
        List<Tensor> one = new ArrayList<>();
        for (ValueInfo in : g.inputs()) {
          float[] v = new float[in.shape().size()];
          for (int j = 0; j < v.length; j++) {
            v[j] = (float) (rnd.nextBoolean() ? lo : hi);
          }
          one.add(Tensor.ofFloats(in.shape(), v));
        }
        s.add(one);
        continue;
      }
      List<Tensor> one = new ArrayList<>();
      for (ValueInfo in : g.inputs()) {
        one.add(uniform(rnd, in.shape(), lo, hi));
      }
      s.add(one);
    }
    return s;
  }

  /** A window with the same kernel, stride and padding on every one of {@code rank} spatial axes. */
  public static Window window(int rank, int kernel, int stride, int pad) {
    return new Window(List.of(nCopies(rank, kernel)), List.of(nCopies(rank, stride)), List.of(nCopies(rank, pad)),
        List.of(nCopies(rank, pad)), List.of(nCopies(rank, 1)), false);
  }

  private static Integer[] nCopies(int n, int v) {
    Integer[] a = new Integer[n];
    Arrays.fill(a, v);
    return a;
  }

  /**
   * circomlib-ml's ReLU MNIST architecture: Conv(4, 3x3)-BN-ReLU-AvgPool2-Conv(8, 3x3)-BN-ReLU-
   * AvgPool2-Dense(10)-ArgMax on a 28x28x1 input, valid padding, He-scaled random weights.
   */
  public static Graph mnistArchitecture(Random rnd) throws GraphException {
    GraphBuilder b = new GraphBuilder("mnist-circomlib-ml").input("image", ElementType.FLOAT, Shape.of(1, 1, 28, 28));
    b.constant("w1", random(rnd, Shape.of(4, 1, 3, 3), Math.sqrt(6.0 / 9)))
        .constant("b1", random(rnd, Shape.of(4), 0.1))
        .constant("g1", uniform(rnd, Shape.of(4), 0.8, 1.2)).constant("s1", random(rnd, Shape.of(4), 0.1))
        .node("conv1", new Op.Conv(window(2, 3, 1, 0), 1), List.of("image", "w1", "b1"), "c1")
        .node("bn1", new Op.ChannelAffine(), List.of("c1", "g1", "s1"), "n1")
        .node("relu1", new Op.Relu(), List.of("n1"), "r1")
        .node("pool1", new Op.AveragePool(window(2, 2, 2, 0), false), List.of("r1"), "p1");
    b.constant("w2", random(rnd, Shape.of(8, 4, 3, 3), Math.sqrt(6.0 / 36)))
        .constant("b2", random(rnd, Shape.of(8), 0.1))
        .constant("g2", uniform(rnd, Shape.of(8), 0.8, 1.2)).constant("s2", random(rnd, Shape.of(8), 0.1))
        .node("conv2", new Op.Conv(window(2, 3, 1, 0), 1), List.of("p1", "w2", "b2"), "c2")
        .node("bn2", new Op.ChannelAffine(), List.of("c2", "g2", "s2"), "n2")
        .node("relu2", new Op.Relu(), List.of("n2"), "r2")
        .node("pool2", new Op.AveragePool(window(2, 2, 2, 0), false), List.of("r2"), "p2")
        .node("flatten", new Op.Flatten(1), List.of("p2"), "f");
    b.constant("w3", random(rnd, Shape.of(10, 200), Math.sqrt(6.0 / 200)))
        .constant("b3", random(rnd, Shape.of(10), 0.1))
        .node("dense", new Op.Gemm(1, 1, false, true), List.of("f", "w3", "b3"), "logits")
        .node("argmax", new Op.ArgMax(1, false, false), List.of("logits"), "digit")
        .output("digit");
    return b.build();
  }
}
