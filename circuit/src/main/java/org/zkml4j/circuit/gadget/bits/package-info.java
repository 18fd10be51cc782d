/**
 * Binary decomposition of circuit values ({@link org.zkml4j.circuit.gadget.bits.Bits}): n boolean
 * constraints prove a value lies in [0, 2^n) and give its bits, which range checks, comparisons,
 * ReLU and rescaling all build on. The recomposition is folded into the lowest bit, as circom's
 * optimizer does for {@code Num2Bits}, so a decomposition costs n constraints rather than n + 1.
 */
package org.zkml4j.circuit.gadget.bits;
