package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;

/**
 * Scalars prepared for {@link LaneBatch}'s uniform multiplication: split by the group's
 * endomorphism into two halves of at most 128 bits ({@link ScalarMultiplier#split}), each written
 * in the regular signed window form of Joye and Tunstall ("Exponent recoding and regular
 * exponentiation algorithms", AFRICACRYPT 2009): {@link #WINDOWS} odd digits in [-15, 15] with
 * a = sum d_i 16^i, so every lane does the same four doublings and one addition per window. An
 * even half is recoded as a + 1 and records a correction (add -Q once at the end).
 *
 * <p>Storage for n scalars: digits[(2 * job + half) * WINDOWS + window] and
 * corrections[2 * job + half] in {-1, 0, 1}; {@link #zero} marks the scalar 0 (whose result is
 * infinity, which the uniform loop cannot produce).
 */
final class Recoding {
  static final int WINDOWS = 33;

  final byte[] digits;
  final byte[] corrections;
  final boolean[] zero;

  Recoding(int n) {
    digits = new byte[2 * n * WINDOWS];
    corrections = new byte[2 * n];
    zero = new boolean[n];
  }

  /** Recodes scalar k (Fr, Montgomery form at ko) as entry {@code job}, for G1 or G2's endomorphism. */
  void set(int job, long[] k, int ko, boolean g2) {
    BigInteger v = ScalarMultiplier.plain(k, ko);
    zero[job] = v.signum() == 0;
    BigInteger[] halves = ScalarMultiplier.split(v, g2);
    for (int h = 0; h < 2; h++) {
      recode(halves[h], 2 * job + h);
    }
  }

  private void recode(BigInteger v, int slot) {
    int sign = v.signum() < 0 ? -1 : 1;
    BigInteger a = v.abs();
    boolean even = !a.testBit(0);
    if (even) {
      a = a.add(BigInteger.ONE);
    }
    corrections[slot] = (byte) (even ? -sign : 0);
    long lo = a.longValue(), mid = a.shiftRight(64).longValue(), hi = a.shiftRight(128).longValue();
    int base = slot * WINDOWS;
    for (int w = 0; w < WINDOWS - 1; w++) {
      int d = (int) (lo & 31) - 16; // odd, since a stays odd
      // a = (a - d) / 16; a - d >= 16 because a mod 32 = d + 16
      long e = -d;
      long nlo = lo + e;
      if (e >= 0) {
        long carry = Long.compareUnsigned(nlo, lo) < 0 ? 1 : 0;
        long nmid = mid + carry;
        hi += (carry == 1 && nmid == 0) ? 1 : 0;
        mid = nmid;
      } else {
        long borrow = Long.compareUnsigned(lo, -e) < 0 ? 1 : 0;
        hi -= (borrow == 1 && mid == 0) ? 1 : 0;
        mid -= borrow;
      }
      lo = (nlo >>> 4) | (mid << 60);
      mid = (mid >>> 4) | (hi << 60);
      hi >>>= 4;
      digits[base + w] = (byte) (sign * d);
    }
    if (hi != 0 || mid != 0 || lo < 1 || lo > 15) {
      throw new IllegalStateException("half scalar too large for " + WINDOWS + " windows: " + v);
    }
    digits[base + WINDOWS - 1] = (byte) (sign * lo);
  }

  /**
   * Scalars for the m/2 twiddles w^(-j) of an inverse FFT of size m (at least one), or for
   * w^(-j) / m when {@code scaled}.
   */
  static Recoding inverseTwiddles(int log2m, boolean g2, boolean scaled) {
    int n = Math.max(1, (1 << log2m) / 2);
    Recoding r = new Recoding(n);
    long[] w = Bn254.FR.element(scaled ? 1 << log2m : 1);
    if (scaled) {
      Bn254.FR.inverse(w, 0, w, 0);
    }
    long[] inv = org.zkml4j.math.ntt.EvaluationDomain.rootOfUnity(log2m);
    Bn254.FR.inverse(inv, 0, inv, 0);
    for (int j = 0; j < n; j++) {
      r.set(j, w, 0, g2);
      Bn254.FR.mul(w, 0, w, 0, inv, 0);
    }
    return r;
  }
}
