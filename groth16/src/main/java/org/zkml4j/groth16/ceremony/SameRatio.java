package org.zkml4j.groth16.ceremony;

import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.pairing.Pairing;

/**
 * snarkjs's {@code sameRatio}: whether b1 / a1 in G1 equals b2 / a2 in G2 as discrete logarithms,
 * i.e. e(a1, b2) = e(b1, a2), by one two-pair product-of-pairings check. Any point at infinity
 * fails, as in snarkjs (a zero ratio proves nothing). G2 points must be in the order-r subgroup.
 */
final class SameRatio {
  private SameRatio() {}

  static boolean holds(long[] a1, long[] b1, long[] a2, long[] b2) {
    G1 g1 = new G1();
    G2 g2 = new G2();
    if (g1.isInfinityAffine(a1, 0) || g1.isInfinityAffine(b1, 0) || g2.isInfinityAffine(a2, 0)
        || g2.isInfinityAffine(b2, 0)) {
      return false;
    }
    long[] p = new long[16];
    System.arraycopy(a1, 0, p, 0, 8);
    g1.negAffine(p, 8, b1, 0);
    long[] q = new long[32];
    System.arraycopy(b2, 0, q, 0, 16);
    System.arraycopy(a2, 0, q, 16, 16);
    return Pairing.productIsOne(p, q, 2);
  }
}
