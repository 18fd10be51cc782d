/**
 * Comparisons of bounded signed integers ({@link org.zkml4j.circuit.gadget.cmp.Comparison}): a &lt; b,
 * a &lt;= b and sign tests, each about one constraint per bit of the operands' bound, in the manner
 * of gnark's {@code std/math/cmp} bounded comparator. The bound is a precondition the caller must
 * have proven; see the class comment for what happens when it is broken.
 */
package org.zkml4j.circuit.gadget.cmp;
