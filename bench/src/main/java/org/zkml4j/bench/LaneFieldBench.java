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
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.field.PrimeField;

/**
 * The SoA lane kernels against the scalar 4x64 field on the same 256 elements, in place (all
 * arrays L1-resident), reported per element. Forks run with {@code -XX:-TieredCompilation} so
 * the large vector kernel is compiled by C2 (with tiered compilation it can stay in slow code for
 * a whole fork; see {@link LaneField}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:-TieredCompilation"})
@State(Scope.Thread)
public class LaneFieldBench {
  private static final int N = 256;

  @Param({"Fr", "Fq"})
  public String field;

  private PrimeField f;
  private LaneField lanes;
  private long[] a, b;
  private long[] la, lb, scratch;

  @Setup
  public void setUp() {
    f = field.equals("Fr") ? Bn254.FR : Bn254.FQ;
    lanes = field.equals("Fr") ? LaneField.FR : LaneField.FQ;
    Random rnd = new Random(1);
    a = f.newVector(N);
    b = f.newVector(N);
    for (int i = 0; i < N; i++) {
      f.fromBigInteger(a, 4 * i, new BigInteger(256, rnd));
      f.fromBigInteger(b, 4 * i, new BigInteger(256, rnd));
    }
    la = lanes.newVector(N);
    lb = lanes.newVector(N);
    scratch = lanes.newVector(N);
    lanes.fromPrimeField(la, 0, a, 0, N);
    lanes.fromPrimeField(lb, 0, b, 0, N);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] laneMul() {
    lanes.mul(la, 0, la, 0, lb, 0, N);
    return la;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] primeFieldMul() {
    for (int i = 0; i < 4 * N; i += 4) {
      f.mul(a, i, a, i, b, i);
    }
    return a;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] laneAdd() {
    lanes.add(la, 0, la, 0, lb, 0, N);
    return la;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] laneSub() {
    lanes.sub(la, 0, la, 0, lb, 0, N);
    return la;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] primeFieldAdd() {
    for (int i = 0; i < 4 * N; i += 4) {
      f.add(a, i, a, i, b, i);
    }
    return a;
  }

  /** Per element: three lane products plus a share of one scalar inversion. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long[] laneBatchInverse() {
    lanes.batchInverse(la, 0, N, scratch);
    return la;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long[] primeFieldBatchInverse() {
    f.batchInverse(a, 0, N, scratch);
    return a;
  }
}
