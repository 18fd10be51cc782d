package org.zkml4j.bench;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zkml4j.math.field.Bn254;
import org.zkml4j.math.pairing.Pairing;
import org.zkml4j.math.parallel.Parallelism;

/**
 * The BN254 pairing: one e(P, Q), and the 4-pair product check a Groth16 verifier makes (on the
 * shared executor and on one thread). The cost does not depend on which points are paired, so the
 * generators (and their negations, to make the product one) are used.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class PairingBench {
  private static final Parallelism ONE_THREAD = new Parallelism(1);

  private long[] p;
  private long[] q;
  private long[] g1;
  private long[] g2;

  @Setup
  public void setUp() {
    p = new long[8];
    Bn254.FQ.fromLong(p, 0, 1);
    Bn254.FQ.fromLong(p, 4, 2);
    q = new long[16];
    String[] g2Coordinates = { // EIP-197 generator: x.c0, x.c1, y.c0, y.c1
      "10857046999023057135944570762232829481370756359578518086990519993285655852781",
      "11559732032986387107991004021392285783925812861821192530917403151452391805634",
      "8495653923123431417604973247489272438418190587263600148770280649306958101930",
      "4082367875863433681332203403145435568316851327593401208105741076214120093531",
    };
    for (int i = 0; i < 4; i++) {
      Bn254.FQ.fromBigInteger(q, 4 * i, new BigInteger(g2Coordinates[i]));
    }
    // e(P, Q) e(-P, Q) e(P, Q) e(-P, Q) = 1
    g1 = new long[32];
    g2 = new long[64];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(p, 0, g1, 8 * i, 8);
      if ((i & 1) == 1) {
        Bn254.FQ.neg(g1, 8 * i + 4, p, 4);
      }
      System.arraycopy(q, 0, g2, 16 * i, 16);
    }
  }

  @Benchmark
  public long[] pairing() {
    return Pairing.pairing(p, q);
  }

  @Benchmark
  public boolean productOfFourIsOne() {
    return Pairing.productIsOne(g1, g2, 4);
  }

  @Benchmark
  public boolean productOfFourIsOneOneThread() {
    return Pairing.productIsOne(g1, g2, 4, ONE_THREAD);
  }
}
