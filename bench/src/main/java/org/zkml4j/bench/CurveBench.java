package org.zkml4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zkml4j.math.curve.G1;
import org.zkml4j.math.curve.G2;

/**
 * Point additions as MSM bucket accumulation and its reduction use them: a Jacobian accumulator
 * absorbing 256 affine points (mixed addition) or Jacobian points, and doubling; G1 and G2.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class CurveBench {
  private static final int N = 256;

  private final G1 g1 = new G1();
  private final G2 g2 = new G2();
  private long[] g1Affine, g1Jacobian, g1Acc;
  private long[] g2Affine, g2Acc;

  @Setup
  public void setUp() {
    Random rnd = new Random(3);
    g1Affine = BenchPoints.points(g1, N, rnd);
    g1Jacobian = new long[12 * N];
    for (int i = 0; i < N; i++) {
      g1.fromAffine(g1Jacobian, 12 * i, g1Affine, 8 * i);
      g1.dbl(g1Jacobian, 12 * i, g1Jacobian, 12 * i); // Z != 1
    }
    g1Acc = new long[12];
    g1.fromAffine(g1Acc, 0, g1.generator(), 0);
    g2Affine = BenchPoints.points(g2, N, rnd);
    g2Acc = new long[24];
    g2.fromAffine(g2Acc, 0, g2.generator(), 0);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] g1MixedAdd() {
    for (int i = 0; i < N; i++) {
      g1.addMixed(g1Acc, 0, g1Acc, 0, g1Affine, 8 * i);
    }
    return g1Acc;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] g1Add() {
    for (int i = 0; i < N; i++) {
      g1.add(g1Acc, 0, g1Acc, 0, g1Jacobian, 12 * i);
    }
    return g1Acc;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] g1Double() {
    for (int i = 0; i < N; i++) {
      g1.dbl(g1Acc, 0, g1Acc, 0);
    }
    return g1Acc;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] g2MixedAdd() {
    for (int i = 0; i < N; i++) {
      g2.addMixed(g2Acc, 0, g2Acc, 0, g2Affine, 16 * i);
    }
    return g2Acc;
  }
}
