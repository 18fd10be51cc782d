package org.zkml4j.math.curve;

import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/** G1's coordinate field Fq: a thin, stateless view of {@link Bn254#FQ}. */
final class FqCoordinates implements CoordinateField {
  static final FqCoordinates INSTANCE = new FqCoordinates();
  private static final PrimeField FQ = Bn254.FQ;

  private FqCoordinates() {}

  @Override
  public int size() {
    return 4;
  }

  @Override
  public void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    FQ.add(z, zo, x, xo, y, yo);
  }

  @Override
  public void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    FQ.sub(z, zo, x, xo, y, yo);
  }

  @Override
  public void dbl(long[] z, int zo, long[] x, int xo) {
    FQ.dbl(z, zo, x, xo);
  }

  @Override
  public void neg(long[] z, int zo, long[] x, int xo) {
    FQ.neg(z, zo, x, xo);
  }

  @Override
  public void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    FQ.mul(z, zo, x, xo, y, yo);
  }

  @Override
  public void square(long[] z, int zo, long[] x, int xo) {
    FQ.square(z, zo, x, xo);
  }

  @Override
  public void inverse(long[] z, int zo, long[] x, int xo) {
    FQ.inverse(z, zo, x, xo);
  }

  @Override
  public void batchInverse(long[] v, int offset, int n, long[] scratch) {
    FQ.batchInverse(v, offset, n, scratch);
  }

  @Override
  public boolean isZero(long[] x, int xo) {
    return FQ.isZero(x, xo);
  }

  @Override
  public boolean equal(long[] x, int xo, long[] y, int yo) {
    return PrimeField.equal(x, xo, y, yo);
  }

  @Override
  public void setZero(long[] z, int zo) {
    FQ.setZero(z, zo);
  }

  @Override
  public void setOne(long[] z, int zo) {
    FQ.setOne(z, zo);
  }

  @Override
  public void copy(long[] z, int zo, long[] x, int xo) {
    PrimeField.copy(z, zo, x, xo);
  }
}
