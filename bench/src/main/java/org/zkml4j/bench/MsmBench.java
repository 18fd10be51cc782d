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
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.msm.BucketArithmetic;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.parallel.Parallelism;

/**
 * G1 multi-scalar multiplication on the shared executor, at 2^16 and 2^20 points, with uniformly
 * random scalars and with 0/1 scalars (the bulk of an ML witness), with the bucket additions in
 * vector lanes and in scalar arithmetic. The peer figure to compare with is ffjavascript's G1
 * multiExpAffine on the same machine (12.2 s at 2^20 random, 2.1 s at 2^20 bits, on 2 cores).
 * Forks run as the launcher does, with {@code -XX:-TieredCompilation}; warm-up iterations absorb
 * the vector kernels' JIT warm-up. On a shared machine prefer {@link MsmCpuTime}, which reports
 * CPU time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-XX:-TieredCompilation"})
@State(Scope.Benchmark)
public class MsmBench {
  @Param({"16", "20"})
  public int logSize;

  @Param({"random", "bits"})
  public String scalars;

  @Param({"LANES", "SCALAR"})
  public BucketArithmetic arithmetic;

  private int n;
  private long[] bases;
  private long[] values;

  @Setup
  public void setUp() {
    n = 1 << logSize;
    Random rnd = new Random(1);
    bases = BenchPoints.points(new G1(), n, rnd);
    values = BenchPoints.scalars(scalars, n, rnd);
  }

  @Benchmark
  public long[] g1() {
    return Msm.g1(bases, values, n, ScalarForm.MONTGOMERY, Parallelism.shared(), arithmetic);
  }
}
