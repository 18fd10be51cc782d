package org.zkml4j.math.msm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.curve.CurveGroup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Both batch implementations, in both groups, against the curve package's group law (itself
 * tested against published vectors and a BigInteger reference): batches of every size around the
 * block of 8 and the batch capacities, with every special case of the affine addition mixed in
 * at random (doublings, P + (-P), infinity on either side or both), and bases loaded plain and
 * negated; the second operand comes from the point array or straight from the bases.
 */
class AffineBatchTest {
  private static final Parallelism ONE = new Parallelism(1);
  /** Distinct points; slot 0 is the point at infinity. */
  private static final int POOL = 40;
  private static final long[] G1_POOL = pool(new G1()), G2_POOL = pool(new G2());

  private enum Kind { ADD, DOUBLE, CANCEL, FIRST_INFINITY, SECOND_INFINITY, BOTH_INFINITY }

  private record Setup(String name, CurveGroup g, long[] pool, BaseForm form, Supplier<AffineBatch> batch) {}

  private static Setup[] setups() {
    return new Setup[] {
      new Setup("G1 lanes", new G1(), G1_POOL, LaneAffineBatch.baseForm(1), LaneAffineBatch::g1),
      new Setup("G1 scalar", new G1(), G1_POOL, BaseForm.AS_IS, () -> new ScalarAffineBatch(new G1())),
      new Setup("G2 lanes", new G2(), G2_POOL, LaneAffineBatch.baseForm(2), LaneAffineBatch::g2),
      new Setup("G2 scalar", new G2(), G2_POOL, BaseForm.AS_IS, () -> new ScalarAffineBatch(new G2())),
    };
  }

  private static long[] pool(CurveGroup g) {
    long[] pts = MsmTest.bases(g, POOL, new Random(g instanceof G1 ? 11 : 12), false);
    Arrays.fill(pts, 0, g.affineSize(), 0L);
    return pts;
  }

  /**
   * count additions pts[2k] += pts[2k+1], drawn with the given share (in percent) of special
   * cases, half of those doublings; sizes up to past two batches, so that batches fill up, flush
   * with doublings staged, and end at every offset within a block.
   */
  @Property(tries = 25)
  void batchedSumsMatchTheGroupLaw(@ForAll @IntRange(min = 0, max = 4400) int count,
      @ForAll @IntRange(min = 0, max = 100) int specialPercent, @ForAll long seed) {
    for (Setup setup : setups()) {
      check(setup, count, specialPercent, new Random(seed));
    }
  }

  @Test
  void sizesAroundTheBlockAndTheCapacities() {
    int[] sizes = {1, 2, 7, 8, 9, 15, 16, 17, LaneAffineBatch.DOUBLINGS - 1, LaneAffineBatch.DOUBLINGS,
      LaneAffineBatch.DOUBLINGS + 1, LaneAffineBatch.BATCH - 1, LaneAffineBatch.BATCH, LaneAffineBatch.BATCH + 1};
    for (Setup setup : setups()) {
      for (int n : sizes) {
        check(setup, n, 0, new Random(n));
        check(setup, n, 30, new Random(n)); // additions fill the batch while doublings wait
        check(setup, n, 100, new Random(n)); // all special: many doublings
      }
    }
  }

  @Test
  void loadNegatesAndConvertsExactly() {
    for (Setup setup : setups()) {
      CurveGroup g = setup.g();
      int a = g.affineSize();
      long[] bases = setup.form().convert(setup.pool(), POOL, ONE);
      AffineBatch batch = setup.batch().get();
      long[] pts = batch.newPoints(2);
      long[] got = new long[a], want = new long[a];
      for (int i = 0; i < POOL; i++) {
        batch.load(pts, 0, bases, i);
        batch.load(pts, 1, bases, ~i);
        batch.toAffine(got, 0, pts, 0);
        assertArrayEquals(Arrays.copyOfRange(setup.pool(), a * i, a * i + a), got, setup.name() + " base " + i);
        batch.toAffine(got, 0, pts, 1);
        g.negAffine(want, 0, setup.pool(), a * i);
        assertArrayEquals(want, got, setup.name() + " negated base " + i);
      }
    }
  }

  private static void check(Setup setup, int count, int specialPercent, Random rnd) {
    CurveGroup g = setup.g();
    int a = g.affineSize();
    long[] bases = setup.form().convert(setup.pool(), POOL, ONE);
    AffineBatch batch = setup.batch().get();
    long[] pts = batch.newPoints(2 * count);
    int[][] entries = new int[count][];
    for (int k = 0; k < count; k++) {
      entries[k] = pair(rnd.nextInt(100) < specialPercent ? special(rnd) : Kind.ADD, rnd);
      batch.load(pts, 2 * k, bases, entries[k][0]);
      batch.load(pts, 2 * k + 1, bases, entries[k][1]);
    }
    for (int k = 0; k < count; k++) {
      if (rnd.nextBoolean()) {
        batch.add(pts, 2 * k, 2 * k + 1);
      } else {
        batch.addBase(pts, 2 * k, bases, entries[k][1]);
      }
    }
    batch.flush();
    long[] want = references(g, setup.pool(), entries), got = new long[a];
    for (int k = 0; k < count; k++) {
      batch.toAffine(got, 0, pts, 2 * k);
      assertArrayEquals(Arrays.copyOfRange(want, a * k, a * k + a), got,
          setup.name() + ": pair " + k + " of " + count + ", entries " + Arrays.toString(entries[k]));
    }
  }

  private static Kind special(Random rnd) {
    Kind[] kinds = Kind.values();
    return rnd.nextBoolean() ? Kind.DOUBLE : kinds[1 + rnd.nextInt(kinds.length - 1)];
  }

  /** Two base entries (i, or ~i for -P_i) that make an addition of the given kind. */
  private static int[] pair(Kind kind, Random rnd) {
    int i = 1 + rnd.nextInt(POOL - 1), j = 1 + rnd.nextInt(POOL - 2);
    j = j >= i ? j + 1 : j; // j != i
    boolean ni = rnd.nextBoolean(), nj = rnd.nextBoolean();
    int ei = ni ? ~i : i, ej = nj ? ~j : j;
    return switch (kind) {
      case ADD -> new int[] {ei, ej};
      case DOUBLE -> new int[] {ei, ei};
      case CANCEL -> new int[] {ei, ~ei};
      case FIRST_INFINITY -> new int[] {rnd.nextBoolean() ? 0 : ~0, ej};
      case SECOND_INFINITY -> new int[] {ei, 0};
      case BOTH_INFINITY -> new int[] {0, ~0};
    };
  }

  /** The affine sums of the entries' pairs of points by the curve code's Jacobian group law. */
  private static long[] references(CurveGroup g, long[] pool, int[][] entries) {
    int a = g.affineSize(), j = g.jacobianSize();
    long[] p = new long[2 * a], sums = new long[j * entries.length], out = new long[a * entries.length];
    for (int k = 0; k < entries.length; k++) {
      for (int t = 0; t < 2; t++) {
        int e = entries[k][t], i = e >= 0 ? e : ~e;
        if (e >= 0) {
          System.arraycopy(pool, a * i, p, a * t, a);
        } else {
          g.negAffine(p, a * t, pool, a * i);
        }
      }
      g.fromAffine(sums, j * k, p, 0);
      g.addMixed(sums, j * k, sums, j * k, p, a);
    }
    g.batchToAffine(out, 0, sums, 0, entries.length);
    return out;
  }

  private static long[] reference(CurveGroup g, long[] pool, int[] entries) {
    return references(g, pool, new int[][] {entries});
  }

  @Test
  void referenceSeesTheSpecialCases() {
    G1 g = new G1();
    assertArrayEquals(new long[8], reference(g, G1_POOL, new int[] {3, ~3}), "P + (-P)");
    long[] twice = reference(g, G1_POOL, new int[] {3, 3});
    long[] jac = new long[12];
    g.fromAffine(jac, 0, G1_POOL, 24);
    g.dbl(jac, 0, jac, 0);
    long[] want = new long[8];
    g.toAffine(want, 0, jac, 0);
    assertArrayEquals(want, twice, "P + P");
    assertEquals(0, Arrays.stream(reference(g, G1_POOL, new int[] {0, ~0})).filter(v -> v != 0).count(), "O + O");
  }
}
