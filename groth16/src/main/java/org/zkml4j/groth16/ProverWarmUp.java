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
 * thresholds with the least work; on a loaded 2-core machine the first NTT then took about 1.1 s
 * of CPU time, at a cost of about 0.3 s during the read (medians are in the commit message).
 */
final class ProverWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  /**
   * Calls of each kernel per field: above C2's tiered thresholds (5,000 invocations, or 15,000
   * invocations plus loop iterations), with room for the C1 stages in between.
   */
  static final int CALLS = 8_000;

  private ProverWarmUp() {}

  /** Starts the warm-up on a daemon thread unless this JVM already did, or has no vector lanes; returns at once. */
  static void startOnce() {
    if (!BucketArithmetic.LANES.isAvailable() || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(ProverWarmUp::run, "zkml4j-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** The warm-up itself, on the calling thread; returns a value derived from the results so none is dead code. */
  static long run() {
    LaneField[] fields = {LaneField.FR, LaneField.FQ};
    int n = LaneField.BLOCK;
    long[] x = fields[0].newVector(n), y = fields[0].newVector(n), z = fields[0].newVector(n);
    for (int i = 0; i < x.length; i++) { // limbs below 2^48: values below both moduli
      x[i] = (i + 1) * 0x9E3779B97F4A7L & ((1L << 48) - 1);
      y[i] = x[i] >>> 1;
    }
    for (int call = 0; call < 2 * CALLS; call++) {
      LaneField f = fields[call & 1];
      f.mul(z, 0, x, 0, y, 0, n);
      f.add(z, 0, z, 0, y, 0, n);
      f.sub(z, 0, z, 0, x, 0, n);
      f.canonicalize(z, 0, z, 0, n);
    }
    return z[0];
  }
}
