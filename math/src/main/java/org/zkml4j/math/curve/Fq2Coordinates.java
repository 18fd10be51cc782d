package org.zkml4j.math.curve;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.Fq2;
import org.zkml4j.math.field.PrimeField;

/** G2's coordinate field Fq2. Holds an {@link Fq2} (and its scratch): one instance per thread. */
final class Fq2Coordinates implements CoordinateField {
  private static final PrimeField FQ = Bn254.FQ;
  private final Fq2 fq2 = new Fq2();
  private final long[] t = new long[4];

  @Override
  public int size() {
    return Fq2.SIZE;
  }

  @Override
  public void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq2.add(z, zo, x, xo, y, yo);
  }

  @Override
  public void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq2.sub(z, zo, x, xo, y, yo);
  }

  @Override
  public void dbl(long[] z, int zo, long[] x, int xo) {
    Fq2.dbl(z, zo, x, xo);
  }

  @Override
  public void neg(long[] z, int zo, long[] x, int xo) {
    Fq2.neg(z, zo, x, xo);
  }

  @Override
  public void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    fq2.mul(z, zo, x, xo, y, yo);
  }

  @Override
  public void square(long[] z, int zo, long[] x, int xo) {
    fq2.square(z, zo, x, xo);
  }

  @Override
  public void inverse(long[] z, int zo, long[] x, int xo) {
    fq2.inverse(z, zo, x, xo);
  }

  /**
   * 1/a = conj(a) / N(a) with the norm N(a) = a0^2 + a1^2 in Fq, so the n norms are inverted
   * together by {@link PrimeField#batchInverse}: about 7 Fq multiplications per element. The norms
   * live in the upper half of the scratch, the Fq inversion's own scratch in the lower half.
   */
  @Override
  public void batchInverse(long[] v, int offset, int n, long[] scratch) {
    int norms = 4 * n;
    for (int i = 0; i < n; i++) {
      int o = offset + Fq2.SIZE * i, no = norms + 4 * i;
      FQ.square(scratch, no, v, o);
      FQ.square(t, 0, v, o + 4);
      FQ.add(scratch, no, scratch, no, t, 0);
    }
    FQ.batchInverse(scratch, norms, n, scratch);
    for (int i = 0; i < n; i++) {
      int o = offset + Fq2.SIZE * i, no = norms + 4 * i;
      FQ.mul(v, o, v, o, scratch, no);
      FQ.mul(v, o + 4, v, o + 4, scratch, no);
      FQ.neg(v, o + 4, v, o + 4);
    }
  }

  @Override
  public boolean isZero(long[] x, int xo) {
    return Fq2.isZero(x, xo);
  }

  @Override
  public boolean equal(long[] x, int xo, long[] y, int yo) {
    return Fq2.equal(x, xo, y, yo);
  }

  @Override
  public void setZero(long[] z, int zo) {
    Fq2.setZero(z, zo);
  }

  @Override
  public void setOne(long[] z, int zo) {
    Fq2.setOne(z, zo);
  }
}
