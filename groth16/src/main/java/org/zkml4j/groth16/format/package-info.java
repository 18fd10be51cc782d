/**
 * snarkjs's file formats for Groth16 on BN254: proving keys ({@link
 * org.zkml4j.groth16.format.ZkeyReader}, {@link org.zkml4j.groth16.format.ZkeyWriter}) in iden3's
 * binary section container, and the JSON files {@code verification_key.json}, {@code proof.json}
 * and {@code public.json}. Readers validate everything they read (sizes, field elements below
 * their modulus, points on their curves, G2 points in the subgroup where it matters) and report a
 * malformed file with a checked {@link org.zkml4j.circuit.format.FormatException} naming the
 * file, the section or field, and what was expected.
 *
 * <p>References: snarkjs 0.7.x src/zkey_utils.js, src/zkey_new.js, src/groth16_prove.js,
 * src/zkey_export_verificationkey.js, and iden3/binfileutils.
 */
package org.zkml4j.groth16.format;
