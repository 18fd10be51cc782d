/**
 * Prime-field arithmetic for BN254: Fr (scalars) and Fq (coordinates) in Montgomery form on four
 * 64-bit limbs, stored in flat {@code long[]} vectors so bulk work (MSM, NTT) allocates nothing,
 * and the extension tower Fq2, Fq6, Fq12 used by G2 and the pairing.
 */
package org.zkml4j.math.field;
