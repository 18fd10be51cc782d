package org.zkml4j.circuit.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.zkml4j.math.field.Bn254;

/** Input domains for gadget tests: integer ranges, all tuples over them, and far-away values. */
public final class Domains {
  /**
   * Signed integers far outside any small range, up to the largest magnitudes a field element
   * encodes ((r - 1) / 2 either way); oracles see them as the integers they are, and the circuit as
   * their residues mod r.
   */
  public static final List<BigInteger> FAR = List.of(BigInteger.ONE.shiftLeft(100), BigInteger.ONE.shiftLeft(100).negate(),
      BigInteger.ONE.shiftLeft(252), BigInteger.ONE.shiftLeft(252).negate(), Bn254.R_MODULUS.shiftRight(1),
      Bn254.R_MODULUS.shiftRight(1).negate());

  private Domains() {}

  /** Single-value tuples lo .. hi inclusive, then the {@link #FAR} values. */
  public static List<BigInteger[]> singles(long lo, long hi) {
    List<BigInteger[]> d = new ArrayList<>();
    for (long x = lo; x <= hi; x++) {
      d.add(new BigInteger[] {BigInteger.valueOf(x)});
    }
    FAR.forEach(v -> d.add(new BigInteger[] {v}));
    return d;
  }

  /** Every tuple of {@code arity} values in lo .. hi inclusive. */
  public static List<BigInteger[]> tuples(long lo, long hi, int arity) {
    List<BigInteger[]> d = new ArrayList<>();
    d.add(new BigInteger[0]);
    for (int i = 0; i < arity; i++) {
      List<BigInteger[]> next = new ArrayList<>();
      for (BigInteger[] prefix : d) {
        for (long x = lo; x <= hi; x++) {
          BigInteger[] t = java.util.Arrays.copyOf(prefix, prefix.length + 1);
          t[prefix.length] = BigInteger.valueOf(x);
          next.add(t);
        }
      }
      d = next;
    }
    return d;
  }

  /** True when v lies in [lo, hi]. */
  public static boolean within(BigInteger v, long lo, long hi) {
    return v.compareTo(BigInteger.valueOf(lo)) >= 0 && v.compareTo(BigInteger.valueOf(hi)) <= 0;
  }
}
