/**
 * The binary files of the circom/snarkjs toolchain: the shared section container
 * ({@link org.zkml4j.circuit.format.BinFileReader}, {@link org.zkml4j.circuit.format.BinFileWriter})
 * used by .r1cs, .wtns, .zkey and .ptau files, and the formats for constraint systems
 * ({@link org.zkml4j.circuit.format.R1csFile}) and witnesses
 * ({@link org.zkml4j.circuit.format.WtnsFile}). Readers validate everything they read and report
 * a malformed file with a checked {@link org.zkml4j.circuit.format.FormatException} naming the
 * file, the section and what was expected; the proving-key formats build on the same classes.
 *
 * <p>Reference: iden3/binfileutils, iden3/r1csfile (doc/r1cs_bin_format.md) and snarkjs's
 * src/wtns_utils.js.
 */
package org.zkml4j.circuit.format;
