package org.zkml4j.model.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The broadcasting binary ops against a direct reading of numpy's rule: the output element at
 * multi-index {@code i} combines the operand elements at {@code i} aligned to the right, with index
 * 0 along every axis of size 1.
 */
class BroadcastTest {
  @Property(tries = 300)
  void addSubMulDiv_followNumpyBroadcasting(@ForAll @IntRange(min = 0, max = 4) int rank,
      @ForAll long seed) throws GraphException {
    Random r = new Random(seed);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      out[i] = 1 + r.nextInt(3);
    }
    int[] a = operand(out, r);
    int[] b = operand(out, r);
    out = new int[Math.max(a.length, b.length)];
    for (int i = 0; i < out.length; i++) {
      int da = i < out.length - a.length ? 1 : a[i - (out.length - a.length)];
      int db = i < out.length - b.length ? 1 : b[i - (out.length - b.length)];
      out[i] = Math.max(da, db);
    }
    rank = out.length;
    Tensor ta = random(a, r);
    Tensor tb = random(b, r);
    List<Op> ops = List.of(new Op.Add(), new Op.Sub(), new Op.Mul(), new Op.Div());
    for (Op op : ops) {
      Graph g = new GraphBuilder("g").input("a", ElementType.FLOAT, ta.shape()).input("b", ElementType.FLOAT, tb.shape())
          .node("n", op, List.of("a", "b"), "y").output("y").build();
      Tensor y = new ReferenceEvaluator(g).run(ta, tb).get(0);
      assertEquals(Shape.of(out), y.shape());
      int[] idx = new int[rank];
      for (int k = 0; k < y.size(); k++) {
        float x1 = ta.getFloat(flat(idx, a));
        float x2 = tb.getFloat(flat(idx, b));
        float expected = switch (op) {
          case Op.Add o -> x1 + x2;
          case Op.Sub o -> x1 - x2;
          case Op.Mul o -> x1 * x2;
          default -> x1 / x2;
        };
        assertEquals(expected, y.getFloat(k), op + " at " + java.util.Arrays.toString(idx));
        for (int d = rank - 1; d >= 0 && ++idx[d] == out[d]; d--) {
          idx[d] = 0;
        }
      }
    }
  }

  @Property(tries = 100)
  void int64Arithmetic_broadcastsAndTruncates(@ForAll long x, @ForAll long y) throws GraphException {
    long divisor = y == 0 ? 7 : y;
    GraphBuilder b = new GraphBuilder("g").constant("x", Tensor.ofLongs(Shape.of(2), x, -x))
        .constant("y", Tensor.ofLongs(Shape.scalar(), divisor)).node("div", new Op.Div(), List.of("x", "y"), "q")
        .node("mul", new Op.Mul(), List.of("x", "y"), "p").output("q").output("p");
    Graph g = b.build();
    assertEquals(0, g.nodes().size(), "all-constant nodes fold");
    assertEquals(Tensor.ofLongs(Shape.of(2), x / divisor, -x / divisor), g.constants().get("q"));
    assertEquals(Tensor.ofLongs(Shape.of(2), x * divisor, -x * divisor), g.constants().get("p"));
  }

  /** A shape that broadcasts to {@code out}: a suffix of it with some axes set to 1. */
  private static int[] operand(int[] out, Random r) {
    int drop = r.nextInt(out.length + 1);
    List<Integer> dims = new ArrayList<>();
    for (int i = drop; i < out.length; i++) {
      dims.add(r.nextInt(3) == 0 ? 1 : out[i]);
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int flat(int[] idx, int[] dims) {
    int offset = idx.length - dims.length;
    int f = 0;
    for (int i = 0; i < dims.length; i++) {
      f = f * dims[i] + (dims[i] == 1 ? 0 : idx[i + offset]);
    }
    return f;
  }

  private static Tensor random(int[] dims, Random r) {
    Shape s = Shape.of(dims);
    float[] f = new float[s.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) r.nextGaussian() + (r.nextBoolean() ? 2 : -2);
    }
    return Tensor.ofFloats(s, f);
  }
}
