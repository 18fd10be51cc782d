package org.zkml4j.math.field;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LT;

import java.math.BigInteger;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector kernels behind {@link LaneField}: each method advances one group of {@link #LANES}
 * independent elements by one operation, reading and writing SoA limbs (limb k of the group at
 * {@code offset + 8*k}).
 *
 * <p>Why each operation is one self-contained method: C2 keeps vectors in registers only inside
 * one compiled method. A vector passed to a call that is not inlined is boxed, and a method that
 * grows too large (two interleaved batches, say) is compiled into spill-heavy code several times
 * slower. So no method here takes or returns a vector, and shared steps (carry propagation, the
 * conditional subtraction) are written out in each kernel rather than factored into helpers.
 *
 * <h2>The multiplication</h2>
 *
 * Limbs are 51-bit integers held exactly in doubles, so a limb product xy is below 2^102. One
 * fused multiply-add splits it exactly into a high and a low part, with no rounding error:
 *
 * <ul>
 *   <li>{@code h = fma(x, y, 2^103)} lies in [2^103, 2^104), where doubles are spaced 2^51
 *       apart, so h = 2^103 + k*2^51 with k = round(xy / 2^51), and the raw bits of h are
 *       bits(2^103) + k;
 *   <li>{@code l = fma(x, y, (2^103 + 3*2^51) - h)} = xy - k*2^51 + 3*2^51. The subtraction is
 *       exact (both are multiples of 2^51 below 2^104), and |xy - k*2^51| &lt;= 2^50 puts l in
 *       [2^52, 2^53), where doubles are the integers, so the raw bits of l are bits(3*2^51) +
 *       (xy - k*2^51), a signed low part.
 * </ul>
 *
 * The raw bits are summed into long column accumulators without converting back to integers;
 * the constant bits(2^103) and bits(3*2^51) terms each column collected are subtracted once, by
 * {@link #OFFSET}. Both constants are multiples of 2^51, so they never disturb the low 51 bits
 * the Montgomery quotient digit is computed from. Operand scanning interleaves each row of
 * products with one reduction step (quotient digit m = column * (-p^-1) mod 2^51, then m*p added
 * the same way), so only a window of six column accumulators is live.
 *
 * <p>The rows are a loop, not unrolled code, on purpose: on the Zen 4 test machine the loop runs
 * at about 8.5 ns per product and the same code unrolled at about 12 ns (more spills), and the
 * loop's 1.2 KB of bytecode is small enough for C1 too, so tiered compilation reaches C2 rather
 * than stalling in a failed C1 compile.
 */
final class LaneKernel {
  /** The double species of the kernels: 8 lanes (512 bits) where the machine has them. */
  static final VectorSpecies<Double> DOUBLES = pickSpecies();
  /** The long species with the same shape, so conversions map lane to lane. */
  static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, DOUBLES.vectorShape());
  /** Elements advanced per kernel call: 8 with AVX-512, else the machine's preferred width. */
  static final int LANES = DOUBLES.length();

  /** Elements per SoA block, and the distance in longs between consecutive limbs of one element. */
  static final int BLOCK = 8;
  static final int LIMBS = 5;
  static final int BITS = 51;
  static final long MASK = (1L << BITS) - 1;

  private static final double HI_ADD = 0x1p103;
  private static final double LO_ADD = 0x1p103 + 0x3p51;
  /** Per column of the 10-column product: the sum of the raw-bit constants its terms carry. */
  private static final long[] OFFSET = columnOffsets();
  private static final long OFFSET5 = OFFSET[5];
  private static final long OFFSET6 = OFFSET[6];
  private static final long OFFSET7 = OFFSET[7];
  private static final long OFFSET8 = OFFSET[8];
  private static final long OFFSET9 = OFFSET[9];
  /** The same for {@link #square}, whose product half has one term per pair of limbs. */
  private static final long[] SQUARE_OFFSET = squareColumnOffsets();
  private static final long SQUARE_OFFSET5 = SQUARE_OFFSET[5];
  private static final long SQUARE_OFFSET6 = SQUARE_OFFSET[6];
  private static final long SQUARE_OFFSET7 = SQUARE_OFFSET[7];
  private static final long SQUARE_OFFSET8 = SQUARE_OFFSET[8];
  private static final long SQUARE_OFFSET9 = SQUARE_OFFSET[9];

  /** The modulus limbs as doubles (multiplicands) and as longs, and 2p's limbs. */
  private final double dp0, dp1, dp2, dp3, dp4;
  private final long p0, p1, p2, p3, p4;
  private final long tp0, tp1, tp2, tp3, tp4;
  /** -p^-1 mod 2^51. */
  private final long pInv;

  /** Kernels for an odd modulus p with 2p &lt; 2^255 (the caller checks the tighter bounds). */
  LaneKernel(BigInteger p) {
    long[] l = limbs(p);
    long[] t = limbs(p.shiftLeft(1));
    dp0 = l[0];
    dp1 = l[1];
    dp2 = l[2];
    dp3 = l[3];
    dp4 = l[4];
    p0 = l[0];
    p1 = l[1];
    p2 = l[2];
    p3 = l[3];
    p4 = l[4];
    tp0 = t[0];
    tp1 = t[1];
    tp2 = t[2];
    tp3 = t[3];
    tp4 = t[4];
    pInv = p.modInverse(BigInteger.ONE.shiftLeft(BITS)).negate().longValue() & MASK;
  }

  /** The five 51-bit limbs of 0 &lt;= v &lt; 2^255, least significant first. */
  static long[] limbs(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > LIMBS * BITS) {
      throw new IllegalArgumentException("not a 255-bit unsigned value: " + v);
    }
    long[] l = new long[LIMBS];
    for (int k = 0; k < LIMBS; k++) {
      l[k] = v.shiftRight(BITS * k).longValue() & MASK;
    }
    return l;
  }

  /**
   * z = x*y*2^-255 mod p, for x, y in [0, 2p): output in [0, 2p). z may be x or y (same
   * offset): x's limbs are read as the rows go, and z is written last.
   */
  void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    DoubleVector b0 = (DoubleVector) LongVector.fromArray(LONGS, y, yo).convert(L2D, 0);
    DoubleVector b1 = (DoubleVector) LongVector.fromArray(LONGS, y, yo + BLOCK).convert(L2D, 0);
    DoubleVector b2 = (DoubleVector) LongVector.fromArray(LONGS, y, yo + 2 * BLOCK).convert(L2D, 0);
    DoubleVector b3 = (DoubleVector) LongVector.fromArray(LONGS, y, yo + 3 * BLOCK).convert(L2D, 0);
    DoubleVector b4 = (DoubleVector) LongVector.fromArray(LONGS, y, yo + 4 * BLOCK).convert(L2D, 0);
    DoubleVector q0 = DoubleVector.broadcast(DOUBLES, dp0);
    DoubleVector q1 = DoubleVector.broadcast(DOUBLES, dp1);
    DoubleVector q2 = DoubleVector.broadcast(DOUBLES, dp2);
    DoubleVector q3 = DoubleVector.broadcast(DOUBLES, dp3);
    DoubleVector q4 = DoubleVector.broadcast(DOUBLES, dp4);
    DoubleVector hiAdd = DoubleVector.broadcast(DOUBLES, HI_ADD);
    DoubleVector loAdd = DoubleVector.broadcast(DOUBLES, LO_ADD);
    LongVector zero = LongVector.zero(LONGS);
    // t0..t5: columns i..i+5 of the running sum x*y + m*p, during row i
    LongVector t0 = zero, t1 = zero, t2 = zero, t3 = zero, t4 = zero, t5 = zero;
    for (int i = 0; i < LIMBS; i++) {
      DoubleVector a = (DoubleVector) LongVector.fromArray(LONGS, x, xo + i * BLOCK).convert(L2D, 0);
      DoubleVector h = a.fma(b0, hiAdd);
      t0 = t0.add(a.fma(b0, loAdd.sub(h)).viewAsIntegralLanes());
      t1 = t1.add(h.viewAsIntegralLanes());
      h = a.fma(b1, hiAdd);
      t1 = t1.add(a.fma(b1, loAdd.sub(h)).viewAsIntegralLanes());
      t2 = t2.add(h.viewAsIntegralLanes());
      h = a.fma(b2, hiAdd);
      t2 = t2.add(a.fma(b2, loAdd.sub(h)).viewAsIntegralLanes());
      t3 = t3.add(h.viewAsIntegralLanes());
      h = a.fma(b3, hiAdd);
      t3 = t3.add(a.fma(b3, loAdd.sub(h)).viewAsIntegralLanes());
      t4 = t4.add(h.viewAsIntegralLanes());
      h = a.fma(b4, hiAdd);
      t4 = t4.add(a.fma(b4, loAdd.sub(h)).viewAsIntegralLanes());
      t5 = t5.add(h.viewAsIntegralLanes());
      // column i is complete but for m*p0's low part; m makes their sum divisible by 2^51
      DoubleVector m = (DoubleVector) t0.mul(pInv).and(MASK).convert(L2D, 0);
      h = m.fma(q0, hiAdd);
      t0 = t0.add(m.fma(q0, loAdd.sub(h)).viewAsIntegralLanes());
      t1 = t1.add(h.viewAsIntegralLanes());
      h = m.fma(q1, hiAdd);
      t1 = t1.add(m.fma(q1, loAdd.sub(h)).viewAsIntegralLanes());
      t2 = t2.add(h.viewAsIntegralLanes());
      h = m.fma(q2, hiAdd);
      t2 = t2.add(m.fma(q2, loAdd.sub(h)).viewAsIntegralLanes());
      t3 = t3.add(h.viewAsIntegralLanes());
      h = m.fma(q3, hiAdd);
      t3 = t3.add(m.fma(q3, loAdd.sub(h)).viewAsIntegralLanes());
      t4 = t4.add(h.viewAsIntegralLanes());
      h = m.fma(q4, hiAdd);
      t4 = t4.add(m.fma(q4, loAdd.sub(h)).viewAsIntegralLanes());
      t5 = t5.add(h.viewAsIntegralLanes());
      // column i is now an exact multiple of 2^51: carry it on and slide the window
      t1 = t1.add(t0.sub(OFFSET[i]).lanewise(ASHR, BITS));
      t0 = t1;
      t1 = t2;
      t2 = t3;
      t3 = t4;
      t4 = t5;
      t5 = zero;
    }
    // columns 5..9 hold (x*y + m*p) / 2^255 < 4p^2/2^255 + p, which LaneField's bound on p
    // keeps below 2^255 (2.52p for BN254); normalise the limbs
    LongVector r0 = t0.sub(OFFSET5);
    LongVector r1 = t1.sub(OFFSET6).add(r0.lanewise(ASHR, BITS));
    r0 = r0.and(MASK);
    LongVector r2 = t2.sub(OFFSET7).add(r1.lanewise(ASHR, BITS));
    r1 = r1.and(MASK);
    LongVector r3 = t3.sub(OFFSET8).add(r2.lanewise(ASHR, BITS));
    r2 = r2.and(MASK);
    LongVector r4 = t4.sub(OFFSET9).add(r3.lanewise(ASHR, BITS));
    r3 = r3.and(MASK);
    // subtract p where r >= p: r - p < 4p^2/2^255 < 2p as p < 2^254
    LongVector d0 = r0.sub(p0);
    LongVector d1 = r1.sub(p1).add(d0.lanewise(ASHR, BITS));
    LongVector d2 = r2.sub(p2).add(d1.lanewise(ASHR, BITS));
    LongVector d3 = r3.sub(p3).add(d2.lanewise(ASHR, BITS));
    LongVector d4 = r4.sub(p4).add(d3.lanewise(ASHR, BITS));
    VectorMask<Long> below = d4.compare(LT, 0);
    d0.and(MASK).blend(r0, below).intoArray(z, zo);
    d1.and(MASK).blend(r1, below).intoArray(z, zo + BLOCK);
    d2.and(MASK).blend(r2, below).intoArray(z, zo + 2 * BLOCK);
    d3.and(MASK).blend(r3, below).intoArray(z, zo + 3 * BLOCK);
    d4.blend(r4, below).intoArray(z, zo + 4 * BLOCK);
  }

  /**
   * z = x^2 * 2^-255 mod p, for x in [0, 2p): output in [0, 2p); z may be x. The product half
   * takes each pair of limbs once, as (2 a_i) a_j (2 a_i &lt; 2^52, so the product stays below
   * 2^103 and the split is still exact): 15 limb products instead of 25, all ten columns kept
   * live; the reduction is {@link #mul}'s row loop.
   */
  void square(long[] z, int zo, long[] x, int xo) {
    DoubleVector a0 = (DoubleVector) LongVector.fromArray(LONGS, x, xo).convert(L2D, 0);
    DoubleVector a1 = (DoubleVector) LongVector.fromArray(LONGS, x, xo + BLOCK).convert(L2D, 0);
    DoubleVector a2 = (DoubleVector) LongVector.fromArray(LONGS, x, xo + 2 * BLOCK).convert(L2D, 0);
    DoubleVector a3 = (DoubleVector) LongVector.fromArray(LONGS, x, xo + 3 * BLOCK).convert(L2D, 0);
    DoubleVector a4 = (DoubleVector) LongVector.fromArray(LONGS, x, xo + 4 * BLOCK).convert(L2D, 0);
    DoubleVector hiAdd = DoubleVector.broadcast(DOUBLES, HI_ADD);
    DoubleVector loAdd = DoubleVector.broadcast(DOUBLES, LO_ADD);
    DoubleVector d0 = a0.add(a0), d1 = a1.add(a1), d2 = a2.add(a2), d3 = a3.add(a3);
    // column k of the product: low parts of the pairs with i + j = k, high parts of those with i + j = k - 1
    DoubleVector h = a0.fma(a0, hiAdd);
    LongVector t0 = a0.fma(a0, loAdd.sub(h)).viewAsIntegralLanes();
    LongVector t1 = h.viewAsIntegralLanes();
    h = d0.fma(a1, hiAdd);
    t1 = t1.add(d0.fma(a1, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t2 = h.viewAsIntegralLanes();
    h = d0.fma(a2, hiAdd);
    t2 = t2.add(d0.fma(a2, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t3 = h.viewAsIntegralLanes();
    h = a1.fma(a1, hiAdd);
    t2 = t2.add(a1.fma(a1, loAdd.sub(h)).viewAsIntegralLanes());
    t3 = t3.add(h.viewAsIntegralLanes());
    h = d0.fma(a3, hiAdd);
    t3 = t3.add(d0.fma(a3, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t4 = h.viewAsIntegralLanes();
    h = d1.fma(a2, hiAdd);
    t3 = t3.add(d1.fma(a2, loAdd.sub(h)).viewAsIntegralLanes());
    t4 = t4.add(h.viewAsIntegralLanes());
    h = d0.fma(a4, hiAdd);
    t4 = t4.add(d0.fma(a4, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t5 = h.viewAsIntegralLanes();
    h = d1.fma(a3, hiAdd);
    t4 = t4.add(d1.fma(a3, loAdd.sub(h)).viewAsIntegralLanes());
    t5 = t5.add(h.viewAsIntegralLanes());
    h = a2.fma(a2, hiAdd);
    t4 = t4.add(a2.fma(a2, loAdd.sub(h)).viewAsIntegralLanes());
    t5 = t5.add(h.viewAsIntegralLanes());
    h = d1.fma(a4, hiAdd);
    t5 = t5.add(d1.fma(a4, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t6 = h.viewAsIntegralLanes();
    h = d2.fma(a3, hiAdd);
    t5 = t5.add(d2.fma(a3, loAdd.sub(h)).viewAsIntegralLanes());
    t6 = t6.add(h.viewAsIntegralLanes());
    h = d2.fma(a4, hiAdd);
    t6 = t6.add(d2.fma(a4, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t7 = h.viewAsIntegralLanes();
    h = a3.fma(a3, hiAdd);
    t6 = t6.add(a3.fma(a3, loAdd.sub(h)).viewAsIntegralLanes());
    t7 = t7.add(h.viewAsIntegralLanes());
    h = d3.fma(a4, hiAdd);
    t7 = t7.add(d3.fma(a4, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t8 = h.viewAsIntegralLanes();
    h = a4.fma(a4, hiAdd);
    t8 = t8.add(a4.fma(a4, loAdd.sub(h)).viewAsIntegralLanes());
    LongVector t9 = h.viewAsIntegralLanes();
    DoubleVector q0 = DoubleVector.broadcast(DOUBLES, dp0);
    DoubleVector q1 = DoubleVector.broadcast(DOUBLES, dp1);
    DoubleVector q2 = DoubleVector.broadcast(DOUBLES, dp2);
    DoubleVector q3 = DoubleVector.broadcast(DOUBLES, dp3);
    DoubleVector q4 = DoubleVector.broadcast(DOUBLES, dp4);
    LongVector zero = LongVector.zero(LONGS);
    // reduction row i: t0..t9 are columns i..i+9
    for (int i = 0; i < LIMBS; i++) {
      DoubleVector m = (DoubleVector) t0.mul(pInv).and(MASK).convert(L2D, 0);
      h = m.fma(q0, hiAdd);
      t0 = t0.add(m.fma(q0, loAdd.sub(h)).viewAsIntegralLanes());
      t1 = t1.add(h.viewAsIntegralLanes());
      h = m.fma(q1, hiAdd);
      t1 = t1.add(m.fma(q1, loAdd.sub(h)).viewAsIntegralLanes());
      t2 = t2.add(h.viewAsIntegralLanes());
      h = m.fma(q2, hiAdd);
      t2 = t2.add(m.fma(q2, loAdd.sub(h)).viewAsIntegralLanes());
      t3 = t3.add(h.viewAsIntegralLanes());
      h = m.fma(q3, hiAdd);
      t3 = t3.add(m.fma(q3, loAdd.sub(h)).viewAsIntegralLanes());
      t4 = t4.add(h.viewAsIntegralLanes());
      h = m.fma(q4, hiAdd);
      t4 = t4.add(m.fma(q4, loAdd.sub(h)).viewAsIntegralLanes());
      t5 = t5.add(h.viewAsIntegralLanes());
      t1 = t1.add(t0.sub(SQUARE_OFFSET[i]).lanewise(ASHR, BITS));
      t0 = t1;
      t1 = t2;
      t2 = t3;
      t3 = t4;
      t4 = t5;
      t5 = t6;
      t6 = t7;
      t7 = t8;
      t8 = t9;
      t9 = zero;
    }
    LongVector r0 = t0.sub(SQUARE_OFFSET5);
    LongVector r1 = t1.sub(SQUARE_OFFSET6).add(r0.lanewise(ASHR, BITS));
    r0 = r0.and(MASK);
    LongVector r2 = t2.sub(SQUARE_OFFSET7).add(r1.lanewise(ASHR, BITS));
    r1 = r1.and(MASK);
    LongVector r3 = t3.sub(SQUARE_OFFSET8).add(r2.lanewise(ASHR, BITS));
    r2 = r2.and(MASK);
    LongVector r4 = t4.sub(SQUARE_OFFSET9).add(r3.lanewise(ASHR, BITS));
    r3 = r3.and(MASK);
    LongVector e0 = r0.sub(p0);
    LongVector e1 = r1.sub(p1).add(e0.lanewise(ASHR, BITS));
    LongVector e2 = r2.sub(p2).add(e1.lanewise(ASHR, BITS));
    LongVector e3 = r3.sub(p3).add(e2.lanewise(ASHR, BITS));
    LongVector e4 = r4.sub(p4).add(e3.lanewise(ASHR, BITS));
    VectorMask<Long> below = e4.compare(LT, 0);
    e0.and(MASK).blend(r0, below).intoArray(z, zo);
    e1.and(MASK).blend(r1, below).intoArray(z, zo + BLOCK);
    e2.and(MASK).blend(r2, below).intoArray(z, zo + 2 * BLOCK);
    e3.and(MASK).blend(r3, below).intoArray(z, zo + 3 * BLOCK);
    e4.blend(r4, below).intoArray(z, zo + 4 * BLOCK);
  }

  /** z = x + y mod p, for x, y in [0, 2p): output in [0, 2p). */
  void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    LongVector s0 = LongVector.fromArray(LONGS, x, xo).add(LongVector.fromArray(LONGS, y, yo));
    LongVector s1 = LongVector.fromArray(LONGS, x, xo + BLOCK)
        .add(LongVector.fromArray(LONGS, y, yo + BLOCK)).add(s0.lanewise(ASHR, BITS));
    s0 = s0.and(MASK);
    LongVector s2 = LongVector.fromArray(LONGS, x, xo + 2 * BLOCK)
        .add(LongVector.fromArray(LONGS, y, yo + 2 * BLOCK)).add(s1.lanewise(ASHR, BITS));
    s1 = s1.and(MASK);
    LongVector s3 = LongVector.fromArray(LONGS, x, xo + 3 * BLOCK)
        .add(LongVector.fromArray(LONGS, y, yo + 3 * BLOCK)).add(s2.lanewise(ASHR, BITS));
    s2 = s2.and(MASK);
    LongVector s4 = LongVector.fromArray(LONGS, x, xo + 4 * BLOCK)
        .add(LongVector.fromArray(LONGS, y, yo + 4 * BLOCK)).add(s3.lanewise(ASHR, BITS));
    s3 = s3.and(MASK);
    // s < 4p < 2^256 (top limb below 2^52); subtract 2p where s >= 2p
    LongVector d0 = s0.sub(tp0);
    LongVector d1 = s1.sub(tp1).add(d0.lanewise(ASHR, BITS));
    LongVector d2 = s2.sub(tp2).add(d1.lanewise(ASHR, BITS));
    LongVector d3 = s3.sub(tp3).add(d2.lanewise(ASHR, BITS));
    LongVector d4 = s4.sub(tp4).add(d3.lanewise(ASHR, BITS));
    VectorMask<Long> below = d4.compare(LT, 0);
    d0.and(MASK).blend(s0, below).intoArray(z, zo);
    d1.and(MASK).blend(s1, below).intoArray(z, zo + BLOCK);
    d2.and(MASK).blend(s2, below).intoArray(z, zo + 2 * BLOCK);
    d3.and(MASK).blend(s3, below).intoArray(z, zo + 3 * BLOCK);
    d4.blend(s4, below).intoArray(z, zo + 4 * BLOCK);
  }

  /** z = x - y mod p, for x, y in [0, 2p): output in [0, 2p). */
  void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    LongVector d0 = LongVector.fromArray(LONGS, x, xo).sub(LongVector.fromArray(LONGS, y, yo));
    LongVector d1 = LongVector.fromArray(LONGS, x, xo + BLOCK)
        .sub(LongVector.fromArray(LONGS, y, yo + BLOCK)).add(d0.lanewise(ASHR, BITS));
    LongVector d2 = LongVector.fromArray(LONGS, x, xo + 2 * BLOCK)
        .sub(LongVector.fromArray(LONGS, y, yo + 2 * BLOCK)).add(d1.lanewise(ASHR, BITS));
    LongVector d3 = LongVector.fromArray(LONGS, x, xo + 3 * BLOCK)
        .sub(LongVector.fromArray(LONGS, y, yo + 3 * BLOCK)).add(d2.lanewise(ASHR, BITS));
    LongVector d4 = LongVector.fromArray(LONGS, x, xo + 4 * BLOCK)
        .sub(LongVector.fromArray(LONGS, y, yo + 4 * BLOCK)).add(d3.lanewise(ASHR, BITS));
    // d = x - y in (-2p, 2p), its sign in d4; add 2p where negative
    LongVector negative = d4.lanewise(ASHR, 63);
    LongVector e0 = d0.and(MASK).add(negative.and(tp0));
    LongVector e1 = d1.and(MASK).add(negative.and(tp1)).add(e0.lanewise(ASHR, BITS));
    LongVector e2 = d2.and(MASK).add(negative.and(tp2)).add(e1.lanewise(ASHR, BITS));
    LongVector e3 = d3.and(MASK).add(negative.and(tp3)).add(e2.lanewise(ASHR, BITS));
    LongVector e4 = d4.add(negative.and(tp4)).add(e3.lanewise(ASHR, BITS));
    e0.and(MASK).intoArray(z, zo);
    e1.and(MASK).intoArray(z, zo + BLOCK);
    e2.and(MASK).intoArray(z, zo + 2 * BLOCK);
    e3.and(MASK).intoArray(z, zo + 3 * BLOCK);
    e4.intoArray(z, zo + 4 * BLOCK);
  }

  /** z = x mod p, for x in [0, 2p): output in [0, p). */
  void canonicalize(long[] z, int zo, long[] x, int xo) {
    LongVector r0 = LongVector.fromArray(LONGS, x, xo);
    LongVector r1 = LongVector.fromArray(LONGS, x, xo + BLOCK);
    LongVector r2 = LongVector.fromArray(LONGS, x, xo + 2 * BLOCK);
    LongVector r3 = LongVector.fromArray(LONGS, x, xo + 3 * BLOCK);
    LongVector r4 = LongVector.fromArray(LONGS, x, xo + 4 * BLOCK);
    LongVector d0 = r0.sub(p0);
    LongVector d1 = r1.sub(p1).add(d0.lanewise(ASHR, BITS));
    LongVector d2 = r2.sub(p2).add(d1.lanewise(ASHR, BITS));
    LongVector d3 = r3.sub(p3).add(d2.lanewise(ASHR, BITS));
    LongVector d4 = r4.sub(p4).add(d3.lanewise(ASHR, BITS));
    VectorMask<Long> below = d4.compare(LT, 0);
    d0.and(MASK).blend(r0, below).intoArray(z, zo);
    d1.and(MASK).blend(r1, below).intoArray(z, zo + BLOCK);
    d2.and(MASK).blend(r2, below).intoArray(z, zo + 2 * BLOCK);
    d3.and(MASK).blend(r3, below).intoArray(z, zo + 3 * BLOCK);
    d4.blend(r4, below).intoArray(z, zo + 4 * BLOCK);
  }

  /** {@link #columnOffsets} for {@link #square}: one product term per pair i &lt;= j, and m*p's as in mul. */
  private static long[] squareColumnOffsets() {
    long hiBits = Double.doubleToRawLongBits(HI_ADD);
    long loBits = Double.doubleToRawLongBits(0x3p51);
    long[] offset = new long[2 * LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      for (int j = 0; j < LIMBS; j++) {
        int terms = j >= i ? 2 : 1; // the pair (i, j) once, and m_i * p_j
        offset[i + j] += terms * loBits;
        offset[i + j + 1] += terms * hiBits;
      }
    }
    return offset;
  }

  private static VectorSpecies<Double> pickSpecies() {
    VectorSpecies<Double> preferred = DoubleVector.SPECIES_PREFERRED;
    return preferred.length() >= BLOCK ? DoubleVector.SPECIES_512 : preferred;
  }

  /**
   * Column k of the 5x5-limb product receives the low parts of the N(k) products a_i*b_j with
   * i+j = k and the high parts of the N(k-1) with i+j = k-1, and as many again from m*p; each
   * low part carries bits(3*2^51) and each high part bits(2^103). Sums wrap mod 2^64, which is
   * harmless: the true column values are far below 2^63.
   */
  private static long[] columnOffsets() {
    long hiBits = Double.doubleToRawLongBits(HI_ADD);
    long loBits = Double.doubleToRawLongBits(0x3p51);
    long[] offset = new long[2 * LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      for (int j = 0; j < LIMBS; j++) {
        offset[i + j] += 2 * loBits;
        offset[i + j + 1] += 2 * hiBits;
      }
    }
    return offset;
  }
}
