package org.zkml4j.groth16.ceremony;

import java.math.BigInteger;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Scalars prepared for {@link LaneBatch}'s uniform multiplication: split by the group's
 * endomorphisms into short parts (G1: two parts of at most 128 bits, {@link ScalarMultiplier#split};
 * G2: four parts of about 64 bits, {@link ScalarMultiplier#split4}), each written in the regular
 * signed window form of Joye and Tunstall ("Exponent recoding and regular exponentiation
 * algorithms", AFRICACRYPT 2009): {@link #windows} odd digits in [-15, 15] with a = sum d_i 16^i,
 * so every lane does the same four doublings and one addition per part and window. An even part
 * is recoded as a + 1 and records a correction (add -Q once at the end).
 *
 * <p>Storage for n scalars: digits[(parts * job + part) * windows + window] and
 * corrections[parts * job + part] in {-1, 0, 1}; {@link #general} marks the scalars the uniform
 * loop cannot do (0, whose result is infinity; a part too long for the windows, which the split's
 * bounds rule out but which is checked), to be done by the general code.
 *
 * <p>Made {@code withNaf}, a recoding also holds each part in width-5 NAF (odd digits in [-15, 15]
 * with at least four zeros after each, so about one addition per six bits instead of one per
 * four), for {@link LaneBatch}'s lanes that share one scalar: they all skip the zero digits
 * together. Storage: naf[(parts * job + part) * nafLength + i], least significant first, and
 * nafTop[parts * job + part], the index of the top non-zero digit (-1 for a zero part).
 */
final class Recoding {
  final boolean g2;
  final int parts;
  final int windows;
  final byte[] digits;
  final byte[] corrections;
  final boolean[] general;
  /** Digits per part in NAF form (0 without NAF): room for the longest part the windows allow, plus a carry. */
  final int nafLength;
  final byte[] naf;
  final int[] nafTop;

  Recoding(int n, boolean g2) {
    this(n, g2, false);
  }

  Recoding(int n, boolean g2, boolean withNaf) {
    this.g2 = g2;
    this.parts = g2 ? 4 : 2;
    this.windows = g2 ? 17 : 33;
    digits = new byte[parts * n * windows];
    corrections = new byte[parts * n];
    general = new boolean[n];
    nafLength = withNaf ? 4 * windows + 1 : 0;
    naf = new byte[parts * n * nafLength];
    nafTop = new int[withNaf ? parts * n : 0];
  }

  /** Recodes scalar k (Fr, Montgomery form at ko) as entry {@code job}. */
  void set(int job, long[] k, int ko) {
    BigInteger v = ScalarMultiplier.plain(k, ko);
    general[job] = v.signum() == 0;
    BigInteger[] split = g2 ? ScalarMultiplier.split4(v) : ScalarMultiplier.split(v, false);
    for (int p = 0; p < parts; p++) {
      if (!recode(split[p], parts * job + p)) {
        general[job] = true;
      }
      if (nafLength > 0 && !general[job]) {
        nafTop[parts * job + p] = naf(split[p], naf, (parts * job + p) * nafLength);
      }
    }
  }

  /**
   * Writes v (|v| below 2^191) in width-5 NAF, its sign on every digit, to d[off..], least
   * significant first, up to the top non-zero digit (d must be zero beyond, or be ignored there),
   * and returns that digit's index (-1 for 0).
   */
  static int naf(BigInteger v, byte[] d, int off) {
    int sign = v.signum() < 0 ? -1 : 1;
    BigInteger a = v.abs();
    long lo = a.longValue(), mid = a.shiftRight(64).longValue(), hi = a.shiftRight(128).longValue();
    int top = -1;
    for (int i = 0; (lo | mid | hi) != 0; i++) {
      int digit = 0;
      if ((lo & 1) != 0) {
        digit = (int) (lo & 31);
        if (digit >= 16) { // a negative digit: a - digit = a + (32 - digit), with carry
          digit -= 32;
          long sum = lo - digit;
          long carry = Long.compareUnsigned(sum, lo) < 0 ? 1 : 0;
          lo = sum;
          mid += carry;
          hi += (carry == 1 && mid == 0) ? 1 : 0;
        } else {
          lo -= digit; // clears exactly the low bits that are set: no borrow
        }
        top = i;
      }
      d[off + i] = (byte) (sign * digit);
      lo = (lo >>> 1) | (mid << 63);
      mid = (mid >>> 1) | (hi << 63);
      hi >>>= 1;
    }
    return top;
  }

  /** Recodes one part; false when it does not fit the windows. */
  private boolean recode(BigInteger v, int slot) {
    int sign = v.signum() < 0 ? -1 : 1;
    BigInteger a = v.abs();
    boolean even = !a.testBit(0);
    if (even) {
      a = a.add(BigInteger.ONE);
    }
    corrections[slot] = (byte) (even ? -sign : 0);
    long lo = a.longValue(), mid = a.shiftRight(64).longValue(), hi = a.shiftRight(128).longValue();
    int base = slot * windows;
    for (int w = 0; w < windows - 1; w++) {
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
      return false;
    }
    digits[base + windows - 1] = (byte) (sign * lo);
    return true;
  }

  /**
   * Scalars for the m/2 twiddles w^(-j) of an inverse FFT of size m (at least one), or for
   * w^(-j) / m when {@code scaled}, recoded in parallel.
   */
  static Recoding inverseTwiddles(int log2m, boolean g2, boolean scaled, Parallelism parallelism) {
    int n = Math.max(1, (1 << log2m) / 2);
    Recoding r = new Recoding(n, g2, true);
    long[] first = Bn254.FR.element(scaled ? 1 << log2m : 1);
    if (scaled) {
      Bn254.FR.inverse(first, 0, first, 0);
    }
    long[] inv = EvaluationDomain.rootOfUnity(log2m);
    Bn254.FR.inverse(inv, 0, inv, 0);
    // the splits (BigInteger lattice reductions) cost a few microseconds each: share them out
    parallelism.forRange(n, 1024, (from, to) -> {
      long[] w = new long[4];
      Bn254.FR.pow(w, 0, inv, 0, BigInteger.valueOf(from));
      Bn254.FR.mul(w, 0, w, 0, first, 0);
      for (int j = from; j < to; j++) {
        r.set(j, w, 0);
        Bn254.FR.mul(w, 0, w, 0, inv, 0);
      }
    });
    return r;
  }
}
