package org.zkml4j.math.msm;

/** How an MSM's scalars are stored: 4 little-endian 64-bit limbs per scalar, below r either way. */
public enum ScalarForm {
  /**
   * Fr elements in Montgomery form (s * 2^256 mod r), as {@code Bn254.FR} stores them: the form
   * of witnesses and polynomial coefficients computed in Java.
   */
  MONTGOMERY,
  /** The plain integers, as read from files such as snarkjs's .wtns; saves one conversion each. */
  PLAIN
}
