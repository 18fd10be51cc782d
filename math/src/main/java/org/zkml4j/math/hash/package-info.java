/**
 * Byte-oriented hash functions: {@link org.zkml4j.math.hash.Keccak256}, Ethereum's Keccak-256
 * (Bertoni, Daemen, Peeters, Van Assche: "The Keccak reference", version 3.0, 2011; the
 * permutation as in FIPS 202), for on-chain compatible digests of files, keys and transcripts; and
 * {@link org.zkml4j.math.hash.Blake2b} (RFC 7693), the hash of snarkjs's ceremony transcripts.
 */
package org.zkml4j.math.hash;
