package org.zkml4j.bench;

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
import org.zkml4j.math.ntt.EvaluationDomain;
import org.zkml4j.math.parallel.Parallelism;

/**
 * Number-theoretic transforms over Fr on one and two threads, in place: the forward and inverse
 * transforms, and the move of values from the domain to snarkjs's odd-root coset that a Groth16
 * prover does three times per proof. ffjavascript (snarkjs) takes about 1.46 s for a 2^20 fft on
 * two threads of the reference machine ({@code bench/peers/ffjavascript-core.mjs fft 20 3}).
 * Forks run with {@code -XX:-TieredCompilation} so the LaneField kernels under the transforms are
 * compiled by C2 (see LaneField).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector", "-XX:-TieredCompilation"})
@State(Scope.Benchmark)
public class NttBench {
  @Param({"16", "20"})
  public int log2Size;

  @Param({"1", "2"})
  public int threads;

  private EvaluationDomain domain;
  private long[] shift;
  private long[] v;

  @Setup
  public void setUp() {
    PrimeField f = Bn254.FR;
    domain = EvaluationDomain.ofLog2Size(log2Size, new Parallelism(threads));
    shift = domain.snarkjsCosetShift();
    Random rnd = new Random(1);
    v = f.newVector(domain.size());
    for (int i = 0; i < domain.size(); i++) {
      f.fromLong(v, 4 * i, rnd.nextLong());
    }
  }

  @Benchmark
  public long[] fft() {
    domain.fft(v, 0);
    return v;
  }

  @Benchmark
  public long[] ifft() {
    domain.ifft(v, 0);
    return v;
  }

  @Benchmark
  public long[] evaluationsToOddCoset() {
    domain.evaluationsToCoset(v, 0, shift);
    return v;
  }
}
