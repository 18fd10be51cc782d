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
import org.zkml4j.math.curve.G2;
import org.zkml4j.math.msm.BucketArithmetic;
import org.zkml4j.math.msm.Msm;
import org.zkml4j.math.msm.ScalarForm;
import org.zkml4j.math.parallel.Parallelism;

/**
 * G2 multi-scalar multiplication (Groth16's B in G2) at 2^16 random scalars, on the shared
 * executor, with the bucket additions in vector lanes and in scalar arithmetic.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-XX:-TieredCompilation"})
@State(Scope.Benchmark)
public class G2MsmBench {
  @Param({"16"})
  public int logSize;

  @Param({"LANES", "SCALAR"})
  public BucketArithmetic arithmetic;

  private int n;
  private long[] bases;
  private long[] values;

  @Setup
  public void setUp() {
    n = 1 << logSize;
    Random rnd = new Random(2);
    bases = BenchPoints.points(new G2(), n, rnd);
    values = BenchPoints.scalars("random", n, rnd);
  }

  @Benchmark
  public long[] g2() {
    return Msm.g2(bases, values, n, ScalarForm.MONTGOMERY, Parallelism.shared(), arithmetic);
  }
}
