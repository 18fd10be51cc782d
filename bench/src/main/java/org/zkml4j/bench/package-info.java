/**
 * Benchmarks: JMH classes per layer of the stack (field, curve, MSM, NTT, pairing, Poseidon), and
 * the plain-Java runners the side-by-side scripts start as processes next to a peer's
 * ({@link org.zkml4j.bench.CoreRun} for {@code scripts/bench-core}, {@link org.zkml4j.bench.MnistRun}
 * for {@code scripts/bench-mnist}). Timing lives here and in {@code bench/peers}, never in unit tests.
 */
package org.zkml4j.bench;
