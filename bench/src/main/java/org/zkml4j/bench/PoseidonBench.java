package org.zkml4j.bench;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;
import org.zkml4j.math.poseidon.Poseidon;

/**
 * One circomlib-compatible Poseidon hash of Montgomery-form Fr elements: 2 inputs (width 3, the
 * Merkle-tree case) and 16 (width 17, the widest, which {@link Poseidon#hashVector} chains).
 * Each call feeds the previous digest back in as the first input, so calls depend on each other.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class PoseidonBench {
  @Param({"2", "16"})
  public int inputs;

  private long[] state;

  @Setup
  public void setUp() {
    PrimeField fr = Bn254.FR;
    Random rnd = new Random(1);
    state = fr.newVector(inputs);
    for (int i = 0; i < inputs; i++) {
      fr.fromBigInteger(state, 4 * i, new BigInteger(256, rnd));
    }
  }

  @Benchmark
  public long[] hash() {
    Poseidon.hash(state, 0, state, 0, inputs);
    return state;
  }
}
