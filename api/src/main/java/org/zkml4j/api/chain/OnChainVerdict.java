package org.zkml4j.api.chain;

/**
 * What a deployed verifier contract said about one proof.
 *
 * @param accepted what {@code verifyProof} returned to an {@code eth_call} at the latest block
 * @param gasUsed the gas the same call used when sent as a transaction (from its receipt; the
 *     transaction's base cost of 21000 and the call data included), whether it was accepted or not
 * @param transactionHash that transaction's hash (0x-prefixed hex), to look it up on the chain
 */
public record OnChainVerdict(boolean accepted, long gasUsed, String transactionHash) {}
