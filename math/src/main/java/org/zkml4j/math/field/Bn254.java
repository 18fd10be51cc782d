package org.zkml4j.math.field;

import java.math.BigInteger;

/** The two prime fields of the BN254 curve (bn128 in snarkjs, alt_bn128 in Ethereum). */
public final class Bn254 {
  /** The scalar field order r: the field of circuit values and witnesses. */
  public static final BigInteger R_MODULUS = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  /** The base field order q: the field of curve coordinates. */
  public static final BigInteger Q_MODULUS = new BigInteger(
      "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  /** The scalar field Fr. */
  public static final PrimeField FR = new PrimeField(R_MODULUS);
  /** The base field Fq. */
  public static final PrimeField FQ = new PrimeField(Q_MODULUS);

  private Bn254() {}
}
