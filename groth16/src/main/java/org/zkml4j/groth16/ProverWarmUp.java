package org.zkml4j.groth16;

import java.util.concurrent.atomic.AtomicBoolean;
import org.zkml4j.math.field.LaneField;
import org.zkml4j.math.msm.BucketArithmetic;

/**
 * Calls the vector-lane kernels that the prover's NTTs and MSMs are made of (Fr and Fq
 * multiplication, addition, subtraction, canonical form) on a single block, many times, in one
 * background thread, once per JVM: so that their invocation counts reach C2's thresholds while
 * a command is still reading its files, rather than inside the first 2^17-element NTT.
 *
 * <p>Why: Vector API code runs 100 to 1000 times slower interpreted or in C1 code than once C2
 * has compiled it, and until then every kernel call of a large NTT costs tens of microseconds. In
 * a cold {@code groth16 prove} of a 67,210 constraint Poseidon chain the first coset NTT (2^17)
 * took about 1.4 s of CPU time, the next two about 0.1 s each. Calls on one block reach the
 * thresholds with the least work; past them the thread only polls, once a millisecond, until the
 * kernels run at compiled speed, leaving the CPU to the command. The prover does not wait for it:
 * waiting saved CPU time on a loaded machine, but on a quiet one it left a core idle for about a second (a cold Poseidon-chain prove took 4.0 to 4.5 s with
 * the wait, 3.1 to 3.2 s without).
 *
 * <p>The real cure is earlier C2 compilation of the kernels: with the JVM option
 * {@code -XX:CompileCommand=CompileThresholdScaling,org.zkml4j.math.field.LaneKernel::*,0.02} the
 * same proof took about 0.5 s less CPU time; that option belongs to the launcher.
 */
final class ProverWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static volatile boolean compiled;
  /**
   * Rounds (each calls every kernel once per field, so twice per kernel method) that take the
   * kernels past C2's tiered thresholds: 5,000 invocations, or 15,000 invocations plus loop
   * iterations.
   */
  static final int ROUNDS = 3_000;
  /** Further rounds at most, one per millisecond, while C2 compiles. */
  static final int POLLS = 3_000;
  /** A round slower than this has a kernel not compiled by C2 yet (compiled, a round takes about 2 us). */
  private static final long FAST_NANOS = 10_000;

  private ProverWarmUp() {}

  /** Starts the warm-up on a daemon thread unless this JVM already did, or has no vector lanes; returns at once. */
  static void startOnce() {
    if (!BucketArithmetic.LANES.isAvailable() || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(ProverWarmUp::run, "zkml4j-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** Whether a warm-up round has run at compiled speed in this JVM. */
  static boolean compiled() {
    return compiled;
  }

  /**
   * The warm-up itself, on the calling thread, until the kernels run at compiled speed or the
   * polls run out; returns a limb of the last result, so that none of the work is dead code.
   */
  static long run() {
    LaneField[] fields = {LaneField.FR, LaneField.FQ};
    int n = LaneField.BLOCK;
    long[] x = fields[0].newVector(n), y = fields[0].newVector(n), z = fields[0].newVector(n);
    for (int i = 0; i < x.length; i++) { // limbs below 2^48: values below both moduli
      x[i] = (i + 1) * 0x9E3779B97F4A7L & ((1L << 48) - 1);
      y[i] = x[i] >>> 1;
    }
    for (int round = 0; round < ROUNDS + POLLS; round++) {
      long start = System.nanoTime();
      for (LaneField f : fields) {
        f.mul(z, 0, x, 0, y, 0, n);
        f.add(z, 0, z, 0, y, 0, n);
        f.sub(z, 0, z, 0, x, 0, n);
        f.canonicalize(z, 0, z, 0, n);
      }
      if (round >= ROUNDS) { // past the thresholds: more calls do not hasten C2, so leave the CPU to others
        if (System.nanoTime() - start < FAST_NANOS) {
          compiled = true;
          break;
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return z[0];
  }
}
