package org.zkml4j.math.ntt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zkml4j.math.ntt.NaiveTransforms.R;
import static org.zkml4j.math.ntt.NaiveTransforms.root;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The lane butterflies and layer passes against BigInteger: single butterflies on random and
 * edge values (raw forms in [r, 2r) included), the row passes as eight independent DFTs, the
 * column passes against the closed form of the upper layers, and the tile transpose.
 */
class LaneButterfliesTest {
  private static final Parallelism SERIAL = new Parallelism(1);
  private static final BigInteger MONTGOMERY_INVERSE = BigInteger.ONE.shiftLeft(255).modInverse(R);

  /** Raw values at the edges of [0, 2r) and of the 51-bit limbs. */
  private static List<BigInteger> edgeRaws() {
    List<BigInteger> raws = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, R.subtract(BigInteger.ONE), R,
        R.add(BigInteger.ONE), R.shiftLeft(1).subtract(BigInteger.ONE), R.shiftLeft(1).subtract(BigInteger.TWO)));
    for (int k = 51; k < 255; k += 51) {
      raws.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE));
      raws.add(BigInteger.ONE.shiftLeft(k));
    }
    return raws;
  }

  @Property(tries = 300)
  void butterfliesMatchBigInteger(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int blocks) {
    Random rnd = new Random(seed);
    List<BigInteger> edges = edgeRaws();
    int count = 8 * blocks;
    long[] x = new long[5 * 2 * count];
    long[] w = new long[5 * count];
    BigInteger[] a = new BigInteger[count], b = new BigInteger[count], t = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      a[i] = pick(x, i, rnd, edges);
      b[i] = pick(x, count + i, rnd, edges);
      t[i] = pick(w, i, rnd, edges);
    }
    long[] scratch = new long[5 * count];
    long[] dit = x.clone(), dif = x.clone(), plusMinus = x.clone();
    LaneButterflies.dit(dit, 0, count, w, 0, count, scratch);
    LaneButterflies.dif(dif, 0, count, w, 0, count, scratch);
    LaneButterflies.plusMinus(plusMinus, 0, count, count, scratch);
    for (int i = 0; i < count; i++) {
      BigInteger tb = t[i].multiply(b[i]).mod(R);
      assertEquals(a[i].add(tb).mod(R), LaneValues.get(dit, i), "dit sum " + i);
      assertEquals(a[i].subtract(tb).mod(R), LaneValues.get(dit, count + i), "dit difference " + i);
      assertEquals(a[i].add(b[i]).mod(R), LaneValues.get(dif, i), "dif sum " + i);
      assertEquals(a[i].subtract(b[i]).multiply(t[i]).mod(R), LaneValues.get(dif, count + i), "dif product " + i);
      assertEquals(a[i].add(b[i]).mod(R), LaneValues.get(plusMinus, i), "plusMinus sum " + i);
      assertEquals(a[i].subtract(b[i]).mod(R), LaneValues.get(plusMinus, count + i), "plusMinus difference " + i);
    }
  }

  /** Sets element i to an edge raw value a third of the time, else to a random element; returns its value. */
  private static BigInteger pick(long[] v, int i, Random rnd, List<BigInteger> edges) {
    if (rnd.nextInt(3) == 0) {
      BigInteger raw = edges.get(rnd.nextInt(edges.size()));
      LaneValues.setRaw(v, i, raw);
      return raw.multiply(MONTGOMERY_INVERSE).mod(R);
    }
    return LaneValues.fill(v, i, 1, rnd)[0];
  }

  /** Lane l of block q holds position q of transform l: eight DFTs of size 2^m at once. */
  @Property(tries = 30)
  void rowPassesAreEightIndependentTransforms(@ForAll @IntRange(min = 0, max = 7) int m,
      @ForAll @IntRange(min = 0, max = 3) int extra, @ForAll long seed) {
    Random rnd = new Random(seed);
    int size = 1 << m;
    Twiddles tw = new Twiddles(m + extra, EvaluationDomain.rootOfUnity(m + extra), SERIAL);
    long[] w = new long[5 * 64], t = new long[5 * 64];
    long[] x = new long[5 * 8 * size];
    BigInteger[][] lanes = new BigInteger[8][], dft = new BigInteger[8][];
    for (int l = 0; l < 8; l++) {
      lanes[l] = NaiveTransforms.randomVector(size, rnd);
      dft[l] = NaiveTransforms.evaluateOnCoset(lanes[l], BigInteger.ONE);
    }
    // decimation in time: bit-reversed input, natural output
    for (int q = 0; q < size; q++) {
      for (int l = 0; l < 8; l++) {
        LaneValues.set(x, 8 * q + l, lanes[l][LaneTransform.reverse(q, m)], rnd.nextBoolean());
      }
    }
    long[] y = x.clone();
    LaneButterflies.ditRows(y, m, tw, w, t);
    for (int l = 0; l < 8; l++) {
      for (int q = 0; q < size; q++) {
        assertEquals(dft[l][q], LaneValues.get(y, 8 * q + l), "ditRows lane " + l + " position " + q);
      }
    }
    // decimation in frequency: natural input, bit-reversed output
    for (int q = 0; q < size; q++) {
      for (int l = 0; l < 8; l++) {
        LaneValues.set(x, 8 * q + l, lanes[l][q], rnd.nextBoolean());
      }
    }
    LaneButterflies.difRows(x, m, tw, w, t);
    for (int l = 0; l < 8; l++) {
      for (int q = 0; q < size; q++) {
        assertEquals(dft[l][LaneTransform.reverse(q, m)], LaneValues.get(x, 8 * q + l), "difRows lane " + l + " position " + q);
      }
    }
  }

  /**
   * Block u holds row u of columns c0 .. c0+7 of a 2^k vector with rows of 2^L. Layers L .. k-1,
   * by decimation in time or in frequency, map the column y to
   * z_(c + 2^L m) = sum_u y_(c + 2^L u) w^(rev_U(u) (c + 2^L m)) (decimation in time), and
   * z_(c + 2^L u) = sum_m y_(c + 2^L m) w^(rev_U(u) (c + 2^L m)) (in frequency), w = w_k.
   */
  @Property(tries = 30)
  void columnPassesMatchTheUpperLayersClosedForm(@ForAll @IntRange(min = 0, max = 5) int rowsLog,
      @ForAll @IntRange(min = 3, max = 6) int blockLog, @ForAll long seed) {
    Random rnd = new Random(seed);
    int k = blockLog + rowsLog, rows = 1 << rowsLog;
    int c0 = 8 * rnd.nextInt((1 << blockLog) / 8);
    int at = 8 * rnd.nextInt(3);
    Twiddles tw = new Twiddles(k, EvaluationDomain.rootOfUnity(k), SERIAL);
    BigInteger[] power = new BigInteger[1 << k]; // w_k^e, exponents taken mod 2^k
    power[0] = BigInteger.ONE;
    for (int e = 1; e < power.length; e++) {
      power[e] = power[e - 1].multiply(root(k)).mod(R);
    }
    long[] x = new long[5 * (at + 8 * rows)];
    BigInteger[] y = LaneValues.fill(x, at, 8 * rows, rnd);
    long[] inTime = x.clone(), inFrequency = x.clone();
    long[] scratchW = new long[5 * 64], scratchT = new long[5 * 64];
    LaneButterflies.ditColumns(inTime, at, rowsLog, blockLog, c0, tw, scratchW, scratchT);
    LaneButterflies.difColumns(inFrequency, at, rowsLog, blockLog, c0, tw, scratchW, scratchT);
    for (int l = 0; l < 8; l++) {
      int c = c0 + l;
      for (int out = 0; out < rows; out++) {
        BigInteger dit = BigInteger.ZERO, dif = BigInteger.ZERO;
        for (int in = 0; in < rows; in++) {
          int ditExponent = LaneTransform.reverse(in, rowsLog) * (c + (out << blockLog));
          dit = dit.add(y[8 * in + l].multiply(power[ditExponent & (power.length - 1)]));
          int difExponent = LaneTransform.reverse(out, rowsLog) * (c + (in << blockLog));
          dif = dif.add(y[8 * in + l].multiply(power[difExponent & (power.length - 1)]));
        }
        assertEquals(dit.mod(R), LaneValues.get(inTime, at + 8 * out + l), "ditColumns column " + c + " row " + out);
        assertEquals(dif.mod(R), LaneValues.get(inFrequency, at + 8 * out + l), "difColumns column " + c + " row " + out);
      }
    }
  }

  @Test
  void transposeSwapsLanesAndBlocksOfTheListedBlocks() {
    Random rnd = new Random(8);
    long[] x = new long[5 * 8 * 12];
    long[] z = new long[5 * 8 * 12];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextLong() & ((1L << 51) - 1);
      z[i] = -1;
    }
    int[] xBlocks = {11, 3, 0, 7, 5, 9, 2, 4};
    int[] zBlocks = {6, 1, 10, 8, 0, 2, 4, 3};
    LaneButterflies.transpose(z, zBlocks, 8, x, xBlocks, 8);
    for (int i = 0; i < 8; i++) {
      for (int l = 0; l < 8; l++) {
        assertEquals(LaneValues.raw(x, 8 * xBlocks[l] + i), LaneValues.raw(z, 8 * zBlocks[i] + l), "lane " + l + " of block " + i);
      }
    }
    // partial tiles: only the listed lanes and blocks change
    long[] partial = new long[z.length];
    LaneButterflies.transpose(partial, zBlocks, 3, x, xBlocks, 5);
    for (int i = 0; i < 8; i++) {
      for (int l = 0; l < 8; l++) {
        BigInteger expected = i < 3 && l < 5 ? LaneValues.raw(x, 8 * xBlocks[l] + i) : BigInteger.ZERO;
        assertEquals(expected, LaneValues.raw(partial, 8 * zBlocks[i] + l), "partial lane " + l + " of block " + i);
      }
    }
  }
}
