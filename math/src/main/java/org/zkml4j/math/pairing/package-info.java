/**
 * The optimal ate pairing of BN254 ({@link org.zkml4j.math.pairing.Pairing}): a multi-pair
 * Miller loop over G2 points in projective coordinates on the twist, and the final
 * exponentiation split into its easy part and a hard part built from exponentiations by the
 * curve parameter x. Inputs are validated by the caller (the curve package does that).
 */
package org.zkml4j.math.pairing;
