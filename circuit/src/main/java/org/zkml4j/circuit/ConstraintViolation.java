package org.zkml4j.circuit;

import java.math.BigInteger;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.zkml4j.math.field.Bn254;

/**
 * An unsatisfied constraint: its index, the three evaluated linear combinations and the terms
 * that produced them, so that a user can see which wires are wrong.
 *
 * @param constraint index of the constraint in the R1CS
 * @param a &lt;A_i, w&gt;, in [0, r)
 * @param b &lt;B_i, w&gt;, in [0, r)
 * @param c &lt;C_i, w&gt;, in [0, r); differs from a*b mod r
 * @param termsA the terms of A_i with each wire's value; likewise termsB and termsC
 */
public record ConstraintViolation(int constraint, BigInteger a, BigInteger b, BigInteger c,
    List<Term> termsA, List<Term> termsB, List<Term> termsC) {
  /** Terms listed per linear combination in {@link #message()}. */
  private static final int SHOWN_TERMS = 16;

  /** One term coefficient * w[wire] of a linear combination, with the wire's value. */
  public record Term(int wire, BigInteger coefficient, BigInteger value) {}

  public ConstraintViolation {
    termsA = List.copyOf(termsA);
    termsB = List.copyOf(termsB);
    termsC = List.copyOf(termsC);
  }

  /** Every wire the constraint involves, ascending. */
  public SortedSet<Integer> wires() {
    SortedSet<Integer> wires = new TreeSet<>();
    for (List<Term> terms : List.of(termsA, termsB, termsC)) {
      terms.forEach(t -> wires.add(t.wire()));
    }
    return wires;
  }

  /**
   * A multi-line explanation; field elements above r/2 are shown as negative numbers, since
   * circuits encode negative integers that way.
   */
  public String message() {
    BigInteger ab = a.multiply(b).mod(Bn254.R_MODULUS);
    StringBuilder s = new StringBuilder()
        .append("constraint ").append(constraint).append(" is not satisfied: <A,w> * <B,w> = ")
        .append(signed(a)).append(" * ").append(signed(b)).append(" = ").append(signed(ab))
        .append(", but <C,w> = ").append(signed(c));
    appendTerms(s, "A", termsA);
    appendTerms(s, "B", termsB);
    appendTerms(s, "C", termsC);
    return s.toString();
  }

  private static void appendTerms(StringBuilder s, String name, List<Term> terms) {
    s.append("\n  ").append(name).append(" =");
    if (terms.isEmpty()) {
      s.append(" 0");
    }
    for (int i = 0; i < Math.min(terms.size(), SHOWN_TERMS); i++) {
      Term t = terms.get(i);
      String coefficient = signed(t.coefficient());
      if (i > 0) {
        boolean negative = coefficient.startsWith("-");
        s.append(negative ? " -" : " +");
        coefficient = negative ? coefficient.substring(1) : coefficient;
      }
      s.append(' ').append(coefficient).append("*w[").append(t.wire()).append("](=").append(signed(t.value()))
          .append(')');
    }
    if (terms.size() > SHOWN_TERMS) {
      s.append(" + ... (").append(terms.size() - SHOWN_TERMS).append(" more terms)");
    }
  }

  private static String signed(BigInteger x) {
    BigInteger r = Bn254.R_MODULUS;
    return x.compareTo(r.shiftRight(1)) > 0 ? x.subtract(r).toString() : x.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
