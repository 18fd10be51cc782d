package org.zkml4j.bench;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.field.PrimeField;

/**
 * Scalar field multiplication in the shape MSM and NTT use it: in place over a flat vector of 256
 * elements (throughput), and a chain of dependent products (latency).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class FieldBench {
  private static final int N = 256;

  @Param({"Fr", "Fq"})
  public String field;

  private PrimeField f;
  private long[] a;
  private long[] b;

  @Setup
  public void setUp() {
    f = field.equals("Fr") ? Bn254.FR : Bn254.FQ;
    Random rnd = new Random(1);
    a = f.newVector(N);
    b = f.newVector(N);
    for (int i = 0; i < N; i++) {
      f.fromBigInteger(a, 4 * i, new BigInteger(256, rnd));
      f.fromBigInteger(b, 4 * i, new BigInteger(256, rnd));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] mulThroughput() {
    for (int i = 0; i < 4 * N; i += 4) {
      f.mul(a, i, a, i, b, i);
    }
    return a;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] mulLatency() {
    for (int i = 0; i < N; i++) {
      f.mul(a, 0, a, 0, b, 0);
    }
    return a;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] addThroughput() {
    for (int i = 0; i < 4 * N; i += 4) {
      f.add(a, i, a, i, b, i);
    }
    return a;
  }
}
